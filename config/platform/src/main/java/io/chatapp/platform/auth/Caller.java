package io.chatapp.platform.auth;

import java.security.Principal;
import java.util.Objects;

/**
 * Who is calling, as proven by a verified access token, and the session ({@code sid}) it belongs to
 * (null for tokens from before sessions had ids). Never taken from a request body.
 */
public record Caller(String userId, String name, String email, String session)
    implements Principal {
  public Caller {
    Objects.requireNonNull(userId, "userId");
  }

  /** The principal's name: the user id. */
  @Override
  public String getName() {
    return userId;
  }
}
