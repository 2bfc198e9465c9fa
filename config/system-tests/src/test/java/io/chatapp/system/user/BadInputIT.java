package io.chatapp.system.user;

import static io.chatapp.system.UserApi.REDIS;
import static io.chatapp.system.UserApi.logIn;
import static io.chatapp.system.UserApi.message;
import static io.chatapp.system.UserApi.newEmail;
import static io.chatapp.system.UserApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import io.chatapp.system.UserApi.Session;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad input gets a clear 4xx {"message"} and changes nothing. */
class BadInputIT {

  static Session session;

  @BeforeAll
  static void logInOnce() throws Exception {
    session = logIn(newEmail("bad-input"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"email\":",
        "not json",
        "[]",
        "\"ann@example.com\"",
        "{}",
        "{\"email\":null}",
        "{\"email\":{}}",
        "{\"email\":[\"a@b.co\"]}",
        "{\"email\":\"not-an-address\"}",
        "{\"email\":\"ann@localhost\"}",
        "{\"mail\":\"ann@example.com\"}",
        ""
      })
  void badLoginBodiesAre400(String body) throws Exception {
    HttpResponse<String> response = post("/login", body);
    assertThat(response.statusCode()).as(body).isEqualTo(400);
    assertThat(message(response)).as(body).isNotBlank();
  }

  @Test
  void aRefusedLoginKeepsNoCodeAndNoCooldown() throws Exception {
    String email = newEmail("refused");
    post("/login", "{\"email\":\"" + email + "\",");
    assertThat(REDIS.exists("otp:" + email)).isFalse();
    assertThat(REDIS.exists("otp:cooldown:" + email)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"email\":\"ann@example.com\"}",
        "{\"otp\":\"12345678\"}",
        "{\"email\":\"ann@example.com\",\"otp\":\"1234\"}",
        "{\"email\":\"ann@example.com\",\"otp\":\"abcdefgh\"}",
        "{\"email\":\"ann@example.com\",\"otp\":{}}",
        "{\"email\":\"nope\",\"otp\":\"12345678\"}",
        "{\"email\":\"ann@example.com\",\"otp\":\"12345678\"",
        "{}"
      })
  void badVerifyBodiesAre400(String body) throws Exception {
    HttpResponse<String> response = post("/verify", body);
    assertThat(response.statusCode()).as(body).isEqualTo(400);
    assertThat(message(response)).as(body).isNotBlank();
    assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void aMalformedOtpCostsNoTry() throws Exception {
    String email = newEmail("no-try");
    UserApi.login(email);
    post("/verify", "{\"email\":\"" + email + "\",\"otp\":\"12\"}");
    assertThat(REDIS.hget("otp:" + email, "tries")).isEqualTo("0");
  }

  @Test
  void oversizedBodiesAre413() throws Exception {
    String big = "{\"email\":\"" + "a".repeat(70_000) + "@example.com\"}";
    HttpResponse<String> login = post("/login", big);
    assertThat(login.statusCode()).isEqualTo(413);
    assertThat(message(login)).isNotBlank();
    HttpResponse<String> rename =
        post(
            "/update/user",
            "{\"name\":\"" + "x".repeat(70_000) + "\"}",
            "Cookie",
            session.cookieHeader());
    assertThat(rename.statusCode()).isEqualTo(413);
  }

  @Test
  void otherMediaTypesAre415() throws Exception {
    HttpResponse<String> response =
        Stack.HTTP.send(
            HttpRequest.newBuilder(URI.create(UserApi.api("/login")))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a@b.co\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(message(response)).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"q\":\"abc\",\"limit\":101}",
        "{\"q\":\"abc\",\"limit\":21}",
        "{\"q\":\"abc\",\"limit\":0}",
        "{\"q\":\"abc\",\"page\":0}",
        "{\"q\":\"abc\",\"page\":\"two\"}",
        "{\"q\":{}}",
        "{\"q\":\"ab\"}",
        "{}",
        "[1]"
      })
  void badSearchesAre400(String body) throws Exception {
    HttpResponse<String> response = post("/user/all", body, "Cookie", session.cookieHeader());
    assertThat(response.statusCode()).as(body).isEqualTo(400);
    assertThat(message(response)).as(body).isNotBlank();
  }

  @Test
  void badSearchParametersAre400() throws Exception {
    for (String query :
        new String[] {"?q=abc&limit=abc", "?q=abc&limit=1000", "?q=abc&page=-1", "?q=ab", ""}) {
      HttpResponse<String> response =
          post("/user/all" + query, null, "Cookie", session.cookieHeader());
      assertThat(response.statusCode()).as(query).isEqualTo(400);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"ids\":\"0123456789abcdef01234567\"}",
        "{\"ids\":[\"zzz\"]}",
        "{\"ids\":[null]}",
        "{\"ids\":[{}]}"
      })
  void badBatchesAre400(String body) throws Exception {
    HttpResponse<String> response = post("/user/batch", body, "Cookie", session.cookieHeader());
    assertThat(response.statusCode()).as(body).isEqualTo(400);
    assertThat(message(response)).as(body).isNotBlank();
  }

  @Test
  void aBatchOfMoreThanAHundredIsRefused() throws Exception {
    StringBuilder ids = new StringBuilder("{\"ids\":[");
    for (int i = 0; i < 101; i++) {
      ids.append(i == 0 ? "" : ",").append("\"0123456789abcdef01234567\"");
    }
    HttpResponse<String> response =
        post("/user/batch", ids.append("]}").toString(), "Cookie", session.cookieHeader());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(message(response)).contains("100");
  }
}
