package io.chatapp.platform.amqp;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.List;

/**
 * A durable fanout exchange and the work queues bound to it: each queue gets a copy of every
 * message. One an earlier version used is {@link #retire retired}, and the bindings go with its
 * queues, so an upgrade does not leave a stale route behind.
 */
public record Fanout(String exchange, List<WorkQueue> queues) {

  public Fanout {
    queues = List.copyOf(queues);
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
  }
}
