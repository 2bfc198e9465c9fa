package io.chatapp.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

  /** Tokens checked already, until they expire: a bounded map, cleared of the expired when full. */
  static final int CACHE_SIZE = 20_000;

  @Inject Revocations revocations;

  private JWSVerifier verifier;
  private final int cacheSize;
  private Clock clock = Clock.systemUTC();
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  /** What a verified access token proves: who, and when it was issued and runs out. */
  public record Verified(Caller caller, Instant issuedAt, Instant expiry) {}

  public TokenVerifier() {
    this.cacheSize = CACHE_SIZE;
  }

  /** For use outside CDI (tests, tools); {@code revocations} may be null (none followed). */
  public TokenVerifier(RSAPublicKey key, Clock clock, Revocations revocations) {
    this(new RSASSAVerifier(key), clock, revocations, CACHE_SIZE);
  }

  /** With the signature check and the cache's bound given (tests that count the checks). */
  TokenVerifier(JWSVerifier verifier, Clock clock, Revocations revocations, int cacheSize) {
    this.verifier = verifier;
    this.clock = clock;
    this.revocations = revocations;
    this.cacheSize = cacheSize;
  }

  public TokenVerifier(RSAPublicKey key, Clock clock) {
    this(key, clock, null);
  }

  @PostConstruct
  void loadKey() {
    verifier = new RSASSAVerifier(PemKeys.publicKey(publicKeyPemOrPath));
  }

  /**
   * The caller an access token proves, or empty if it is forged, expired, revoked or not an access
   * token. A token verified once is not verified again while it is valid: the RS256 check of the
   * same token on every request was a sixth of chat-war's CPU. Whether its session was revoked is
   * asked every time, of memory ({@link Revocations}).
   */
  public Optional<Caller> verifyAccess(String token) {
    return verifiedAccess(token).map(Verified::caller);
  }

  /**
   * As {@link #verifyAccess}, with when the token was issued and runs out (a socket opened with it
   * is closed then). A thousand sockets opening at once with the tokens of a hundred people make a
   * hundred signature checks, not a thousand.
   */
  public Optional<Verified> verifiedAccess(String token) {
    Instant now = Instant.now(clock);
    Verified known = token == null ? null : verified.get(token);
    if (known != null) {
      if (known.expiry().isAfter(now)) {
        return isRevoked(known.caller().session(), known.caller().userId(), known.issuedAt())
            ? Optional.empty()
            : Optional.of(known);
      }
      verified.remove(token);
    }
    return verify(token, Tokens.ACCESS)
        .map(
            claims -> {
              Verified checked =
                  new Verified(
                      new Caller(
                          claims.getSubject(),
                          stringClaim(claims, "name"),
                          stringClaim(claims, "email"),
                          stringClaim(claims, Tokens.SESSION_CLAIM)),
                      issuedAt(claims),
                      claims.getExpirationTime().toInstant());
              remember(token, checked, now);
              return checked;
            });
  }

  private boolean isRevoked(String session, String userId, Instant issuedAt) {
    return revocations != null && revocations.isRevoked(session, userId, issuedAt);
  }

  private static Instant issuedAt(JWTClaimsSet claims) {
    Date issued = claims.getIssueTime();
    return issued == null ? Instant.EPOCH : issued.toInstant();
  }

  private void remember(String token, Verified entry, Instant now) {
    if (verified.size() >= cacheSize) {
      verified.values().removeIf(cached -> !cached.expiry().isAfter(now));
      if (verified.size() >= cacheSize) {
        verified.clear();
      }
    }
    verified.put(token, entry);
  }

  /**
   * The verified claims of a token of the given use ({@link Tokens#ACCESS} or REFRESH), unless its
   * session was revoked.
   */
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
              && expiry.toInstant().isAfter(Instant.now(clock))
              && !isRevoked(
                  stringClaim(claims, Tokens.SESSION_CLAIM), claims.getSubject(), issuedAt(claims));
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
