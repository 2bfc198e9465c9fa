package io.chatapp.system.user;

import static io.chatapp.system.UserApi.attributes;
import static io.chatapp.system.UserApi.get;
import static io.chatapp.system.UserApi.json;
import static io.chatapp.system.UserApi.logIn;
import static io.chatapp.system.UserApi.login;
import static io.chatapp.system.UserApi.message;
import static io.chatapp.system.UserApi.newEmail;
import static io.chatapp.system.UserApi.otpOf;
import static io.chatapp.system.UserApi.post;
import static io.chatapp.system.UserApi.verify;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Jwts;
import io.chatapp.system.UserApi;
import io.chatapp.system.UserApi.Session;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole life of a session, as a browser lives it, and the profile endpoints on the way. */
class LoginFlowIT {

  @Test
  void loginVerifyMeRefreshLogout() throws Exception {
    String email = newEmail("Flow");

    HttpResponse<String> login = login(email);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(json(login)).isEqualTo(jsonOf("{\"message\":\"OTP sent to your email\"}"));
    String otp = otpOf(email);
    assertThat(otp).matches("\\d{8}");
    assertThat(UserApi.REDIS.hget("otp:" + email.toLowerCase(), "tries")).isEqualTo("0");
    assertThat(UserApi.REDIS.ttl("otp:" + email.toLowerCase())).isBetween(280L, 300L);

    HttpResponse<String> verify = verify(email, otp);
    assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
    JsonObject user = json(verify).getJsonObject("user");
    assertThat(json(verify).getString("message")).isNotBlank();
    assertThat(user.getString("_id")).matches("[0-9a-f]{24}");
    assertThat(user.getString("email")).isEqualTo(email.toLowerCase());
    assertThat(user.getString("name")).isEqualTo(email.toLowerCase().split("@")[0]);
    assertThat(user.getString("createdAt"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(user.getString("updatedAt")).isEqualTo(user.getString("createdAt"));

    Map<String, Map<String, String>> cookies = attributes(verify);
    assertThat(cookies).containsKeys("accessToken", "refreshToken");
    assertThat(cookies.get("accessToken"))
        .containsEntry("max-age", "900")
        .containsEntry("path", "/")
        .containsEntry("samesite", "Lax")
        .containsKey("httponly")
        .doesNotContainKey("secure");
    assertThat(cookies.get("refreshToken"))
        .containsEntry("max-age", "1296000")
        .containsEntry("samesite", "Lax")
        .containsKey("httponly");
    assertThat(cookies.get("refreshToken").get("path"))
        .as("only where it is used (CookieScopeIT checks both paths)")
        .isIn("/api/v1/auth/refresh", "/api/v1/logout");
    Session session = new Session(UserApi.cookies(verify), user);

    JsonObject access = Jwts.claims(session.accessToken());
    assertThat(access.getString("iss")).isEqualTo("chat-platform");
    assertThat(access.getString("sub")).isEqualTo(session.userId());
    assertThat(access.getString("token_use")).isEqualTo("access");
    assertThat(access.getString("upn")).isEqualTo(email.toLowerCase());
    assertThat(access.getJsonArray("groups").getString(0)).isEqualTo("user");
    assertThat(access.getJsonNumber("exp").longValue() - access.getJsonNumber("iat").longValue())
        .isEqualTo(900);
    assertThat(Jwts.claims(session.refreshToken()).getString("token_use")).isEqualTo("refresh");

    HttpResponse<String> me = get("/me", "Cookie", session.cookieHeader());
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(json(me)).isEqualTo(user);

    HttpResponse<String> bearer = get("/me", "Authorization", "Bearer " + session.accessToken());
    assertThat(json(bearer)).isEqualTo(user);

    HttpResponse<String> refresh = get("/auth/refresh", "Cookie", session.cookieHeader());
    assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(200);
    assertThat(json(refresh).getJsonObject("user")).isEqualTo(user);
    assertThat(json(refresh).getString("message")).isNotBlank();
    Session renewed = session.after(refresh);
    assertThat(renewed.accessToken()).isNotEqualTo(session.accessToken());
    assertThat(renewed.refreshToken()).isNotEqualTo(session.refreshToken());
    assertThat(json(get("/me", "Cookie", renewed.cookieHeader()))).isEqualTo(user);

    HttpResponse<String> logout = post("/logout", null, "Cookie", renewed.cookieHeader());
    assertThat(logout.statusCode()).isEqualTo(200);
    assertThat(message(logout)).isNotBlank();
    assertThat(attributes(logout).get("accessToken")).containsEntry("max-age", "0");
    assertThat(attributes(logout).get("refreshToken")).containsEntry("max-age", "0");
    assertThat(renewed.after(logout).cookies()).isEmpty();

    HttpResponse<String> refused = get("/auth/refresh", "Cookie", renewed.cookieHeader());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(message(refused)).isNotBlank();
    assertThat(attributes(refused).get("refreshToken")).containsEntry("max-age", "0");
    assertThat(get("/auth/refresh").statusCode()).as("no cookie at all").isEqualTo(401);
  }

  @Test
  void aSecondLoginFindsTheSameUser() throws Exception {
    String email = newEmail("again");
    Session first = logIn(email);
    UserApi.REDIS.del("otp:cooldown:" + email);
    Session second = logIn(email.toUpperCase());
    assertThat(second.userId()).isEqualTo(first.userId());
  }

  @Test
  void reusingARefreshTokenEndsEverySessionOfTheUser() throws Exception {
    String email = newEmail("reuse");
    Session laptop = logIn(email);
    UserApi.REDIS.del("otp:cooldown:" + email);
    Session phone = logIn(email);

    HttpResponse<String> rotated = get("/auth/refresh", "Cookie", laptop.cookieHeader());
    assertThat(rotated.statusCode()).isEqualTo(200);
    Session laptopNow = laptop.after(rotated);

    HttpResponse<String> atOnce = get("/auth/refresh", "Cookie", laptop.cookieHeader());
    assertThat(atOnce.statusCode())
        .as("a moment after its use: the same browser asking twice, not a thief")
        .isEqualTo(409);
    assertThat(message(atOnce)).contains("just replaced");
    UserApi.waitOutRefreshGrace();

    HttpResponse<String> replay = get("/auth/refresh", "Cookie", laptop.cookieHeader());
    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(message(replay)).containsIgnoringCase("already used");

    assertThat(get("/auth/refresh", "Cookie", laptopNow.cookieHeader()).statusCode())
        .as("the token issued by the rotation is revoked too")
        .isEqualTo(401);
    assertThat(get("/auth/refresh", "Cookie", phone.cookieHeader()).statusCode())
        .as("and every other session's")
        .isEqualTo(401);
  }

  @Test
  void renamingPutsTheNewNameInTheNextAccessToken() throws Exception {
    Session session = logIn(newEmail("rename"));

    HttpResponse<String> renamed =
        post("/update/user", "{\"name\":\"  Ann Lee  \"}", "Cookie", session.cookieHeader());
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    assertThat(json(renamed).getJsonObject("user").getString("name")).isEqualTo("Ann Lee");
    assertThat(json(renamed).getString("message")).isNotBlank();
    assertThat(attributes(renamed)).containsOnlyKeys("accessToken");
    Session after = session.after(renamed);
    assertThat(Jwts.claims(after.accessToken()).getString("name")).isEqualTo("Ann Lee");
    assertThat(json(get("/me", "Cookie", after.cookieHeader())).getString("name"))
        .isEqualTo("Ann Lee");

    for (String bad :
        new String[] {"{\"name\":\"   \"}", "{\"name\":\"" + "x".repeat(51) + "\"}", "{}"}) {
      HttpResponse<String> refused = post("/update/user", bad, "Cookie", after.cookieHeader());
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
      assertThat(message(refused)).contains("name");
    }
    assertThat(json(get("/me", "Cookie", after.cookieHeader())).getString("name"))
        .as("refused renames changed nothing")
        .isEqualTo("Ann Lee");
  }

  @Test
  void usersByIdBySearchAndInBatches() throws Exception {
    String tag = Long.toString(System.nanoTime(), 36);
    Session ann = logIn("ann." + tag + "@system-test.example");
    Session bob = logIn("bob." + tag + "@system-test.example");
    post(
        "/update/user",
        "{\"name\":\"Bob " + tag.toUpperCase() + "\"}",
        "Cookie",
        bob.cookieHeader());
    String auth = ann.cookieHeader();

    HttpResponse<String> byId = get("/user/" + bob.userId(), "Cookie", auth);
    assertThat(byId.statusCode()).isEqualTo(200);
    assertThat(json(byId).getString("name")).isEqualTo("Bob " + tag.toUpperCase());
    assertThat(json(byId).get("email")).as("no chat with bob yet").isIn(null, JsonValue.NULL);
    assertThat(get("/user/not-an-id", "Cookie", auth).statusCode()).isEqualTo(400);
    assertThat(get("/user/0123456789abcdef01234567", "Cookie", auth).statusCode()).isEqualTo(404);

    HttpResponse<String> byName = post("/user/all?q=bob%20" + tag, null, "Cookie", auth);
    assertThat(byName.statusCode()).as(byName.body()).isEqualTo(200);
    JsonArray found = (JsonArray) UserApi.structure(byName);
    assertThat(found).hasSize(1);
    assertThat(found.getJsonObject(0).getString("_id")).isEqualTo(bob.userId());

    HttpResponse<String> byPartOfEmail =
        post("/user/all", "{\"q\":\"." + tag.toUpperCase() + "@\"}", "Cookie", auth);
    assertThat((JsonArray) UserApi.structure(byPartOfEmail)).isEmpty();
    HttpResponse<String> byEmail =
        post("/user/all", "{\"q\":\"BOB." + tag + "@system-test.example\"}", "Cookie", auth);
    assertThat((JsonArray) UserApi.structure(byEmail))
        .singleElement()
        .satisfies(
            bobFound ->
                assertThat(bobFound.asJsonObject().getString("email"))
                    .isEqualTo("bob." + tag + "@system-test.example"));

    HttpResponse<String> paged =
        post("/user/all", "{\"q\":\"" + tag + "\",\"page\":2,\"limit\":1}", "Cookie", auth);
    assertThat((JsonArray) UserApi.structure(paged)).hasSize(1);
    HttpResponse<String> beyond =
        post("/user/all", "{\"q\":\"" + tag + "\",\"page\":3,\"limit\":1}", "Cookie", auth);
    assertThat((JsonArray) UserApi.structure(beyond)).isEmpty();

    HttpResponse<String> batch =
        post(
            "/user/batch",
            "{\"ids\":[\""
                + ann.userId()
                + "\",\""
                + bob.userId()
                + "\",\"0123456789abcdef01234567\"]}",
            "Cookie",
            auth);
    assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
    assertThat(json(batch).getJsonArray("users"))
        .extracting(value -> value.asJsonObject().getString("_id"))
        .containsExactlyInAnyOrder(ann.userId(), bob.userId());
  }

  @Test
  void everyProfileEndpointWantsAnAccessToken() throws Exception {
    assertThat(get("/me").statusCode()).isEqualTo(401);
    assertThat(get("/user/0123456789abcdef01234567").statusCode()).isEqualTo(401);
    assertThat(post("/user/all", null).statusCode()).isEqualTo(401);
    assertThat(post("/user/batch", "{\"ids\":[]}").statusCode()).isEqualTo(401);
    assertThat(post("/update/user", "{\"name\":\"x\"}").statusCode()).isEqualTo(401);
    assertThat(message(get("/me"))).isNotBlank();
  }

  private static JsonObject jsonOf(String text) {
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
      return reader.readObject();
    }
  }
}
