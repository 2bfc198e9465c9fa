package io.chatapp.platform.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * A durable queue with delayed retries through the broker and a dead-letter queue. Failed
 * deliveries wait in {@code <name>.retry.<n>} (one queue per step, each with its own TTL, so a long
 * wait never holds up a short one) and flow back into {@code <name>}; after the last step they are
 * parked in {@code <name>.dead}. Publisher and consumer declare it the same way, so whichever
 * starts first creates it and no message is ever unroutable.
 *
 * <p>An {@code ordered} queue has one consumer at a time however many instances subscribe
 * (RabbitMQ's single active consumer): it takes the messages in the order they came, and when it
 * goes, the broker hands its unacked messages and the rest to another one. A queue an earlier
 * version declared without that cannot be changed in place (the broker refuses a declaration with
 * other arguments); it stays as it is, with every consumer taking turns, and a warning says to
 * delete it once it is empty.
 */
public record WorkQueue(String name, List<Duration> retryDelays, boolean ordered) {

  private static final Logger LOG = Logger.getLogger(WorkQueue.class.getName());

  static final String ATTEMPT_HEADER = "x-attempt";

  private static final Map<String, Object> ORDERED = Map.of("x-single-active-consumer", true);

  /** Queues left unordered that were warned of, so that reconnects do not warn again. */
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  /** The broker's answer to a declaration whose arguments differ from the queue's. */
  private static final int PRECONDITION_FAILED = 406;

  /** The broker's answer to a request about a queue or exchange that is not there. */
  private static final int NOT_FOUND = 404;

  public WorkQueue {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("queue name required");
    }
    retryDelays = List.copyOf(retryDelays);
  }

  /** A queue whose consumers, on every instance, take turns. */
  public WorkQueue(String name, List<Duration> retryDelays) {
    this(name, retryDelays, false);
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
    channel.queueDeclare(
        name, true, false, false, ordered && isOrderable(channel) ? ORDERED : null);
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

  /**
   * Whether the queue is new or already has one consumer at a time. Asked on a channel of its own,
   * as the broker closes the channel of a refused declaration.
   */
  private boolean isOrderable(Channel channel) throws IOException {
    if (onItsOwnChannel(channel, probe -> probe.queueDeclare(name, true, false, false, ORDERED))) {
      return true;
    }
    if (WARNED.add(name)) {
      LOG.warning(
          () ->
              "Queue "
                  + name
                  + " was declared by an earlier version without one consumer at a time, so its"
                  + " consumers take turns and may hand on messages out of order. To change it,"
                  + " stop every instance, delete it once it is empty (rabbitmqctl delete_queue '"
                  + name
                  + "' --if-empty) and start them again");
    }
    return false;
  }

  /**
   * Removes this queue, which an earlier version used, with its retry steps, once no consumer holds
   * it: a consumer of an instance of that version still running keeps it, and a later start retires
   * it. What it still holds is dropped with it; its dead-letter queue stays while it holds parked
   * messages. Deleting a queue that is not there changes nothing.
   */
  public void retire(Channel channel) throws IOException {
    if (!onItsOwnChannel(channel, own -> own.queueDelete(name, true, false))) {
      LOG.info(() -> "Queue " + name + " of an earlier version is still consumed; kept for now");
      return;
    }
    for (int step = 1; step <= retryDelays.size(); step++) {
      String retry = retryQueue(step);
      onItsOwnChannel(channel, own -> own.queueDelete(retry, true, false));
    }
    onItsOwnChannel(channel, own -> own.queueDelete(deadLetterQueue(), true, true));
  }

  /**
   * Whether the broker did what was asked, on a channel of its own, as the broker closes the
   * channel of a request it refuses: false when it refused with 406 (precondition failed), true
   * when what was to be deleted is not there (404); any other failure is thrown.
   */
  static boolean onItsOwnChannel(Channel channel, BrokerConnection.Topology change)
      throws IOException {
    Channel own = channel.getConnection().createChannel();
    try {
      change.declare(own);
      return true;
    } catch (IOException refused) {
      if (!(refused.getCause() instanceof ShutdownSignalException closed)
          || !(closed.getReason() instanceof AMQP.Channel.Close close)
          || (close.getReplyCode() != PRECONDITION_FAILED && close.getReplyCode() != NOT_FOUND)) {
        throw refused;
      }
      return close.getReplyCode() == NOT_FOUND;
    } finally {
      if (own.isOpen()) {
        try {
          own.close();
        } catch (TimeoutException | IOException | RuntimeException ignored) {
          // closing a channel we only asked with; the connection stays
        }
      }
    }
  }

  /** 1 for a first delivery, n for the n-th attempt. */
  static int attempt(AMQP.BasicProperties properties) {
    Map<String, Object> headers = properties.getHeaders();
    Object attempt = headers == null ? null : headers.get(ATTEMPT_HEADER);
    return attempt instanceof Number number ? number.intValue() : 1;
  }
}
