package io.chatapp.system.user;

import static io.chatapp.system.UserApi.get;
import static io.chatapp.system.UserApi.logIn;
import static io.chatapp.system.UserApi.message;
import static io.chatapp.system.UserApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Jwts;
import io.chatapp.system.UserApi.Session;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens the service did not issue, or no longer honours, are 401 wherever they are presented. */
class TokenRefusalIT {

  static Session session;

  @BeforeAll
  static void logInOnce() throws Exception {
    session = logIn(newEmail("tokens"));
  }

  static JsonObject accessClaims(long issuedAt, long expiresAt) {
    return Json.createObjectBuilder(Jwts.claims(session.accessToken()))
        .add("iat", issuedAt)
        .add("exp", expiresAt)
        .add("jti", UUID.randomUUID().toString())
        .build();
  }

  static void assertRefused(String token) throws Exception {
    HttpResponse<String> byCookie = get("/me", "Cookie", "accessToken=" + token);
    assertThat(byCookie.statusCode()).as(byCookie.body()).isEqualTo(401);
    assertThat(message(byCookie)).isNotBlank();
    HttpResponse<String> byHeader = get("/me", "Authorization", "Bearer " + token);
    assertThat(byHeader.statusCode()).isEqualTo(401);
  }

  @Test
  void theIssuedTokenWorks() throws Exception {
    assertThat(get("/me", "Cookie", "accessToken=" + session.accessToken()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aTokenWithAnAlteredPayloadIsRefused() throws Exception {
    JsonObject claims =
        Json.createObjectBuilder(Jwts.claims(session.accessToken()))
            .add("sub", "0123456789abcdef01234567")
            .build();
    assertRefused(Jwts.withPayload(session.accessToken(), claims));
  }

  @Test
  void anExpiredTokenSignedWithTheRightKeyIsRefused() throws Exception {
    long now = Instant.now().getEpochSecond();
    String expired = Jwts.sign(accessClaims(now - 3600, now - 60), Jwts.stackKey());
    String fresh = Jwts.sign(accessClaims(now, now + 600), Jwts.stackKey());

    assertThat(get("/me", "Cookie", "accessToken=" + fresh).statusCode())
        .as("the same claims, not expired, are accepted: the key is the stack's")
        .isEqualTo(200);
    assertRefused(expired);
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    PrivateKey otherKey = generator.generateKeyPair().getPrivate();
    long now = Instant.now().getEpochSecond();
    assertRefused(Jwts.sign(accessClaims(now, now + 600), otherKey));
  }

  @Test
  void anUnsignedTokenIsRefused() throws Exception {
    long now = Instant.now().getEpochSecond();
    assertRefused(Jwts.unsigned(accessClaims(now, now + 600)));
  }

  @Test
  void aRefreshTokenIsNoAccessToken() throws Exception {
    assertRefused(session.refreshToken());
  }

  @Test
  void anAccessTokenIsNoRefreshToken() throws Exception {
    HttpResponse<String> refresh =
        get("/auth/refresh", "Cookie", "refreshToken=" + session.accessToken());
    assertThat(refresh.statusCode()).isEqualTo(401);
  }

  @Test
  void aForgedRefreshTokenIsRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    JsonObject claims = Jwts.claims(session.refreshToken());
    String forged = Jwts.sign(claims, generator.generateKeyPair().getPrivate());
    assertThat(get("/auth/refresh", "Cookie", "refreshToken=" + forged).statusCode())
        .isEqualTo(401);
    assertThat(get("/auth/refresh", "Cookie", session.cookieHeader()).statusCode())
        .as("a forgery of a live token's claims does not revoke it")
        .isEqualTo(200);
  }

  @Test
  void garbageIsRefused() throws Exception {
    assertRefused("not-a-token");
    assertRefused("a.b.c");
  }
}
