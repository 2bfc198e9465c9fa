package io.chatapp.platform.auth;

import java.util.Objects;

/** Who is calling, as proven by a verified access token. Never taken from a request body. */
public record Caller(String userId, String name, String email) {
  public Caller {
    Objects.requireNonNull(userId, "userId");
  }
}
