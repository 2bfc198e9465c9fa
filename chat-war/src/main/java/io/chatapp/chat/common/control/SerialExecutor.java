package io.chatapp.chat.common.control;

import io.chatapp.platform.concurrent.Batcher;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs its tasks one at a time, in the order given, on a shared executor's threads: many of these
 * share a few threads, each keeping its own order (one per socket, say). A task that fails does not
 * hold up the next ones.
 */
public final class SerialExecutor implements Executor {

  private static final Logger LOG = Logger.getLogger(SerialExecutor.class.getName());

  /** Tasks run back to back without going through the shared executor again. */
  private static final int RUN_AT_ONCE = 64;

  private final Batcher<Runnable> tasks;

  public SerialExecutor(Executor threads) {
    this.tasks = new Batcher<>(threads, RUN_AT_ONCE, SerialExecutor::runAll);
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
  }

  private static void runAll(List<Runnable> batch) {
    for (Runnable task : batch) {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A task failed; the next ones still run", e);
      }
    }
  }
}
