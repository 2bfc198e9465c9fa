package io.chatapp.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A line a second while a round runs, so a reader sees it move: messages sent, 201s, delivered to
 * the recipients, and POSTs still awaiting an answer.
 */
final class Progress implements AutoCloseable {

  private static final ScheduledExecutorService TICKS =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "progress");
            thread.setDaemon(true);
            return thread;
          });

  private final ScheduledFuture<?> task;

  private Progress(String label, Ledger ledger) {
    long started = System.nanoTime();
    task =
        TICKS.scheduleAtFixedRate(
            () ->
                System.out.printf(
                    "    %s %3d s  sent %d  201s %d  delivered %d  in flight %d%n",
                    label,
                    (System.nanoTime() - started) / 1_000_000_000L,
                    ledger.sent(),
                    ledger.created(),
                    ledger.delivered(),
                    ledger.inFlight()),
            1,
            1,
            TimeUnit.SECONDS);
  }

  /** Prints the ledger's counters every second, after {@code label}, until closed. */
  static Progress of(String label, Ledger ledger) {
    return new Progress(label, ledger);
  }

  @Override
  public void close() {
    task.cancel(false);
  }
}
