package io.chatapp.user.token.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.chatapp.platform.auth.PemKeys;
import io.chatapp.platform.auth.Tokens;
import io.chatapp.user.profile.entity.User;
import io.chatapp.user.profile.entity.UserId;
import io.chatapp.user.token.entity.SignedToken;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs RS256 tokens with the private key ({@code JWT_PRIVATE_KEY}), which only this service holds;
 * every service verifies them with the public key ({@code TokenVerifier}). Access tokens carry what
 * other services need to know about the caller without asking: id, name, email.
 */
@ApplicationScoped
public class TokenIssuer {

  public static final Duration ACCESS_LIFETIME = Duration.ofMinutes(15);
  public static final Duration REFRESH_LIFETIME = Duration.ofDays(15);

  @Inject
  @ConfigProperty(name = "jwt.private.key", defaultValue = ".data/keys/jwt-private.pem")
  String privateKeyPemOrPath;

  private RSASSASigner signer;
  private Clock clock = Clock.systemUTC();

  public TokenIssuer() {}

  /** For use outside CDI (tests, tools). */
  public TokenIssuer(RSAPrivateKey key, Clock clock) {
    this.signer = new RSASSASigner(key);
    this.clock = clock;
  }

  @PostConstruct
  void loadKey() {
    signer = new RSASSASigner(PemKeys.privateKey(privateKeyPemOrPath));
  }

  /** A 15-minute access token naming the user, of the session {@code sid}. */
  public SignedToken access(User user, String sid) {
    return sign(
        claims(user.id(), Tokens.ACCESS, ACCESS_LIFETIME)
            .claim(Tokens.SESSION_CLAIM, sid)
            .claim("name", user.name())
            .claim("email", user.email())
            .claim("upn", user.email())
            .claim("groups", List.of("user")),
        ACCESS_LIFETIME);
  }

  /** A 15-day refresh token of the session {@code sid}; its jti is what the store keeps. */
  public SignedToken refresh(UserId user, String sid) {
    return sign(
        claims(user, Tokens.REFRESH, REFRESH_LIFETIME).claim(Tokens.SESSION_CLAIM, sid),
        REFRESH_LIFETIME);
  }

  private JWTClaimsSet.Builder claims(UserId user, String use, Duration lifetime) {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(Tokens.ISSUER)
        .subject(user.value())
        .claim(Tokens.TYPE_CLAIM, use)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(lifetime)))
        .jwtID(UUID.randomUUID().toString());
  }

  private SignedToken sign(JWTClaimsSet.Builder builder, Duration lifetime) {
    JWTClaimsSet claims = builder.build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing a token failed", e);
    }
    return new SignedToken(
        jwt.serialize(), claims.getJWTID(), lifetime, claims.getExpirationTime().toInstant());
  }
}
