package io.chatapp.platform.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A durable queue with delayed retries through the broker and a dead-letter queue. Failed
 * deliveries wait in {@code <name>.retry.<n>} (one queue per step, each with its own TTL, so a long
 * wait never holds up a short one) and flow back into {@code <name>}; after the last step they are
 * parked in {@code <name>.dead}. Publisher and consumer declare it the same way, so whichever
 * starts first creates it and no message is ever unroutable.
 */
public record WorkQueue(String name, List<Duration> retryDelays) {

  static final String ATTEMPT_HEADER = "x-attempt";

  public WorkQueue {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("queue name required");
    }
    retryDelays = List.copyOf(retryDelays);
  }

  public String deadLetterQueue() {
    return name + ".dead";
  }

  public String retryQueue(int step) {
    return name + ".retry." + step;
  }

  /** How many times a message is handled before it is parked: the first try plus the retries. */
  public int maxAttempts() {
    return retryDelays.size() + 1;
  }

  /** Declares the queue, its retry steps and its dead-letter queue (idempotent). */
  public void declare(Channel channel) throws IOException {
    channel.queueDeclare(name, true, false, false, null);
    channel.queueDeclare(deadLetterQueue(), true, false, false, null);
    for (int step = 1; step <= retryDelays.size(); step++) {
      channel.queueDeclare(
          retryQueue(step),
          true,
          false,
          false,
          Map.of(
              "x-message-ttl",
              retryDelays.get(step - 1).toMillis(),
              "x-dead-letter-exchange",
              "",
              "x-dead-letter-routing-key",
              name));
    }
  }

  /** 1 for a first delivery, n for the n-th attempt. */
  static int attempt(AMQP.BasicProperties properties) {
    Map<String, Object> headers = properties.getHeaders();
    Object attempt = headers == null ? null : headers.get(ATTEMPT_HEADER);
    return attempt instanceof Number number ? number.intValue() : 1;
  }
}
