package io.chatapp.platform.auth;

/** Names shared by the service that issues tokens and the services that verify them. */
public final class Tokens {
  public static final String ISSUER = "chat-platform";
  public static final String ACCESS_COOKIE = "accessToken";
  public static final String REFRESH_COOKIE = "refreshToken";
  public static final String TYPE_CLAIM = "token_use";

  /** The session a token belongs to: the same from login through every refresh to logout. */
  public static final String SESSION_CLAIM = "sid";

  public static final String ACCESS = "access";
  public static final String REFRESH = "refresh";

  private Tokens() {}
}
