package io.chatapp.user.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.testsupport.TestTokens;
import io.chatapp.user.support.UserServiceBed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * user-war in Payara Micro, from outside like a browser and an integrator: a login by the code it
 * hands to the broker, the session cookies it sets, the platform's authentication filter taking the
 * access token from the cookie or from {@code Authorization: Bearer}, its origin rule for changes
 * made with the cookie, its 401s, and a logout that revokes the session's access token.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class CookieAndBearerIT {

  private static final String FOREIGN_ORIGIN = "http://evil.test";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return UserServiceBed.deployment();
  }

  @ArquillianResource URL base;

  final UserServiceBed bed = UserServiceBed.get();
  final HttpClient http = HttpClient.newHttpClient();

  /** A session as the browser holds it after {@code /verify}. */
  record Session(String userId, String access, String refresh, List<String> setCookies) {}

  @Test
  void theMailedCodeLogsInAndEitherTheCookieOrTheBearerTokenOpensTheProfile() throws Exception {
    String email = bed.email("ann");
    Session ann = login(email);

    assertThat(ann.setCookies())
        .filteredOn(cookie -> cookie.startsWith("accessToken="))
        .singleElement()
        .satisfies(cookie -> assertThat(cookie).contains("Path=/", "HttpOnly", "SameSite=Lax"));
    HttpResponse<String> byCookie = send(request("me").header("Cookie", cookie(ann)));
    assertThat(byCookie.statusCode()).as(byCookie.body()).isEqualTo(200);
    assertThat(json(byCookie).getString("email")).isEqualTo(email);
    HttpResponse<String> byBearer = send(request("me").header("Authorization", bearer(ann)));
    assertThat(byBearer.statusCode()).as(byBearer.body()).isEqualTo(200);
    assertThat(json(byBearer).getString("_id")).isEqualTo(ann.userId());
  }

  @Test
  void withoutAValidAccessTokenTheProfileIs401WithAMessage() throws Exception {
    String bob = login(bed.email("bob")).userId();
    Map<String, HttpRequest.Builder> refused = new LinkedHashMap<>();
    refused.put("no token", request("me"));
    refused.put(
        "an expired token",
        request("me").header("Authorization", "Bearer " + bed.token(bob, Duration.ofSeconds(-5))));
    refused.put("a forged token", request("me").header("Authorization", "Bearer " + forged(bob)));
    refused.put("a forged cookie", request("me").header("Cookie", "accessToken=" + forged(bob)));
    refused.put("no JWT at all", request("me").header("Authorization", "Bearer not-a-token"));

    for (var attempt : refused.entrySet()) {
      HttpResponse<String> answer = send(attempt.getValue());
      assertThat(answer.statusCode()).as(attempt.getKey()).isEqualTo(401);
      assertThat(answer.headers().firstValue("Content-Type"))
          .as(attempt.getKey())
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      assertThat(json(answer).getString("message")).as(attempt.getKey()).isNotBlank();
    }
    HttpResponse<String> valid =
        send(
            request("me")
                .header("Authorization", "Bearer " + bed.token(bob, Duration.ofMinutes(5))));
    assertThat(valid.statusCode()).as("the same user's token, valid").isEqualTo(200);
  }

  @Test
  void aChangeWithTheCookieMustComeFromTheWebUiWithBearerFromAnywhere() throws Exception {
    Session cid = login(bed.email("cid"));

    HttpResponse<String> foreign =
        send(rename("Mallory").header("Cookie", cookie(cid)).header("Origin", FOREIGN_ORIGIN));
    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
    assertThat(json(foreign).getString("message")).contains("another site");
    HttpResponse<String> foreignRead =
        send(request("me").header("Cookie", cookie(cid)).header("Origin", FOREIGN_ORIGIN));
    assertThat(foreignRead.statusCode()).as("reading is no change").isEqualTo(200);
    assertThat(json(foreignRead).getString("name")).isNotEqualTo("Mallory");

    HttpResponse<String> fromUi =
        send(
            rename("Cid").header("Cookie", cookie(cid)).header("Origin", UserServiceBed.UI_ORIGIN));
    assertThat(fromUi.statusCode()).as(fromUi.body()).isEqualTo(200);
    HttpResponse<String> integrator =
        send(rename("Cid B").header("Authorization", bearer(cid)).header("Origin", FOREIGN_ORIGIN));
    assertThat(integrator.statusCode()).as(integrator.body()).isEqualTo(200);
    assertThat(json(integrator).getJsonObject("user").getString("name")).isEqualTo("Cid B");
  }

  @Test
  void afterLogoutTheSessionsAccessTokenIsRefused() throws Exception {
    Session dan = login(bed.email("dan"));
    assertThat(send(request("me").header("Authorization", bearer(dan))).statusCode())
        .isEqualTo(200);

    HttpResponse<String> logout =
        send(
            request("logout")
                .header("Cookie", "refreshToken=" + dan.refresh())
                .header("Origin", UserServiceBed.UI_ORIGIN)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);

    HttpResponse<String> after = send(request("me").header("Authorization", bearer(dan)));
    assertThat(after.statusCode()).as("the access token of an ended session").isEqualTo(401);
  }

  /** {@code /login}, the code off the broker, {@code /verify}: the session cookies. */
  private Session login(String email) throws Exception {
    HttpResponse<String> asked =
        send(post("login", Json.createObjectBuilder().add("email", email)));
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
    String code = bed.mailedCode(email, Duration.ofSeconds(10));

    HttpResponse<String> verified =
        send(post("verify", Json.createObjectBuilder().add("email", email).add("otp", code)));
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    List<String> cookies = verified.headers().allValues("Set-Cookie");
    return new Session(
        json(verified).getJsonObject("user").getString("_id"),
        cookieValue(cookies, "accessToken"),
        cookieValue(cookies, "refreshToken"),
        cookies);
  }

  private static String cookieValue(List<String> setCookies, String name) {
    return setCookies.stream()
        .filter(cookie -> cookie.startsWith(name + "="))
        .map(cookie -> cookie.substring(name.length() + 1, cookie.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
  }

  private HttpRequest.Builder request(String path) throws Exception {
    return HttpRequest.newBuilder(base.toURI().resolve("api/v1/" + path))
        .timeout(Duration.ofSeconds(20));
  }

  private HttpRequest.Builder post(String path, jakarta.json.JsonObjectBuilder body)
      throws Exception {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()));
  }

  private HttpRequest.Builder rename(String name) throws Exception {
    return post("update/user", Json.createObjectBuilder().add("name", name));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static String cookie(Session session) {
    return "accessToken=" + session.access();
  }

  private static String bearer(Session session) {
    return "Bearer " + session.access();
  }

  private static String forged(String userId) {
    return TestTokens.forged(userId);
  }
}
