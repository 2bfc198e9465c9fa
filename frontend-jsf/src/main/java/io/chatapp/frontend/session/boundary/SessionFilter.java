package io.chatapp.frontend.session.boundary;

import io.chatapp.frontend.backend.control.BrowserSession;
import io.chatapp.frontend.backend.control.RefreshCookie;
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
 * Sends each page request where it belongs: the chat page needs a valid access token, and so do its
 * Ajax requests; without one they go to {@code /session/refresh} (a JSF partial redirect for Ajax),
 * the one path the browser sends its refresh token to, which renews the session and comes back to
 * the chat, or goes on to the login page when the session is over. A signed-in user opening the
 * login page goes straight to the chat. The login page's own Ajax requests need no session.
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
    BrowserSession session = services.session(request, response);
    if (session.hasRefreshToken()) {
      // only a refresh cookie kept for every path, as earlier versions set it, reaches a page: move
      // it under /session (a renewal sets it there) and drop it here
      if (session.renew().status() != 503) {
        session.dropSiteWideRefreshCookie();
      }
    }
    boolean signedIn = session.hasValidAccessToken(tokens);
    String renewal = request.getContextPath() + RefreshCookie.PATH + "/refresh";
    if (path.equals("/login.xhtml")) {
      if (signedIn) {
        response.sendRedirect(request.getContextPath() + "/chat.xhtml");
        return;
      }
    } else if (isAjax) {
      if (!signedIn) {
        partialRedirect(response, renewal);
        return;
      }
    } else if (!signedIn) {
      response.setHeader("Cache-Control", "no-store");
      response.sendRedirect(renewal);
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
