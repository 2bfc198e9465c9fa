package io.chatapp.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies RS256 tokens with the public key only: every service can check a token, only the user
 * service can make one.
 */
@ApplicationScoped
public class TokenVerifier {

  @Inject
  @ConfigProperty(name = "jwt.public.key", defaultValue = ".data/keys/jwt-public.pem")
  String publicKeyPemOrPath;

  private RSASSAVerifier verifier;
  private Clock clock = Clock.systemUTC();

  public TokenVerifier() {}

  /** For use outside CDI (tests, tools). */
  public TokenVerifier(RSAPublicKey key, Clock clock) {
    this.verifier = new RSASSAVerifier(key);
    this.clock = clock;
  }

  @PostConstruct
  void loadKey() {
    verifier = new RSASSAVerifier(PemKeys.publicKey(publicKeyPemOrPath));
  }

  /**
   * The caller an access token proves, or empty if it is forged, expired or not an access token.
   */
  public Optional<Caller> verifyAccess(String token) {
    return verify(token, Tokens.ACCESS)
        .map(
            claims ->
                new Caller(
                    claims.getSubject(),
                    stringClaim(claims, "name"),
                    stringClaim(claims, "email")));
  }

  /** The verified claims of a token of the given use ({@link Tokens#ACCESS} or REFRESH). */
  public Optional<JWTClaimsSet> verify(String token, String use) {
    if (token == null || token.isBlank() || token.length() > 8192) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expiry = claims.getExpirationTime();
      boolean valid =
          Tokens.ISSUER.equals(claims.getIssuer())
              && use.equals(claims.getClaim(Tokens.TYPE_CLAIM))
              && claims.getSubject() != null
              && expiry != null
              && expiry.toInstant().isAfter(Instant.now(clock));
      return valid ? Optional.of(claims) : Optional.empty();
    } catch (ParseException | JOSEException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value == null ? null : value.toString();
  }
}
