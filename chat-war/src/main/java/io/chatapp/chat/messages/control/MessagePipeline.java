package io.chatapp.chat.messages.control;

import com.rabbitmq.client.BuiltinExchangeType;
import io.chatapp.chat.chats.control.ChatStore;
import io.chatapp.chat.common.control.DomainEvents;
import io.chatapp.chat.messages.entity.Envelope;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageNotice;
import io.chatapp.chat.messages.entity.MessageSent;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.amqp.BrokerConnection;
import io.chatapp.platform.amqp.PoisonMessageException;
import io.chatapp.platform.amqp.WorkQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The message pipeline on RabbitMQ: a sent message is published once to the durable fanout exchange
 * {@code chat:messages}, and three durable work queues take it from there, each at its own pace and
 * with its own retries: storage (idempotent insert, then the chat's counters), delivery ({@link
 * MessageSent} for the recipient's sockets) and notification ({@link MessageNotice}).
 */
@ApplicationScoped
public class MessagePipeline {

  private static final Logger LOG = Logger.getLogger(MessagePipeline.class.getName());

  @Inject BrokerConnection broker;
  @Inject MessageStore messages;
  @Inject ChatStore chats;
  @Inject DomainEvents events;

  @Inject
  @ConfigProperty(name = "pipeline.prefetch", defaultValue = "20")
  int prefetch;

  PipelineNames names = PipelineNames.DEFAULT;

  public MessagePipeline() {}

  /** For use outside the container (tests, benchmarks). */
  public MessagePipeline(
      BrokerConnection broker,
      MessageStore messages,
      ChatStore chats,
      DomainEvents events,
      PipelineNames names,
      int prefetch) {
    this.broker = broker;
    this.messages = messages;
    this.chats = chats;
    this.events = events;
    this.names = names;
    this.prefetch = prefetch;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    start();
  }

  /** Declares the exchange, queues and bindings (again after every reconnect) and consumes. */
  public void start() {
    broker.declare(
        channel -> {
          channel.exchangeDeclare(names.exchange(), BuiltinExchangeType.FANOUT, true);
          for (WorkQueue queue : names.queues()) {
            queue.declare(channel);
            channel.queueBind(queue.name(), names.exchange(), "");
          }
        });
    broker.subscribe(names.storage(), prefetch, (body, properties) -> store(body));
    broker.subscribe(names.delivery(), prefetch, (body, properties) -> deliver(body));
    broker.subscribe(names.notification(), prefetch, (body, properties) -> announce(body));
  }

  /** Publishes the message; returns once the broker confirmed it, else 503. */
  public void publish(Message message, UserId recipient) {
    broker.publish(
        names.exchange(), "", message.id().value(), new Envelope(message, recipient).toBytes());
  }

  void store(byte[] body) throws PoisonMessageException {
    Envelope envelope = read(body);
    Message message = envelope.message();
    if (messages.storeIfAbsent(message)) {
      chats.recordMessage(
          message.chatId(),
          message.seq(),
          message.sender(),
          envelope.recipientId(),
          message.preview(),
          message.createdAt());
    } else {
      LOG.log(Level.FINE, "Message {0} was already stored", message.id());
    }
  }

  void deliver(byte[] body) throws PoisonMessageException {
    Envelope envelope = read(body);
    Message message = envelope.message();
    events.fire(
        new MessageSent(message, message.chatId(), message.sender(), envelope.recipientId()));
  }

  void announce(byte[] body) throws PoisonMessageException {
    Envelope envelope = read(body);
    events.fire(
        new MessageNotice(envelope.message(), envelope.message().chatId(), envelope.recipientId()));
  }

  private static Envelope read(byte[] body) throws PoisonMessageException {
    try {
      return Envelope.parse(body);
    } catch (IllegalArgumentException e) {
      throw new PoisonMessageException(e.getMessage());
    }
  }
}
