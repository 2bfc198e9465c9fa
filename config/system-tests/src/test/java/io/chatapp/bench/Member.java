package io.chatapp.bench;

import io.chatapp.system.Jwts;
import io.chatapp.system.Mailbox;
import io.chatapp.system.UserApi;
import io.chatapp.system.realtime.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * One benchmark user as a real client is one: logged in through the OTP flow with the code read
 * from the mailbox, holding one socket on its chat-war instance while it looks at its chat, and
 * renewing its session by the refresh token before the access token runs out.
 */
final class Member {

  private static final Duration MAIL_WAIT = Duration.ofSeconds(60);

  private final String chatUrl;
  private volatile UserApi.Session session;
  private volatile Socket socket;

  private Member(String chatUrl, UserApi.Session session) {
    this.chatUrl = chatUrl;
    this.session = session;
  }

  /** A new user with a fresh address (so no cooldown applies), on the given instance. */
  static Member logIn(String purpose, String chatUrl) throws Exception {
    UserApi.Session session =
        UserApi.logIn(UserApi.newEmail(purpose), email -> Mailbox.awaitCode(email, MAIL_WAIT));
    return new Member(chatUrl, session);
  }

  String id() {
    return session.userId();
  }

  String token() {
    return session.accessToken();
  }

  String chatUrl() {
    return chatUrl;
  }

  Instant tokenExpiry() {
    return Instant.ofEpochSecond(Jwts.claims(token()).getJsonNumber("exp").longValue());
  }

  /** New tokens by the refresh token ({@code GET /api/v1/auth/refresh}). */
  void refresh() throws Exception {
    HttpResponse<String> response = UserApi.get("/auth/refresh", "Cookie", session.cookieHeader());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "refresh answered " + response.statusCode() + ": " + response.body());
    }
    session = session.after(response);
  }

  /**
   * Opens a socket (closing the one it had) and says it is viewing the chat; {@code closed} hears
   * the close code should the socket close while it is still the member's.
   */
  void connect(String chatId, Consumer<String> frames, IntConsumer closed) throws Exception {
    disconnect();
    Socket opened = Socket.bearer(chatUrl, token(), frames);
    socket = opened;
    opened
        .whenClosed()
        .thenAccept(
            code -> {
              if (socket == opened) {
                closed.accept(code);
              }
            });
    opened.emit("viewing:chat", chatId);
  }

  void disconnect() {
    Socket open = socket;
    socket = null;
    if (open != null) {
      open.close();
    }
  }
}
