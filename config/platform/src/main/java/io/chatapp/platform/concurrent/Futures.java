package io.chatapp.platform.concurrent;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** Waiting for a future as if its work had run on the caller's thread. */
public final class Futures {

  private Futures() {}

  /**
   * The failure itself, not the wrapper a {@code CompletableFuture} puts around it when it passes
   * it on to a dependent stage or to {@code join}/{@code get}.
   */
  public static Throwable cause(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * The future's value once it is done; its failure thrown as it was thrown where it happened (say,
   * a 503 as the API's exception to map), a checked one inside a {@link CompletionException}.
   */
  public static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      Throwable cause = cause(e);
      if (cause instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
