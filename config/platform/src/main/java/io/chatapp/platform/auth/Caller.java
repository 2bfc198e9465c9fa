package io.chatapp.platform.auth;

import java.util.Objects;

/**
 * Who is calling, as proven by a verified access token, and the session ({@code sid}) it belongs to
 * (null for tokens from before sessions had ids). Never taken from a request body.
 */
public record Caller(String userId, String name, String email, String session) {
  public Caller {
    Objects.requireNonNull(userId, "userId");
  }
}
