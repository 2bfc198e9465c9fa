package io.chatapp.user.token.control;

import com.nimbusds.jwt.JWTClaimsSet;
import io.chatapp.platform.auth.Revocations;
import io.chatapp.platform.auth.TokenVerifier;
import io.chatapp.platform.auth.Tokens;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.user.profile.control.UserStore;
import io.chatapp.user.profile.entity.User;
import io.chatapp.user.profile.entity.UserId;
import io.chatapp.user.token.entity.Session;
import io.chatapp.user.token.entity.SignedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts, renews and ends a user's session: the token pair and the refresh token's life. A session
 * has an id ({@code sid}) from login to logout, in every token of it; ending it (or a refresh token
 * used twice, which ends all of the user's) revokes its access tokens at every service at once
 * ({@link Revocations}), not only when they expire.
 */
@ApplicationScoped
public class Sessions {

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
    refreshTokens.register(refresh.jti(), user.id(), refresh.lifetime());
    return new Session(user, issuer.access(user, sid), refresh);
  }

  /** A new access token of the same session, for a user whose name just changed. */
  public SignedToken accessToken(User user, String sid) {
    return issuer.access(user, sid);
  }

  /**
   * Trades a live refresh token for a new pair; the old one is dead from now on. A token that was
   * already used or revoked revokes all of that user's refresh tokens. 401 when it does not work.
   */
  public Session renew(String refreshToken) {
    JWTClaimsSet claims =
        verified(refreshToken)
            .orElseThrow(
                () ->
                    Refusal.unauthorized(
                        "No valid refresh token: it is missing, expired or invalid; log in again"));
    UserId user = new UserId(claims.getSubject());
    if (!refreshTokens.use(claims.getJWTID(), user)) {
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
              refreshTokens.revoke(claims.getJWTID(), new UserId(claims.getSubject()));
              Object sid = claims.getClaim(Tokens.SESSION_CLAIM);
              if (sid != null) {
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
