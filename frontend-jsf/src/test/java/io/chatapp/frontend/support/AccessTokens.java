package io.chatapp.frontend.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.chatapp.platform.auth.TokenVerifier;
import io.chatapp.platform.auth.Tokens;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Access tokens as the user service signs them, with a key pair of the tests' own. */
public final class AccessTokens {

  private static final KeyPair KEYS = generate();

  private AccessTokens() {}

  /** The verifier every service holds, with the public key of these tokens. */
  public static TokenVerifier verifier() {
    return new TokenVerifier((RSAPublicKey) KEYS.getPublic(), Clock.systemUTC());
  }

  /** A token valid for 15 minutes. */
  public static String valid() {
    return signed(Instant.now().plusSeconds(900));
  }

  /** A token that expired a minute ago. */
  public static String expired() {
    return signed(Instant.now().minusSeconds(60));
  }

  private static String signed(Instant expiry) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(Tokens.ISSUER)
            .subject("user-1")
            .claim(Tokens.TYPE_CLAIM, Tokens.ACCESS)
            .claim(Tokens.SESSION_CLAIM, UUID.randomUUID().toString())
            .issueTime(Date.from(expiry.minusSeconds(900)))
            .expirationTime(Date.from(expiry))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    try {
      jwt.sign(new RSASSASigner(KEYS.getPrivate()));
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
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
