package io.chatapp.user.token.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.chatapp.platform.auth.Caller;
import io.chatapp.platform.auth.TokenVerifier;
import io.chatapp.platform.auth.Tokens;
import io.chatapp.user.profile.entity.User;
import io.chatapp.user.profile.entity.UserId;
import io.chatapp.user.token.entity.SignedToken;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens made here verify with the public key, and only while they are valid and unaltered. */
class TokenIssuerTest {

  static KeyPair keys;
  static KeyPair otherKeys;
  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final String SID = "session-1";
  static final User ANN =
      new User(new UserId("0123456789abcdef01234567"), "Ann", "ann@example.com", NOW, NOW);

  @BeforeAll
  static void makeKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    otherKeys = generator.generateKeyPair();
  }

  static TokenIssuer issuerAt(Instant time) {
    return new TokenIssuer((RSAPrivateKey) keys.getPrivate(), Clock.fixed(time, ZoneOffset.UTC));
  }

  static TokenVerifier verifierAt(Instant time) {
    return new TokenVerifier((RSAPublicKey) keys.getPublic(), Clock.fixed(time, ZoneOffset.UTC));
  }

  @Test
  void anAccessTokenProvesTheUserForFifteenMinutes() throws Exception {
    SignedToken token = issuerAt(NOW).access(ANN, SID);

    assertThat(verifierAt(NOW.plusSeconds(60)).verifyAccess(token.value()))
        .contains(new Caller("0123456789abcdef01234567", "Ann", "ann@example.com", SID));
    assertThat(
            verifierAt(NOW.plus(Duration.ofMinutes(15)).plusSeconds(1)).verifyAccess(token.value()))
        .isEmpty();
    assertThat(token.lifetime()).isEqualTo(Duration.ofMinutes(15));

    JWTClaimsSet claims = SignedJWT.parse(token.value()).getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("chat-platform");
    assertThat(claims.getSubject()).isEqualTo("0123456789abcdef01234567");
    assertThat(claims.getClaim("token_use")).isEqualTo("access");
    assertThat(claims.getClaim("upn")).isEqualTo("ann@example.com");
    assertThat(claims.getStringListClaim("groups")).containsExactly("user");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    assertThat(claims.getJWTID()).isEqualTo(token.jti()).isNotBlank();
    assertThat(SignedJWT.parse(token.value()).getHeader().getAlgorithm())
        .isEqualTo(JWSAlgorithm.RS256);
  }

  @Test
  void aRefreshTokenLastsFifteenDaysAndIsNoAccessToken() {
    SignedToken token = issuerAt(NOW).refresh(ANN.id(), SID);

    assertThat(verifierAt(NOW.plus(Duration.ofDays(14))).verify(token.value(), Tokens.REFRESH))
        .hasValueSatisfying(claims -> assertThat(claims.getJWTID()).isEqualTo(token.jti()));
    assertThat(
            verifierAt(NOW.plus(Duration.ofDays(15)).plusSeconds(1))
                .verify(token.value(), Tokens.REFRESH))
        .isEmpty();
    assertThat(verifierAt(NOW).verifyAccess(token.value())).isEmpty();
    assertThat(verifierAt(NOW).verify(issuerAt(NOW).access(ANN, SID).value(), Tokens.REFRESH))
        .isEmpty();
  }

  @Test
  void everyTokenHasItsOwnId() {
    TokenIssuer issuer = issuerAt(NOW);
    assertThat(issuer.refresh(ANN.id(), SID).jti())
        .isNotEqualTo(issuer.refresh(ANN.id(), SID).jti());
  }

  @Test
  void anAlteredTokenIsRefused() {
    String token = issuerAt(NOW).access(ANN, SID).value();
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("0123456789abcdef01234567", "fedcba9876543210fedcba98");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertThat(verifierAt(NOW).verifyAccess(forged)).isEmpty();
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() {
    TokenIssuer stranger =
        new TokenIssuer((RSAPrivateKey) otherKeys.getPrivate(), Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(verifierAt(NOW).verifyAccess(stranger.access(ANN, SID).value())).isEmpty();
  }

  @Test
  void anUnsignedTokenIsRefused() {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(Tokens.ISSUER)
            .subject("0123456789abcdef01234567")
            .claim(Tokens.TYPE_CLAIM, Tokens.ACCESS)
            .expirationTime(Date.from(NOW.plusSeconds(600)))
            .build();
    assertThat(verifierAt(NOW).verifyAccess(new PlainJWT(claims).serialize())).isEmpty();
  }

  @Test
  void aTokenOfAnotherIssuerIsRefused() throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer("someone-else")
            .subject("0123456789abcdef01234567")
            .claim(Tokens.TYPE_CLAIM, Tokens.ACCESS)
            .claim("groups", List.of("user"))
            .expirationTime(Date.from(NOW.plusSeconds(600)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    jwt.sign(new RSASSASigner(keys.getPrivate()));
    assertThat(verifierAt(NOW).verifyAccess(jwt.serialize())).isEmpty();
  }

  @Test
  void garbageIsRefused() {
    TokenVerifier verifier = verifierAt(NOW);
    assertThat(verifier.verifyAccess("")).isEmpty();
    assertThat(verifier.verifyAccess("abc")).isEmpty();
    assertThat(verifier.verifyAccess("a.b.c")).isEmpty();
    assertThat(verifier.verifyAccess(null)).isEmpty();
  }

  @Test
  void aTokenNeverPrintsItself() {
    SignedToken token = issuerAt(NOW).access(ANN, SID);
    assertThat(token.toString()).doesNotContain(token.value());
  }
}
