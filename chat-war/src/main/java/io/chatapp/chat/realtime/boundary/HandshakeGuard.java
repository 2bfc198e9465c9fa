package io.chatapp.chat.realtime.boundary;

import io.chatapp.platform.auth.TokenVerifier;
import io.chatapp.platform.rest.ServletAnswers;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a WebSocket upgrade before any frame flows: 503 while {@code ws.handshakes-at-once}
 * upgrades are already under way, 401 without a valid access token, 403 for a cookie login from an
 * origin other than the web UI.
 *
 * <p>The bound keeps a reconnect storm (an instance's clients all coming back at once) from taking
 * every HTTP thread and both cores from the people already chatting: 1,000 upgrades at once, each a
 * signature check, Tyrus' handshake and a new session, queued ahead of their messages' POSTs for
 * most of a second. Past the bound an upgrade is refused at once, before any of that work, with
 * {@code Retry-After}; clients retry after a pause (the web page with a growing delay).
 */
@WebFilter("/ws")
public class HandshakeGuard extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(HandshakeGuard.class.getName());

  /** Refusals are logged at most this often, with how many there were since the last time. */
  private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  @Inject TokenVerifier verifier;

  @Inject
  @ConfigProperty(name = "ws.allowed-origins", defaultValue = "http://localhost:3003")
  String allowedOrigins;

  @Inject
  @ConfigProperty(name = "ws.handshakes-at-once", defaultValue = "4")
  int handshakesAtOnce;

  private Semaphore handshakes;
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong loggedAt = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

  @Override
  public void init() {
    handshakes = new Semaphore(Math.max(1, handshakesAtOnce));
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!handshakes.tryAcquire()) {
      busy(response);
      return;
    }
    try {
      upgrade(request, response, chain);
    } finally {
      handshakes.release();
    }
  }

  private void busy(HttpServletResponse response) throws IOException {
    long count = refused.incrementAndGet();
    long now = System.nanoTime();
    long last = loggedAt.get();
    if (now - last >= LOG_EVERY_NANOS && loggedAt.compareAndSet(last, now)) {
      refused.addAndGet(-count);
      LOG.log(
          Level.WARNING,
          "Refused {0} socket upgrades with 503: {1} were under way (ws.handshakes-at-once)",
          new Object[] {count, handshakesAtOnce});
    }
    response.setHeader("Retry-After", "1");
    ServletAnswers.refuse(response, 503, "Busy opening other sockets: try again in a second");
  }

  private void upgrade(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<SocketCredentials> credentials =
        SocketCredentials.of(request.getHeader("Authorization"), request.getHeader("Cookie"));
    Optional<TokenVerifier.Verified> token =
        credentials.flatMap(found -> verifier.verifiedAccess(found.token()));
    if (token.isEmpty()) {
      ServletAnswers.refuse(response, 401, "Not authenticated: a valid access token is required");
      return;
    }
    if (!credentials.get().originAllowed(request.getHeader("Origin"), allowedOrigins)) {
      ServletAnswers.refuse(response, 403, "This origin may not open a socket with a cookie login");
      return;
    }
    TokenVerifier.Verified proven = token.get();
    SocketPrincipal principal =
        new SocketPrincipal(
            proven.caller().userId(),
            proven.caller().session(),
            proven.issuedAt(),
            proven.expiry());
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public Principal getUserPrincipal() {
            return principal;
          }
        },
        response);
  }
}
