package io.chatapp.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Tokens as the user service issues them, signed with a key pair of the test's own. */
final class SignedTokens {

  final KeyPair keys;

  SignedTokens() {
    this.keys = generate();
  }

  RSAPublicKey publicKey() {
    return (RSAPublicKey) keys.getPublic();
  }

  /** The claims of an access token of this user and session, issued now, living 15 minutes. */
  static JWTClaimsSet.Builder access(String userId, String session, Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(Tokens.ISSUER)
        .subject(userId)
        .claim("name", "Ann")
        .claim("email", "ann@example.com")
        .claim(Tokens.SESSION_CLAIM, session)
        .claim(Tokens.TYPE_CLAIM, Tokens.ACCESS)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(15 * 60)));
  }

  /** Signed RS256 with this pair's private key. */
  String sign(JWTClaimsSet claims) {
    return sign(JWSAlgorithm.RS256, new RSASSASigner(keys.getPrivate()), claims);
  }

  String sign(UnaryOperator<JWTClaimsSet.Builder> change, Instant now) {
    return sign(change.apply(access("user-1", "session-1", now)).build());
  }

  static String sign(JWSAlgorithm algorithm, JWSSigner signer, JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
