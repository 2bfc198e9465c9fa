package io.chatapp.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two renewals with the same refresh token at the same moment, as a browser sends them when it
 * restores two tabs or wakes every tab from sleep (or a page of another site opens the renewal
 * twice): one rotates, the other is told with 409 that the token was just replaced, keeps its
 * cookies and ends nothing, so the person stays logged in on every device. (A token presented again
 * after the grace still ends every session: {@code LogoutIT}.)
 */
class ConcurrentRefreshIT {

  @BeforeAll
  static void stackReady() throws Exception {
    Stack.awaitReady(Duration.ofSeconds(90));
  }

  @Test
  void twoRefreshesAtOnceWithTheSameCookieLeaveTheUserLoggedIn() throws Exception {
    String email = UserApi.newEmail("refresh-twice");
    UserApi.Session laptop = UserApi.logIn(email);
    UserApi.REDIS.del("otp:cooldown:" + email);
    UserApi.Session phone = UserApi.logIn(email);
    Thread.sleep(1100); // tokens carry whole seconds: a revocation now would cover these

    List<HttpResponse<String>> answers = atOnce(userWar("/auth/refresh", laptop.cookieHeader()), 2);

    assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
    HttpResponse<String> second = withStatus(answers, 409);
    assertThat(UserApi.message(second)).containsIgnoringCase("just replaced");
    assertThat(second.headers().firstValue("Retry-After")).isPresent();
    assertThat(second.headers().allValues("Set-Cookie")).as("no cookie cleared").isEmpty();

    UserApi.Session renewed = laptop.after(withStatus(answers, 200));
    assertThat(renewed.refreshToken()).isNotEqualTo(laptop.refreshToken());
    assertThat(me(renewed.accessToken())).as("the new access token").isEqualTo(200);
    assertThat(me(laptop.accessToken())).as("the one from before is not revoked").isEqualTo(200);
    assertThat(me(phone.accessToken())).as("nor the other device's").isEqualTo(200);

    HttpResponse<String> next = UserApi.get("/auth/refresh", "Cookie", renewed.cookieHeader());
    assertThat(next.statusCode()).as("the new refresh token works: " + next.body()).isEqualTo(200);
    assertThat(me(renewed.after(next).accessToken())).isEqualTo(200);
    assertThat(UserApi.get("/auth/refresh", "Cookie", phone.cookieHeader()).statusCode())
        .as("and so does the other device's")
        .isEqualTo(200);
  }

  @Test
  void twoTabsRestoredAtOnceBothReachTheChat() throws Exception {
    UserApi.Session session = UserApi.logIn(UserApi.newEmail("refresh-tabs"));

    List<HttpResponse<String>> pages =
        atOnce(
            ui("/session/refresh", "refreshToken=" + session.refreshToken())
                .header("Sec-Fetch-Dest", "document")
                .GET(),
            2);

    assertThat(pages).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(302, 409);
    HttpResponse<String> first = withStatus(pages, 302);
    assertThat(first.headers().firstValue("Location").orElse("")).endsWith("/chat.xhtml");
    HttpResponse<String> second = withStatus(pages, 409);
    assertThat(second.headers().firstValue("Refresh").orElse("")).endsWith("/chat.xhtml");
    assertThat(second.headers().allValues("Set-Cookie"))
        .as("the cookies the first tab got are kept")
        .isEmpty();

    UserApi.Session renewed = session.after(first);
    HttpResponse<String> chat =
        Stack.HTTP.send(
            ui("/chat.xhtml", "accessToken=" + renewed.accessToken()).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(chat.statusCode()).as("where the second tab goes on to").isEqualTo(200);
    HttpResponse<String> renewal =
        Stack.HTTP.send(
            ui("/session/refresh", "refreshToken=" + renewed.refreshToken())
                .header("Origin", Stack.browserUrl("frontend"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(renewal.statusCode()).as(renewal.body()).isEqualTo(200);
  }

  /** Sends {@code copies} of the request together, each on a connection of its own. */
  private static List<HttpResponse<String>> atOnce(HttpRequest.Builder request, int copies)
      throws Exception {
    HttpRequest built = request.build();
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      sent.add(Stack.HTTP.sendAsync(built, HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> answer : sent) {
      answers.add(answer.get(20, TimeUnit.SECONDS));
    }
    return answers;
  }

  private static HttpResponse<String> withStatus(List<HttpResponse<String>> answers, int status) {
    return answers.stream()
        .filter(answer -> answer.statusCode() == status)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + status + " among the answers"));
  }

  private static HttpRequest.Builder userWar(String path, String cookie) {
    return HttpRequest.newBuilder(URI.create(UserApi.api(path)))
        .header("Cookie", cookie)
        .timeout(Duration.ofSeconds(15))
        .GET();
  }

  private static HttpRequest.Builder ui(String path, String cookie) {
    return HttpRequest.newBuilder(URI.create(Stack.url("frontend") + path))
        .header("Cookie", cookie)
        .timeout(Duration.ofSeconds(15));
  }

  private static int me(String accessToken) throws Exception {
    return UserApi.get("/me", "Authorization", "Bearer " + accessToken).statusCode();
  }
}
