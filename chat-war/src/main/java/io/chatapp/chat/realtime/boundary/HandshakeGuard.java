package io.chatapp.chat.realtime.boundary;

import com.nimbusds.jwt.JWTClaimsSet;
import io.chatapp.platform.auth.TokenVerifier;
import io.chatapp.platform.auth.Tokens;
import io.chatapp.platform.rest.ErrorBody;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a WebSocket upgrade before any frame flows: 401 without a valid access token, 403 for a
 * cookie login from an origin other than the web UI.
 */
@WebFilter("/ws")
public class HandshakeGuard extends HttpFilter {

  @Inject TokenVerifier verifier;

  @Inject
  @ConfigProperty(name = "ws.allowed-origins", defaultValue = "http://localhost:3003")
  String allowedOrigins;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<SocketCredentials> credentials =
        SocketCredentials.of(request.getHeader("Authorization"), request.getHeader("Cookie"));
    Optional<JWTClaimsSet> claims =
        credentials.flatMap(found -> verifier.verify(found.token(), Tokens.ACCESS));
    if (claims.isEmpty()) {
      refuse(response, 401, "Not authenticated: a valid access token is required");
      return;
    }
    if (!credentials.get().originAllowed(request.getHeader("Origin"), allowedOrigins)) {
      refuse(response, 403, "This origin may not open a socket with a cookie login");
      return;
    }
    JWTClaimsSet proven = claims.get();
    Object session = proven.getClaim(Tokens.SESSION_CLAIM);
    SocketPrincipal principal =
        new SocketPrincipal(
            proven.getSubject(),
            session == null ? null : session.toString(),
            proven.getIssueTime() == null ? Instant.EPOCH : proven.getIssueTime().toInstant(),
            proven.getExpirationTime().toInstant());
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public Principal getUserPrincipal() {
            return principal;
          }
        },
        response);
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response
        .getOutputStream()
        .write(
            JsonbBuilder.create().toJson(new ErrorBody(message)).getBytes(StandardCharsets.UTF_8));
  }
}
