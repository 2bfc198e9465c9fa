package io.chatapp.system.user;

import static io.chatapp.system.UserApi.REDIS;
import static io.chatapp.system.UserApi.json;
import static io.chatapp.system.UserApi.login;
import static io.chatapp.system.UserApi.message;
import static io.chatapp.system.UserApi.newEmail;
import static io.chatapp.system.UserApi.otpOf;
import static io.chatapp.system.UserApi.post;
import static io.chatapp.system.UserApi.verify;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.UserApi;
import jakarta.json.JsonArray;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The rules of the one-time code: rate limit, expiry, single use (wrong codes: {@link
 * LoginAbuseIT}).
 */
class OtpRulesIT {

  @Test
  void aSecondCodeWithinAMinuteIsRefusedWithRetryAfter() throws Exception {
    String email = newEmail("rate");
    assertThat(login(email).statusCode()).isEqualTo(200);
    String otp = otpOf(email);

    HttpResponse<String> again = login(email.toUpperCase());
    assertThat(again.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
    assertThat(retryAfter).isLessThanOrEqualTo(REDIS.ttl("otp:cooldown:" + email) + 1);
    assertThat(message(again)).isNotBlank();
    assertThat(otpOf(email)).as("the refused request changed nothing").isEqualTo(otp);
  }

  @Test
  void anExpiredCodeIsRefused() throws Exception {
    String email = newEmail("expiry");
    login(email);
    String otp = otpOf(email);
    REDIS.pexpire("otp:" + email, 1);
    Thread.sleep(20);

    HttpResponse<String> late = verify(email, otp);
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(message(late)).containsIgnoringCase("expired");
  }

  @Test
  void aCodeWorksOnce() throws Exception {
    String email = newEmail("once");
    login(email);
    String otp = otpOf(email);
    assertThat(verify(email, otp).statusCode()).isEqualTo(200);
    HttpResponse<String> again = verify(email, otp);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void tenConcurrentFirstLoginsMakeExactlyOneUser() throws Exception {
    String email = newEmail("race");
    assertThat(login(email).statusCode()).isEqualTo(200);
    String otp = otpOf(email);

    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Callable<HttpResponse<String>>> verifies = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      verifies.add(() -> verify(email, otp));
    }
    List<HttpResponse<String>> answers = new ArrayList<>();
    try {
      for (Future<HttpResponse<String>> answer : pool.invokeAll(verifies)) {
        answers.add(answer.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(answers).filteredOn(a -> a.statusCode() == 200).hasSize(1);
    assertThat(answers).filteredOn(a -> a.statusCode() != 200).allMatch(a -> a.statusCode() == 400);

    HttpResponse<String> winner =
        answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow();
    String cookie = "accessToken=" + UserApi.cookies(winner).get("accessToken");
    HttpResponse<String> search =
        post(
            "/user/all?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8),
            null,
            "Cookie",
            cookie);
    JsonArray users = (JsonArray) UserApi.structure(search);
    assertThat(users).hasSize(1);
    assertThat(users.getJsonObject(0).getString("_id"))
        .isEqualTo(json(winner).getJsonObject("user").getString("_id"));
  }
}
