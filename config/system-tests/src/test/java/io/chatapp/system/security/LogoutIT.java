package io.chatapp.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Logging out ends the session at once, not when its access token expires: every service refuses
 * the token, its open sockets close, and a new handshake with it is refused. The user's other
 * sessions carry on. A refresh token used twice ends every session of the user.
 */
class LogoutIT {

  @Test
  void afterLogoutTheOldAccessTokenIsRefusedEverywhereAndItsSocketsClose() throws Exception {
    String email = UserApi.newEmail("logout");
    UserApi.Session laptop = UserApi.logIn(email);
    UserApi.REDIS.del("otp:cooldown:" + email);
    UserApi.Session phone = UserApi.logIn(email);
    CompletableFuture<Integer> laptopSocket = socket("chat", laptop.accessToken());
    CompletableFuture<Integer> laptopSocket2 = socket("chat2", laptop.accessToken());
    assertThat(status("user", "/me", laptop.accessToken())).isEqualTo(200);

    HttpResponse<String> logout = UserApi.post("/logout", null, "Cookie", laptop.cookieHeader());
    assertThat(logout.statusCode()).isEqualTo(200);

    assertThat(laptopSocket.get(10, TimeUnit.SECONDS)).as("its socket closes").isEqualTo(4401);
    assertThat(laptopSocket2.get(10, TimeUnit.SECONDS)).isEqualTo(4401);
    assertThat(status("user", "/me", laptop.accessToken())).isEqualTo(401);
    assertThat(status("chat", "/chat/all", laptop.accessToken())).isEqualTo(401);
    assertThat(status("chat2", "/chat/all", laptop.accessToken())).isEqualTo(401);
    assertThat(handshake(laptop.accessToken())).as("a new socket with it").isEqualTo(401);

    assertThat(status("user", "/me", phone.accessToken())).as("the other session").isEqualTo(200);
    assertThat(status("chat", "/chat/all", phone.accessToken())).isEqualTo(200);
  }

  @Test
  void aRefreshTokenUsedTwiceEndsEverySessionOfTheUser() throws Exception {
    String email = UserApi.newEmail("reuse");
    UserApi.Session stolen = UserApi.logIn(email);
    UserApi.REDIS.del("otp:cooldown:" + email);
    UserApi.Session other = UserApi.logIn(email);
    HttpResponse<String> first = UserApi.get("/auth/refresh", "Cookie", stolen.cookieHeader());
    assertThat(first.statusCode()).isEqualTo(200);
    UserApi.Session renewed = stolen.after(first);
    UserApi.waitOutRefreshGrace(); // past the moment in which a replay is the same browser

    HttpResponse<String> replay = UserApi.get("/auth/refresh", "Cookie", stolen.cookieHeader());
    assertThat(replay.statusCode()).isEqualTo(401);

    assertThat(status("chat", "/chat/all", renewed.accessToken())).isEqualTo(401);
    assertThat(status("user", "/me", other.accessToken())).isEqualTo(401);
  }

  private static int status(String service, String path, String token) throws Exception {
    return Stack.HTTP
        .send(
            HttpRequest.newBuilder(URI.create(Stack.url(service) + "/api/v1" + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Opens a socket; completes with its close code. */
  private static CompletableFuture<Integer> socket(String service, String token) throws Exception {
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    CompletableFuture<Void> first = new CompletableFuture<>();
    Stack.HTTP
        .newWebSocketBuilder()
        .header("Authorization", "Bearer " + token)
        .buildAsync(
            URI.create(Stack.url(service).replaceFirst("^http", "ws") + "/ws"),
            new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                first.complete(null);
                ws.request(1);
                return null;
              }

              @Override
              public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                closed.complete(code);
                return null;
              }

              @Override
              public void onError(WebSocket ws, Throwable error) {
                closed.complete(-1);
              }
            })
        .get(10, TimeUnit.SECONDS);
    first.get(10, TimeUnit.SECONDS);
    return closed;
  }

  private static int handshake(String token) throws Exception {
    try {
      Stack.HTTP
          .newWebSocketBuilder()
          .header("Authorization", "Bearer " + token)
          .buildAsync(
              URI.create(Stack.url("chat").replaceFirst("^http", "ws") + "/ws"),
              new WebSocket.Listener() {})
          .get(10, TimeUnit.SECONDS)
          .abort();
      return 101;
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause() instanceof java.net.http.WebSocketHandshakeException refused
          ? refused.getResponse().statusCode()
          : -1;
    }
  }
}
