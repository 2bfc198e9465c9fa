package io.chatapp.platform.amqp;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.List;

/**
 * A durable fanout exchange and the work queues bound to it: each queue gets a copy of every
 * message. {@code unbound} are queues an earlier version bound to it that must no longer get its
 * messages (unbinding is idempotent), so an upgrade does not leave a stale route behind; they are
 * declared as they are wherever they are bound, so that neither declaration is refused.
 */
public record Fanout(String exchange, List<WorkQueue> queues, List<WorkQueue> unbound) {

  public Fanout {
    queues = List.copyOf(queues);
    unbound = List.copyOf(unbound);
  }

  public Fanout(String exchange, List<WorkQueue> queues) {
    this(exchange, queues, List.of());
  }

  /**
   * Removes this fanout of an earlier version, its queues ({@link WorkQueue#retire}) and then the
   * exchange, once nothing uses them: an instance of that version still running keeps its queues,
   * and so the exchange, until a later start.
   */
  public void retire(Channel channel) throws IOException {
    for (WorkQueue queue : queues) {
      queue.retire(channel);
    }
    WorkQueue.onItsOwnChannel(channel, own -> own.exchangeDelete(exchange, true));
  }

  /** Declares the exchange, its queues and their bindings (idempotent). */
  public void declare(Channel channel) throws IOException {
    channel.exchangeDeclare(exchange, BuiltinExchangeType.FANOUT, true);
    for (WorkQueue queue : queues) {
      queue.declare(channel);
      channel.queueBind(queue.name(), exchange, "");
    }
    for (WorkQueue queue : unbound) {
      queue.declare(channel);
      channel.queueUnbind(queue.name(), exchange, "");
    }
  }
}
