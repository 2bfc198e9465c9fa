package io.chatapp.frontend.session.boundary;

import io.chatapp.frontend.backend.control.Answer;
import io.chatapp.frontend.backend.control.BrowserSession;
import io.chatapp.frontend.backend.control.RefreshCookie;
import io.chatapp.frontend.backend.control.Services;
import io.chatapp.platform.http.OriginCheck;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The only place the browser sends its refresh token ({@link RefreshCookie}): renewing the session
 * and ending it.
 *
 * <ul>
 *   <li>{@code POST /session/refresh}: the page's script renews before the access token runs out,
 *       or when the socket was refused; JSON: 200, 401 when the session is over, 409 with {@code
 *       Retry-After} when another request of this browser renewed with the same refresh token a
 *       moment ago (the script tries again with the cookies that one set), 503 when the user
 *       service is away.
 *   <li>{@code GET /session/refresh}: where a page without a valid access token is sent (a reload
 *       after a while, an Ajax call after the laptop slept): renews, then back to the chat, or to
 *       the login page when the session is over. Only as a page: an image or script of another page
 *       that points here changes nothing. Two tabs restored at once both come here with the same
 *       cookie: the one that comes second keeps the cookies and goes on to the chat a second later.
 *   <li>{@code POST /session/logout}: ends the session at the user service and drops the cookies.
 * </ul>
 *
 * The POSTs are refused from pages of other origins, as every cookie-authenticated change is.
 */
@WebServlet(RefreshCookie.PATH + "/*")
public class SessionServlet extends HttpServlet {

  /**
   * What the user service answers when the refresh token was just traded by another request of the
   * same browser: nothing was revoked and no cookie cleared; that request's answer sets the new
   * ones.
   */
  static final int JUST_REPLACED = 409;

  @Inject Services services;
  @Inject OriginCheck origins;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    if (!"/refresh".equals(request.getPathInfo())) {
      json(response, 404, "{\"message\":\"Not found\"}");
      return;
    }
    String destination = request.getHeader("Sec-Fetch-Dest");
    if (destination != null && !destination.equals("document")) {
      json(response, 403, "{\"message\":\"The session is renewed only by the page itself\"}");
      return;
    }
    Answer answer = session(request, response).renew();
    if (answer.status() == 200) {
      response.sendRedirect(request.getContextPath() + "/chat.xhtml");
    } else if (answer.status() == 401) {
      response.sendRedirect(request.getContextPath() + "/login.xhtml");
    } else if (answer.status() == JUST_REPLACED) {
      justReplaced(request, response);
    } else {
      // the user service is away for now: try again shortly rather than log the person out
      response.setStatus(503);
      response.setHeader("Refresh", "5");
      response.setContentType("text/html;charset=UTF-8");
      response
          .getOutputStream()
          .write(
              ("<!DOCTYPE html><title>Chat</title><p>The chat is unavailable for a moment;"
                      + " this page tries again in a few seconds.</p>")
                  .getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    if (origins.isForeign("POST", request.getHeader("Origin"), request.getHeader("Referer"))) {
      json(response, 403, errorBody(OriginCheck.refusal()));
      return;
    }
    String action = request.getPathInfo();
    if ("/refresh".equals(action)) {
      Answer answer = session(request, response).renew();
      if (answer.retryAfterSeconds() > 0) {
        response.setHeader("Retry-After", Long.toString(answer.retryAfterSeconds()));
      }
      json(response, answer.status(), answer.body());
    } else if ("/logout".equals(action)) {
      Answer answer = session(request, response).logout();
      json(response, answer.ok() ? 200 : answer.status(), answer.body());
    } else {
      json(response, 404, "{\"message\":\"Not found\"}");
    }
  }

  /**
   * The page of a renewal that came second: on to the chat in a second, with the cookies the other
   * renewal's answer set by then. Not a redirect at once: this answer may reach the browser before
   * that one, and the chat would send it straight back here.
   */
  private static void justReplaced(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String chat = request.getContextPath() + "/chat.xhtml";
    response.setStatus(JUST_REPLACED);
    response.setHeader("Refresh", "1; url=" + chat);
    response.setContentType("text/html;charset=UTF-8");
    response
        .getOutputStream()
        .write(
            ("<!DOCTYPE html><title>Chat</title><p>Your session was just renewed elsewhere in this"
                    + " browser; <a href=\"../chat.xhtml\">the chat</a> opens in a moment.</p>")
                .getBytes(StandardCharsets.UTF_8));
  }

  private BrowserSession session(HttpServletRequest request, HttpServletResponse response) {
    return services.session(request, response);
  }

  private static String errorBody(String message) {
    return io.chatapp.platform.json.JsonSupport.JSON
        .createObjectBuilder()
        .add("message", message)
        .build()
        .toString();
  }

  private static void json(HttpServletResponse response, int status, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
