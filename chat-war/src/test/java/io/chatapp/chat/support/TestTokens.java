package io.chatapp.chat.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.auth.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * Access tokens as user-war issues them, signed with a key pair of the test run's own; the
 * deployment under test is given its public key.
 */
public final class TestTokens {

  private final KeyPair keys = generate();

  /** The public key as PEM text, the form {@code jwt.public.key} accepts. */
  public String publicKeyPem() {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.getPublic().getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }

  /** An access token of this user, issued now, valid for {@code lifetime}. */
  public String access(UserId user, Duration lifetime) {
    return sign(keys, user, lifetime);
  }

  /** A well-formed access token signed with a key nobody was given. */
  public static String forged(UserId user) {
    return sign(generate(), user, Duration.ofMinutes(15));
  }

  private static String sign(KeyPair keys, UserId user, Duration lifetime) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(Tokens.ISSUER)
            .subject(user.value())
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
