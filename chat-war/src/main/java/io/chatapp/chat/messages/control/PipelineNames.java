package io.chatapp.chat.messages.control;

import io.chatapp.platform.amqp.WorkQueue;
import java.time.Duration;
import java.util.List;

/** The fanout exchange and its three work queues; tests use their own names. */
public record PipelineNames(
    String exchange, WorkQueue storage, WorkQueue delivery, WorkQueue notification) {

  /** Retry after 1 s, 5 s and 30 s, then park in {@code <queue>.dead}. */
  public static final List<Duration> RETRIES =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30));

  public static final PipelineNames DEFAULT = withPrefix("chat", RETRIES);

  /** {@code <prefix>:messages} and {@code <prefix>:message:storage|delivery|notification}. */
  public static PipelineNames withPrefix(String prefix, List<Duration> retries) {
    return new PipelineNames(
        prefix + ":messages",
        new WorkQueue(prefix + ":message:storage", retries),
        new WorkQueue(prefix + ":message:delivery", retries),
        new WorkQueue(prefix + ":message:notification", retries));
  }

  public List<WorkQueue> queues() {
    return List.of(storage, delivery, notification);
  }
}
