package io.chatapp.chat.realtime.boundary;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.platform.auth.TokenVerifier;
import jakarta.inject.Inject;
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
    Optional<TokenVerifier.Verified> token =
        credentials.flatMap(found -> verifier.verifiedAccess(found.token()));
    if (token.isEmpty()) {
      refuse(response, 401, "Not authenticated: a valid access token is required");
      return;
    }
    if (!credentials.get().originAllowed(request.getHeader("Origin"), allowedOrigins)) {
      refuse(response, 403, "This origin may not open a socket with a cookie login");
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

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response
        .getOutputStream()
        .write(
            JSON.createObjectBuilder()
                .add("message", message)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8));
  }
}
