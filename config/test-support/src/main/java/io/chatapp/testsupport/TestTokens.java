package io.chatapp.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.chatapp.platform.auth.TokenVerifier;
import io.chatapp.platform.auth.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * A key pair of the test run's own, given to the deployment under test ({@code jwt.public.key}, and
 * {@code jwt.private.key} to user-war, which signs), and access tokens as user-war issues them,
 * signed with it.
 */
public final class TestTokens {

  private final KeyPair keys = generate();

  /** The public key as PEM text, the form {@code jwt.public.key} accepts. */
  public String publicKeyPem() {
    return pem("PUBLIC KEY", keys.getPublic().getEncoded());
  }

  /** The private key as PEM text (PKCS#8), the form {@code jwt.private.key} accepts. */
  public String privateKeyPem() {
    return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
  }

  /** The verifier every service holds, with this run's public key. */
  public TokenVerifier verifier() {
    return new TokenVerifier((RSAPublicKey) keys.getPublic(), Clock.systemUTC());
  }

  /** An access token of this user, issued now, valid for {@code lifetime} (negative: expired). */
  public String access(String userId, Duration lifetime) {
    return sign(keys, userId, lifetime);
  }

  /** A well-formed access token signed with a key nobody was given. */
  public static String forged(String userId) {
    return sign(generate(), userId, Duration.ofMinutes(15));
  }

  private static String sign(KeyPair keys, String userId, Duration lifetime) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(Tokens.ISSUER)
            .subject(userId)
            .claim(Tokens.SESSION_CLAIM, UUID.randomUUID().toString())
            .claim(Tokens.TYPE_CLAIM, Tokens.ACCESS)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    try {
      jwt.sign(new RSASSASigner(keys.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static String pem(String label, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
