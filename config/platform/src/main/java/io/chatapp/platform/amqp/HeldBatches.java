package io.chatapp.platform.amqp;

import io.chatapp.platform.errors.DependencyUnavailableException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * A batch whose handler finds a dependency unavailable is held, its deliveries unacked, and tried
 * again after a pause until it can be handled: see {@link #handle}.
 */
final class HeldBatches {

  private static final Logger LOG = Logger.getLogger(HeldBatches.class.getName());

  /** The pauses before a batch is tried again while a dependency is unavailable: 0.2 s to 2 s. */
  private static final long FIRST_PAUSE_MS = 200;

  private static final long LAST_PAUSE_MS = 2000;

  private HeldBatches() {}

  /**
   * Handles a batch; while a dependency is unavailable (the database stopped), tries the same batch
   * again after a pause, its deliveries held unacked, instead of sending them through the retry
   * queues. So the batches of a queue are handled in the order they came, an outage spends none of
   * a delivery's attempts (one longer than the retry delays would park accepted messages in the
   * dead-letter queue), and once the dependency is back the held batch goes first. Storage relies
   * on that order: a batch counted on its chats before the database stopped, and stored after it
   * was back, must meet its ids among the chat's last counted ones, which a retry queue's delay
   * could let more messages overtake.
   */
  static CompletableFuture<Void> handle(
      Subscription subscription, List<byte[]> bodies, boolean maybeHandledBefore) throws Exception {
    long began = System.nanoTime();
    long pause = FIRST_PAUSE_MS;
    boolean again = maybeHandledBefore;
    while (true) {
      try {
        CompletableFuture<Void> settling = subscription.batches.handle(bodies, again);
        if (pause > FIRST_PAUSE_MS) {
          LOG.info(
              () ->
                  String.format(
                      "Handled the batch held from %s after %.1f s",
                      subscription.queue.name(), (System.nanoTime() - began) / 1e9));
        }
        return settling;
      } catch (DependencyUnavailableException unavailable) {
        if (pause == FIRST_PAUSE_MS) {
          LOG.warning(
              () ->
                  "Holding a batch of "
                      + bodies.size()
                      + " from "
                      + subscription.queue.name()
                      + " until it can be handled: "
                      + unavailable.getMessage());
        }
        try {
          Thread.sleep(pause);
        } catch (InterruptedException stopping) {
          Thread.currentThread().interrupt();
          throw unavailable;
        }
        pause = Math.min(2 * pause, LAST_PAUSE_MS);
        again = true;
      }
    }
  }
}
