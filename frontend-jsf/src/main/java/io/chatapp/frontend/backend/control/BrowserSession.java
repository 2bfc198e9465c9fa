package io.chatapp.frontend.backend.control;

import io.chatapp.platform.auth.Tokens;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The UI's calls to the user and chat services for one browser request, made with that browser's
 * tokens. The user service sets the session cookies; their {@code Set-Cookie} headers go on to the
 * browser, the refresh token's with the UI's own path ({@link RefreshCookie}). The browser sends
 * the refresh token only to {@code /session/...}; there an expired access token can be refreshed.
 */
public class BrowserSession {

  private static final Logger LOG = Logger.getLogger(BrowserSession.class.getName());
  private static final String SITE_WIDE = "/";

  private final UserServiceClient users;
  private final ChatServiceClient chats;
  private final HttpServletResponse response;
  private final String client;
  private final String refreshCookiePath;
  private final Set<String> cookiesSent = new HashSet<>();
  private String accessToken;
  private String refreshToken;

  BrowserSession(
      UserServiceClient users,
      ChatServiceClient chats,
      HttpServletRequest request,
      HttpServletResponse response,
      String client) {
    this.users = users;
    this.chats = chats;
    this.response = response;
    this.client = client;
    this.refreshCookiePath = request.getContextPath() + RefreshCookie.PATH;
    this.accessToken = cookie(request, Tokens.ACCESS_COOKIE);
    this.refreshToken = cookie(request, Tokens.REFRESH_COOKIE);
  }

  /**
   * Calls the user service without a session (login, verify), with the browser's address; cookies
   * it sets go on.
   */
  public Answer anonymous(BiFunction<UserServiceClient, String, Response> call) {
    return answer("user", () -> call.apply(users, client));
  }

  /** Calls the user service as the signed-in user. */
  public Answer asUser(BiFunction<UserServiceClient, String, Response> call) {
    return withSession("user", bearer -> call.apply(users, bearer));
  }

  /** Calls the chat service as the signed-in user. */
  public Answer asChatUser(BiFunction<ChatServiceClient, String, Response> call) {
    return withSession("chat", bearer -> call.apply(chats, bearer));
  }

  /**
   * Trades the refresh token for new cookies: 200 when done, 401 only when the session is really
   * over (no refresh token, or the user service refused it), else the user service's trouble (503
   * when it is unreachable), which a later attempt may get past.
   */
  public Answer renew() {
    if (refreshToken == null) {
      return Answer.of(401, "{\"message\":\"Your session has ended\"}");
    }
    String previous = accessToken;
    Answer answer = answer("user", () -> users.refresh(Tokens.REFRESH_COOKIE + "=" + refreshToken));
    if (answer.ok() && accessToken != null && !accessToken.equals(previous)) {
      return Answer.of(200, "{}");
    }
    if (answer.ok() || answer.status() == 401 || answer.status() == 403) {
      return Answer.of(401, "{\"message\":\"Your session has ended\"}");
    }
    return answer;
  }

  /** Trades the refresh token for new cookies; false when that did not work now. */
  public boolean refresh() {
    return renew().status() == 200;
  }

  /** Ends the session at the user service (revoking the refresh token) and in the browser. */
  public Answer logout() {
    String cookie = refreshToken == null ? "" : Tokens.REFRESH_COOKIE + "=" + refreshToken;
    Answer answer = answer("user", () -> users.logout(cookie, "{}"));
    send(RefreshCookie.expired(Tokens.ACCESS_COOKIE, SITE_WIDE));
    send(RefreshCookie.expired(Tokens.REFRESH_COOKIE, refreshCookiePath));
    dropSiteWideRefreshCookie();
    return answer;
  }

  /**
   * Removes a refresh token the browser keeps for every path, as versions before {@link
   * RefreshCookie} set it. A page request that carries a refresh token carries such a one.
   */
  public void dropSiteWideRefreshCookie() {
    send(RefreshCookie.expired(Tokens.REFRESH_COOKIE, SITE_WIDE));
  }

  /**
   * An {@code Authorization} header value with a valid access token (refreshed if needed), or empty
   * when the session is over. For calls that cannot be repeated, such as streamed uploads.
   */
  public java.util.Optional<String> bearer(io.chatapp.platform.auth.TokenVerifier verifier) {
    return state(verifier) == State.ON
        ? java.util.Optional.of("Bearer " + accessToken)
        : java.util.Optional.empty();
  }

  /** Whether the session is on: valid now or refreshed, over, or unknown while user-war is away. */
  public enum State {
    ON,
    OVER,
    UNKNOWN
  }

  public State state(io.chatapp.platform.auth.TokenVerifier verifier) {
    if (hasValidAccessToken(verifier)) {
      return State.ON;
    }
    int status = renew().status();
    return status == 200 ? State.ON : status == 401 ? State.OVER : State.UNKNOWN;
  }

  /** Whether the access token is valid now (checked here, without asking the user service). */
  public boolean hasValidAccessToken(io.chatapp.platform.auth.TokenVerifier verifier) {
    return accessToken != null && verifier.verifyAccess(accessToken).isPresent();
  }

  public boolean hasAccessToken() {
    return accessToken != null;
  }

  public boolean hasRefreshToken() {
    return refreshToken != null;
  }

  private Answer withSession(String service, Function<String, Response> call) {
    if (accessToken == null && !refresh()) {
      return Answer.of(401, "{\"message\":\"Your session has ended: please log in again\"}");
    }
    Answer answer = answer(service, () -> call.apply("Bearer " + accessToken));
    if (answer.status() == 401 && refresh()) {
      answer = answer(service, () -> call.apply("Bearer " + accessToken));
    }
    return answer;
  }

  private Answer answer(String service, Supplier<Response> call) {
    try (Response answer = call.get()) {
      passCookiesOn(answer);
      String body = answer.hasEntity() ? answer.readEntity(String.class) : null;
      String retryAfter = answer.getHeaderString("Retry-After");
      return new Answer(
          answer.getStatus(),
          body == null || body.isBlank() ? "{}" : body,
          retryAfter == null || !retryAfter.matches("\\d{1,6}") ? 0 : Long.parseLong(retryAfter));
    } catch (ProcessingException e) {
      LOG.warning(() -> "The " + service + " service is unreachable: " + e.getMessage());
      return Answer.unreachable(service);
    }
  }

  private void passCookiesOn(Response answer) {
    List<String> cookies = answer.getStringHeaders().get(HttpHeaders.SET_COOKIE);
    if (cookies == null) {
      return;
    }
    for (String header : cookies) {
      String nameValue = header.split(";", 2)[0];
      int equals = nameValue.indexOf('=');
      if (equals < 0) {
        continue;
      }
      String name = nameValue.substring(0, equals).trim();
      String value = nameValue.substring(equals + 1).trim();
      String current = value.isEmpty() || header.contains("Max-Age=0") ? null : value;
      if (Tokens.ACCESS_COOKIE.equals(name)) {
        accessToken = current;
        send(header);
      } else if (Tokens.REFRESH_COOKIE.equals(name)) {
        refreshToken = current;
        // set once per path by the user service; the browser keeps it under the UI's path alone
        send(RefreshCookie.withPath(header, refreshCookiePath));
      } else {
        send(header);
      }
    }
  }

  /** Adds a {@code Set-Cookie} to the browser's answer, once. */
  private void send(String setCookie) {
    if (cookiesSent.add(setCookie)) {
      response.addHeader(HttpHeaders.SET_COOKIE, setCookie);
    }
  }

  private static String cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (name.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }
}
