package io.chatapp.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a request that changes something, authenticated by a cookie, comes from a page of ours:
 * the web UI's origins ({@code http.allowed-origins}, comma-separated). A browser names the page's
 * origin in {@code Origin} on every such request from another origin (or {@code null} where it
 * hides it, which is foreign too), so a page elsewhere cannot act with the user's cookie (CSRF).
 * Without {@code Origin} the {@code Referer}'s origin counts; a request with neither is no
 * browser's. Requests with a Bearer token need no check: no page can make a browser send one.
 */
@ApplicationScoped
public class OriginCheck {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject
  @ConfigProperty(name = "http.allowed-origins", defaultValue = "http://localhost:3003")
  String allowedOrigins;

  private volatile Set<String> allowed;

  public OriginCheck() {}

  /** For use outside the container (tests). */
  public OriginCheck(String allowedOrigins) {
    this.allowedOrigins = allowedOrigins;
  }

  /** True when a cookie-authenticated request with this method must be refused. */
  public boolean isForeign(String method, String origin, String referer) {
    if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
      return false;
    }
    if (origin != null) {
      return !allowed().contains(normal(origin));
    }
    if (referer != null) {
      return !allowed().contains(originOf(referer));
    }
    return false;
  }

  /** The message of the 403 that refuses it. */
  public static String refusal() {
    return "This request comes from a page of another site: a cookie login may be used only from"
        + " the web UI (integrators send the token as Authorization: Bearer)";
  }

  private Set<String> allowed() {
    Set<String> known = allowed;
    if (known == null) {
      known =
          Arrays.stream(allowedOrigins.split(","))
              .map(OriginCheck::normal)
              .filter(origin -> !origin.isEmpty())
              .collect(Collectors.toUnmodifiableSet());
      allowed = known;
    }
    return known;
  }

  private static String normal(String origin) {
    String plain = origin.trim().toLowerCase(Locale.ROOT);
    return plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
  }

  private static String originOf(String referer) {
    try {
      URI uri = URI.create(referer.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "";
      }
      return normal(
          uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
