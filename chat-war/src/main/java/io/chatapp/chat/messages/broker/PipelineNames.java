package io.chatapp.chat.messages.broker;

import io.chatapp.platform.amqp.Fanout;
import io.chatapp.platform.amqp.WorkQueue;
import java.time.Duration;
import java.util.List;

/**
 * The pipeline's exchange and work queue; tests use their own names. Accepted messages go to the
 * fanout {@code <prefix>:messages}, read by the storage queue {@code <prefix>:message:storage},
 * which has one consumer at a time across instances ({@link WorkQueue#ordered}): messages are
 * stored, delivered and announced in the order they were accepted, and the embedded database is not
 * written by two storage steps that wait for each other (measured with two instances at 1,000
 * msg/s: each step busy 90-94 % at 1.8 ms a message, twice one instance's time).
 *
 * <p>Versions before 2026-12-07 handed each stored batch on through the broker, to the fanout
 * {@code <prefix>:messages:stored} and its queues {@code <prefix>:message:delivery} and {@code
 * :notification} (before 2026-12-06 also bound to {@code <prefix>:messages}); those are {@link
 * #retired} and removed once nothing uses them, and their bindings with them.
 */
public record PipelineNames(String accepted, WorkQueue storage, Fanout retired) {

  /** Retry after 1 s, 5 s and 30 s, then park in {@code <queue>.dead}. */
  public static final List<Duration> RETRIES =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30));

  public static final PipelineNames DEFAULT = withPrefix("chat", RETRIES);

  /** {@code <prefix>:messages} and {@code <prefix>:message:storage}, and what was retired. */
  public static PipelineNames withPrefix(String prefix, List<Duration> retries) {
    return new PipelineNames(
        prefix + ":messages",
        new WorkQueue(prefix + ":message:storage", retries, true),
        new Fanout(
            prefix + ":messages:stored",
            List.of(
                new WorkQueue(prefix + ":message:delivery", retries, true),
                new WorkQueue(prefix + ":message:notification", retries, true))));
  }

  /** The exchange and its queue. */
  public Fanout topology() {
    return new Fanout(accepted, List.of(storage));
  }

  public List<WorkQueue> queues() {
    return List.of(storage);
  }
}
