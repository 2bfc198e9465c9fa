package io.chatapp.user.token.control;

import com.nimbusds.jwt.JWTClaimsSet;
import io.chatapp.platform.auth.Revocations;
import io.chatapp.platform.auth.TokenVerifier;
import io.chatapp.platform.auth.Tokens;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.user.profile.control.UserStore;
import io.chatapp.user.profile.entity.User;
import io.chatapp.user.profile.entity.UserId;
import io.chatapp.user.token.entity.RefreshUse;
import io.chatapp.user.token.entity.Session;
import io.chatapp.user.token.entity.SignedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts, renews and ends a user's session: the token pair and the refresh token's life. A session
 * has an id ({@code sid}) from login to logout, in every token of it; ending it (or a refresh token
 * used twice, which ends all of the user's) revokes its access tokens at every service at once
 * ({@link Revocations}), not only when they expire. A refresh token presented again within a few
 * seconds of its use is no theft but the same browser asking twice at once: that request is refused
 * with 409 ({@link #JUST_REPLACED}) and nothing is revoked.
 */
@ApplicationScoped
public class Sessions {

  /** The answer to the second of two renewals with the same token at once; the client retries. */
  public static final String JUST_REPLACED =
      "This refresh token was just replaced by another request: retry with the newest cookie";

  private static final Logger LOG = Logger.getLogger(Sessions.class.getName());

  @Inject TokenIssuer issuer;
  @Inject RefreshTokenStore refreshTokens;
  @Inject TokenVerifier verifier;
  @Inject UserStore users;
  @Inject Revocations revocations;

  /** A new session with its access and refresh token, for a user who just proved who they are. */
  public Session start(User user) {
    return tokens(user, UUID.randomUUID().toString());
  }

  private Session tokens(User user, String sid) {
    SignedToken refresh = issuer.refresh(user.id(), sid);
    refreshTokens.register(refresh.jti(), user.id(), sid, refresh.lifetime());
    return new Session(user, issuer.access(user, sid), refresh);
  }

  /** A new access token of the same session, for a user whose name just changed. */
  public SignedToken accessToken(User user, String sid) {
    return issuer.access(user, sid);
  }

  /**
   * Trades a live refresh token for a new pair; the old one is dead from now on. 409 when another
   * request traded it a moment ago ({@link RefreshUse#JUST_REPLACED}): nothing is revoked, and that
   * request's answer carries the new cookies. A token that was used longer ago or revoked revokes
   * all of that user's refresh tokens and sessions. 401 when it does not work.
   */
  public Session renew(String refreshToken) {
    JWTClaimsSet claims =
        verified(refreshToken)
            .orElseThrow(
                () ->
                    Refusal.unauthorized(
                        "No valid refresh token: it is missing, expired or invalid; log in again"));
    UserId user = new UserId(claims.getSubject());
    RefreshUse use = refreshTokens.use(claims.getJWTID(), user);
    if (use == RefreshUse.JUST_REPLACED) {
      LOG.log(
          Level.FINE, "A refresh token of user {0} came again just after its use", user.value());
      throw Refusal.conflict(JUST_REPLACED);
    }
    if (use == RefreshUse.REUSED) {
      LOG.log(
          Level.WARNING,
          "A refresh token of user {0} was used again after its grace, or after it was revoked:"
              + " every session of the user is ended",
          user.value());
      revocations.revokeUser(user.value());
      throw Refusal.unauthorized(
          "This refresh token was already used or revoked; every session was ended: log in again");
    }
    String sid = sessionOf(claims);
    return users
        .find(user)
        .map(found -> tokens(found, sid))
        .orElseThrow(() -> Refusal.unauthorized("This user no longer exists"));
  }

  /**
   * Ends the session of this refresh token, if it is one of ours and still live: the refresh token
   * is revoked, and so are the session's access tokens, everywhere.
   */
  public void end(String refreshToken) {
    verified(refreshToken)
        .ifPresent(
            claims -> {
              UserId user = new UserId(claims.getSubject());
              refreshTokens.revoke(claims.getJWTID(), user);
              Object sid = claims.getClaim(Tokens.SESSION_CLAIM);
              if (sid != null) {
                // every refresh token of the session: the one presented may have been replaced
                // already, and its successor would renew the session once the revocation expires
                refreshTokens.revokeSession(sid.toString(), user);
                revocations.revokeSession(sid.toString());
              }
            });
  }

  /** The session a refresh token belongs to; one from before sessions had ids starts one now. */
  private static String sessionOf(JWTClaimsSet claims) {
    Object sid = claims.getClaim(Tokens.SESSION_CLAIM);
    return sid == null ? UUID.randomUUID().toString() : sid.toString();
  }

  private Optional<JWTClaimsSet> verified(String refreshToken) {
    return verifier
        .verify(refreshToken, Tokens.REFRESH)
        .filter(claims -> claims.getJWTID() != null && isUserId(claims.getSubject()));
  }

  private static boolean isUserId(String subject) {
    try {
      new UserId(subject);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
