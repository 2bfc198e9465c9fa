package io.chatapp.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client a request comes from, for limits per client: the peer's address, or,
 * when the peer is one of the trusted proxies ({@code http.trusted-proxies}, comma-separated
 * addresses), the nearest address in {@code X-Forwarded-For} that is not itself a trusted proxy. A
 * header from anyone else is ignored: it would let a client choose its own address.
 */
@ApplicationScoped
public class ClientAddress {

  @Inject
  @ConfigProperty(name = "http.trusted-proxies", defaultValue = " ")
  String trustedProxies;

  private volatile Set<String> trusted;

  public ClientAddress() {}

  /** For use outside the container (tests). */
  public ClientAddress(String trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  public String of(HttpServletRequest request) {
    return of(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
  }

  /** The client behind a peer that sent these {@code X-Forwarded-For} headers (maybe none). */
  public String of(String peer, java.util.Enumeration<String> forwardedFor) {
    String client = normal(peer);
    if (!trusted().contains(client) || forwardedFor == null) {
      return client;
    }
    List<String> hops =
        java.util.Collections.list(forwardedFor).stream()
            .flatMap(header -> Arrays.stream(header.split(",")))
            .map(ClientAddress::normal)
            .filter(hop -> !hop.isEmpty())
            .toList();
    for (int i = hops.size() - 1; i >= 0; i--) {
      client = hops.get(i);
      if (!trusted().contains(client)) {
        return client;
      }
    }
    return client;
  }

  private Set<String> trusted() {
    Set<String> known = trusted;
    if (known == null) {
      known =
          Arrays.stream(trustedProxies.split(","))
              .map(ClientAddress::normal)
              .filter(address -> !address.isEmpty())
              .collect(Collectors.toUnmodifiableSet());
      trusted = known;
    }
    return known;
  }

  /** IPv6 loopback written either way is one address; brackets and spaces go. */
  private static String normal(String address) {
    String plain = address == null ? "" : address.trim().replace("[", "").replace("]", "");
    return plain.equals("0:0:0:0:0:0:0:1") ? "::1" : plain;
  }
}
