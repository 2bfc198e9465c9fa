package io.chatapp.frontend.support;

import io.chatapp.platform.auth.TokenVerifier;
import io.chatapp.testsupport.TestTokens;
import java.time.Duration;

/**
 * Access tokens of one user as the user service signs them ({@link TestTokens}), and their
 * verifier.
 */
public final class AccessTokens {

  private static final TestTokens TOKENS = new TestTokens();

  private AccessTokens() {}

  /** The verifier every service holds, with the public key of these tokens. */
  public static TokenVerifier verifier() {
    return TOKENS.verifier();
  }

  /** A token valid for 15 minutes. */
  public static String valid() {
    return TOKENS.access("user-1", Duration.ofMinutes(15));
  }

  /** A token that expired a minute ago. */
  public static String expired() {
    return TOKENS.access("user-1", Duration.ofMinutes(-1));
  }
}
