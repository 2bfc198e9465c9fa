package io.chatapp.user.token.entity;

import java.time.Duration;
import java.time.Instant;

/** A signed JWT with its id and lifetime (the cookie's Max-Age). */
public record SignedToken(String value, String jti, Duration lifetime, Instant expiresAt) {

  /** Never the token itself: a record's default toString would put it in logs. */
  @Override
  public String toString() {
    return "SignedToken[jti=" + jti + ", expiresAt=" + expiresAt + "]";
  }
}
