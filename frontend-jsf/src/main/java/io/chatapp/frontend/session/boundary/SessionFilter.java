package io.chatapp.frontend.session.boundary;

import io.chatapp.frontend.backend.control.BrowserSession;
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
 * is refreshed here, before the page renders), its Ajax requests too (a JSF partial redirect to the
 * login page when there is none), and a signed-in user opening the login page goes straight to the
 * chat. The login page's own Ajax requests need no session.
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
    String path = request.getServletPath();
    if (path.equals("/login.xhtml") && isAjax) {
      chain.doFilter(request, response);
      return;
    }
    BrowserSession.State state = services.session(request, response).state(tokens);
    boolean signedIn = state == BrowserSession.State.ON;
    if (path.equals("/login.xhtml")) {
      if (signedIn) {
        response.sendRedirect(request.getContextPath() + "/chat.xhtml");
        return;
      }
    } else if (isAjax) {
      // the page's own calls: to login only when the session is really over; with user-war away
      // they go on and answer 503, which the page retries
      if (state == BrowserSession.State.OVER) {
        partialRedirect(response, request.getContextPath() + "/login.xhtml");
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

  /** What JSF's Ajax script follows instead of a 302: a partial response that redirects. */
  private static void partialRedirect(HttpServletResponse response, String url) throws IOException {
    response.setContentType("text/xml");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response
        .getWriter()
        .write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                + url
                + "\"/></partial-response>");
  }
}
