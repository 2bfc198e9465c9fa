package io.chatapp.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a service accepts as an access token: only RS256 signed with the user service's key, of our
 * issuer, for access, not expired; and what it remembers of tokens it checked already.
 */
class TokenVerifierTest {

  static final SignedTokens TOKENS = new SignedTokens();
  static final KeyPair ANOTHER_KEY = SignedTokens.generate();
  static final Instant START = Instant.parse("2025-01-01T10:00:00Z");

  final MovableClock clock = new MovableClock(START);
  final CountingVerifier checks = new CountingVerifier(new RSASSAVerifier(TOKENS.publicKey()));
  final TokenVerifier verifier = new TokenVerifier(checks, clock, null, 3);

  @Test
  void aTokenOfTheUserServiceProvesItsCaller() {
    String token = TOKENS.sign(SignedTokens.access("u-42", "s-7", START).build());

    assertThat(new TokenVerifier(TOKENS.publicKey(), clock).verifyAccess(token))
        .contains(new Caller("u-42", "Ann", "ann@example.com", "s-7"));
  }

  @Test
  void aTokenSignedWithAnotherKeyOrChangedAfterSigningIsRefused() {
    String foreign =
        SignedTokens.sign(
            JWSAlgorithm.RS256,
            new RSASSASigner(ANOTHER_KEY.getPrivate()),
            SignedTokens.access("u-42", "s-7", START).build());
    String genuine = TOKENS.sign(SignedTokens.access("u-42", "s-7", START).build());
    String[] parts = genuine.split("\\.");
    String otherUser =
        parts[0]
            + "."
            + Base64URL.encode(
                SignedTokens.access("u-admin", "s-7", START)
                    .build()
                    .toString()
                    .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertThat(verifier.verifyAccess(foreign)).isEmpty();
    assertThat(verifier.verifyAccess(otherUser)).isEmpty();
    assertThat(verifier.verifyAccess(genuine)).isPresent();
  }

  @Test
  void anUnsignedTokenIsRefused() {
    String claims = SignedTokens.access("u-42", "s-7", START).build().toString();
    for (String alg : new String[] {"none", "None", "NONE"}) {
      String unsigned =
          base64Url("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + base64Url(claims) + ".";
      assertThat(verifier.verifyAccess(unsigned)).as(alg).isEmpty();
      assertThat(verifier.verify(unsigned, Tokens.ACCESS)).as(alg).isEmpty();
    }
  }

  @Test
  void aTokenSignedWithHmacOverThePublicKeyIsRefused() throws JOSEException {
    JWTClaimsSet claims = SignedTokens.access("u-42", "s-7", START).build();
    byte[] der = TOKENS.publicKey().getEncoded();
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der)
            + "\n-----END PUBLIC KEY-----\n";

    for (byte[] secret : new byte[][] {der, pem.getBytes(StandardCharsets.US_ASCII)}) {
      String confused = SignedTokens.sign(JWSAlgorithm.HS256, new MACSigner(secret), claims);
      assertThat(verifier.verifyAccess(confused)).isEmpty();
    }
    assertThat(checks.count.get()).as("refused before any signature check").isZero();
  }

  @Test
  void onlyRs256IsAcceptedEvenWithTheRightKey() {
    JWTClaimsSet claims = SignedTokens.access("u-42", "s-7", START).build();
    for (JWSAlgorithm other : new JWSAlgorithm[] {JWSAlgorithm.RS512, JWSAlgorithm.PS256}) {
      String token = SignedTokens.sign(other, new RSASSASigner(TOKENS.keys.getPrivate()), claims);
      assertThat(verifier.verifyAccess(token)).as(other.getName()).isEmpty();
    }
  }

  @Test
  void anExpiredTokenIsRefused() {
    String expired =
        TOKENS.sign(
            c -> c.expirationTime(Date.from(START.minusSeconds(1))), START.minusSeconds(900));
    String expiringNow = TOKENS.sign(c -> c.expirationTime(Date.from(START)), START);
    String withoutExpiry = TOKENS.sign(c -> c.expirationTime(null), START);

    assertThat(verifier.verifyAccess(expired)).isEmpty();
    assertThat(verifier.verifyAccess(expiringNow)).isEmpty();
    assertThat(verifier.verifyAccess(withoutExpiry)).isEmpty();
  }

  @Test
  void aTokenOfAnotherIssuerOrUseOrWithoutSubjectIsRefused() {
    String otherIssuer = TOKENS.sign(c -> c.issuer("someone-else"), START);
    String noIssuer = TOKENS.sign(c -> c.issuer(null), START);
    String refresh = TOKENS.sign(c -> c.claim(Tokens.TYPE_CLAIM, Tokens.REFRESH), START);
    String noUse = TOKENS.sign(c -> c.claim(Tokens.TYPE_CLAIM, null), START);
    String noSubject = TOKENS.sign(c -> c.subject(null), START);

    assertThat(verifier.verifyAccess(otherIssuer)).isEmpty();
    assertThat(verifier.verifyAccess(noIssuer)).isEmpty();
    assertThat(verifier.verifyAccess(refresh)).as("a refresh token is no access token").isEmpty();
    assertThat(verifier.verify(refresh, Tokens.REFRESH)).as("but is a refresh token").isPresent();
    assertThat(verifier.verify(TOKENS.sign(c -> c, START), Tokens.REFRESH))
        .as("and an access token is no refresh token")
        .isEmpty();
    assertThat(verifier.verifyAccess(noUse)).isEmpty();
    assertThat(verifier.verifyAccess(noSubject)).isEmpty();
  }

  @Test
  void whatIsNoTokenAtAllIsRefused() {
    assertThat(verifier.verifyAccess(null)).isEmpty();
    assertThat(verifier.verifyAccess("")).isEmpty();
    assertThat(verifier.verifyAccess("not.a.token")).isEmpty();
    assertThat(verifier.verifyAccess("a".repeat(9000))).isEmpty();
    String huge = TOKENS.sign(c -> c.claim("padding", "x".repeat(9000)), START);
    assertThat(verifier.verifyAccess(huge)).as("longer than any token we issue").isEmpty();
  }

  @Test
  void aVerifiedTokenIsNotVerifiedAgainWhileItIsValid() {
    String token = TOKENS.sign(c -> c, START);

    assertThat(verifier.verifyAccess(token)).isPresent();
    clock.advance(Duration.ofMinutes(14));
    assertThat(verifier.verifyAccess(token)).isPresent();
    assertThat(verifier.verifyAccess(token)).isPresent();

    assertThat(checks.count.get()).isEqualTo(1);
  }

  @Test
  void aSocketHandshakeLearnsWhenTheTokenWasIssuedAndRunsOutFromOneCheck() {
    String token = TOKENS.sign(SignedTokens.access("u-42", "s-7", START).build());

    TokenVerifier.Verified first = verifier.verifiedAccess(token).orElseThrow();
    TokenVerifier.Verified again = verifier.verifiedAccess(token).orElseThrow();

    assertThat(again).isEqualTo(first);
    assertThat(first.caller().userId()).isEqualTo("u-42");
    assertThat(first.caller().session()).isEqualTo("s-7");
    assertThat(first.issuedAt()).isEqualTo(START);
    assertThat(first.expiry()).isAfter(START);
    assertThat(checks.count.get()).isEqualTo(1);
  }

  @Test
  void aRememberedTokenIsRefusedOnceItExpires() {
    String token = TOKENS.sign(c -> c, START);
    assertThat(verifier.verifyAccess(token)).isPresent();

    clock.advance(Duration.ofMinutes(15));

    assertThat(verifier.verifyAccess(token)).isEmpty();
    assertThat(verifier.verifyAccess(token)).isEmpty();
  }

  @Test
  void theMemoryIsBoundedAndDropsExpiredTokensFirst() {
    String shortA = TOKENS.sign(c -> c.expirationTime(Date.from(START.plusSeconds(60))), START);
    String shortB = TOKENS.sign(c -> c.expirationTime(Date.from(START.plusSeconds(60))), START);
    String longC = TOKENS.sign(c -> c, START);
    String longD = TOKENS.sign(c -> c, START);
    verifier.verifyAccess(shortA);
    verifier.verifyAccess(shortB);
    verifier.verifyAccess(longC);
    assertThat(checks.count.get()).isEqualTo(3);

    clock.advance(Duration.ofMinutes(2));
    assertThat(verifier.verifyAccess(longD)).as("full: the expired make room").isPresent();
    assertThat(verifier.verifyAccess(longC)).isPresent();
    assertThat(checks.count.get()).as("C stayed remembered").isEqualTo(4);
  }

  @Test
  void theMemoryIsEmptiedWhenFullOfValidTokens() {
    String[] tokens = new String[4];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = TOKENS.sign(c -> c, START);
      assertThat(verifier.verifyAccess(tokens[i])).isPresent();
    }
    assertThat(checks.count.get()).isEqualTo(4);

    assertThat(verifier.verifyAccess(tokens[0])).as("forgotten, checked again").isPresent();
    assertThat(verifier.verifyAccess(tokens[3])).as("the newest was kept").isPresent();
    assertThat(checks.count.get()).isEqualTo(5);
  }

  @Test
  void aRefusedTokenIsNeverRemembered() {
    String foreign =
        SignedTokens.sign(
            JWSAlgorithm.RS256,
            new RSASSASigner(ANOTHER_KEY.getPrivate()),
            SignedTokens.access("u-42", "s-7", START).build());
    assertThat(verifier.verifyAccess(foreign)).isEmpty();
    assertThat(verifier.verifyAccess(foreign)).isEmpty();
    assertThat(checks.count.get()).isEqualTo(2);
  }

  private static String base64Url(String text) {
    return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The real RS256 check, counted. */
  static final class CountingVerifier implements JWSVerifier {
    final JWSVerifier real;
    final AtomicInteger count = new AtomicInteger();

    CountingVerifier(JWSVerifier real) {
      this.real = real;
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature)
        throws JOSEException {
      count.incrementAndGet();
      return real.verify(header, signingInput, signature);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
      return real.supportedJWSAlgorithms();
    }

    @Override
    public JCAContext getJCAContext() {
      return real.getJCAContext();
    }
  }

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
