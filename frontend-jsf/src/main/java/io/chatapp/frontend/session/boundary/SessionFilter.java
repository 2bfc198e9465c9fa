package io.chatapp.frontend.session.boundary;

import io.chatapp.frontend.backend.control.Services;
import io.chatapp.platform.auth.TokenVerifier;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends each page request where it belongs: the chat page needs a session (an expired access token
 * is refreshed here, before the page renders), and a signed-in user opening the login page goes
 * straight to the chat.
 */
@WebFilter(urlPatterns = {"/", "/index.xhtml", "/login.xhtml", "/chat.xhtml"})
public class SessionFilter extends HttpFilter {

  @Inject Services services;
  @Inject TokenVerifier tokens;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean isAjax = "partial/ajax".equals(request.getHeader("Faces-Request"));
    boolean signedIn = isAjax || hasValidSession(request, response);
    String path = request.getServletPath();
    if (path.equals("/login.xhtml")) {
      if (signedIn && !isAjax) {
        response.sendRedirect(request.getContextPath() + "/chat.xhtml");
        return;
      }
    } else if (!signedIn) {
      response.sendRedirect(request.getContextPath() + "/login.xhtml");
      return;
    } else if (!path.equals("/chat.xhtml")) {
      response.sendRedirect(request.getContextPath() + "/chat.xhtml");
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    chain.doFilter(request, response);
  }

  /** A valid access token, or one just refreshed with the refresh token. */
  private boolean hasValidSession(HttpServletRequest request, HttpServletResponse response) {
    return services.session(request, response).bearer(tokens).isPresent();
  }
}
