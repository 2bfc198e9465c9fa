package io.chatapp.user.token.control;

import com.nimbusds.jwt.JWTClaimsSet;
import io.chatapp.platform.auth.TokenVerifier;
import io.chatapp.platform.auth.Tokens;
import io.chatapp.platform.rest.ApiException;
import io.chatapp.user.profile.control.UserStore;
import io.chatapp.user.profile.entity.User;
import io.chatapp.user.profile.entity.UserId;
import io.chatapp.user.token.entity.Session;
import io.chatapp.user.token.entity.SignedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Starts, renews and ends a user's session: the token pair and the refresh token's life. */
@ApplicationScoped
public class Sessions {

  @Inject TokenIssuer issuer;
  @Inject RefreshTokenStore refreshTokens;
  @Inject TokenVerifier verifier;
  @Inject UserStore users;

  /** A fresh access and refresh token for a user who just proved who they are. */
  public Session start(User user) {
    SignedToken refresh = issuer.refresh(user.id());
    refreshTokens.register(refresh.jti(), user.id(), refresh.lifetime());
    return new Session(user, issuer.access(user), refresh);
  }

  /** A new access token, for a user whose name just changed. */
  public SignedToken accessToken(User user) {
    return issuer.access(user);
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
                    ApiException.unauthorized(
                        "No valid refresh token: it is missing, expired or invalid; log in again"));
    UserId user = new UserId(claims.getSubject());
    if (!refreshTokens.use(claims.getJWTID(), user)) {
      throw ApiException.unauthorized(
          "This refresh token was already used or revoked; every session was ended: log in again");
    }
    return users
        .find(user)
        .map(this::start)
        .orElseThrow(() -> ApiException.unauthorized("This user no longer exists"));
  }

  /** Revokes the session's refresh token, if it is one of ours and still live. */
  public void end(String refreshToken) {
    verified(refreshToken)
        .ifPresent(
            claims -> refreshTokens.revoke(claims.getJWTID(), new UserId(claims.getSubject())));
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
