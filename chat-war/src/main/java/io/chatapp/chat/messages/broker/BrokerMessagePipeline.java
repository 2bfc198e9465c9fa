package io.chatapp.chat.messages.broker;

import io.chatapp.chat.messages.control.MessagePipeline;
import io.chatapp.chat.messages.control.MessageSteps;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.amqp.BrokerConnection;
import io.chatapp.platform.amqp.BrokerConsumers;
import io.chatapp.platform.amqp.BrokerPublisher;
import io.chatapp.platform.amqp.Fanout;
import io.chatapp.platform.amqp.PoisonMessageException;
import io.chatapp.platform.amqp.WorkQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link MessagePipeline} on RabbitMQ. An accepted message is published, persistent and
 * confirmed, to {@code chat:messages}; the storage consumer stores it ({@link MessageSteps#store})
 * and publishes it to {@code chat:messages:stored} before acking, so a crash in between stores it
 * again (idempotently) rather than losing it; the delivery and notification consumers take it from
 * there. Each queue retries failures after 1, 5 and 30 s, then parks them in its dead-letter queue:
 * nothing waits in a hot loop, and no step ever waits for another by retrying.
 */
@ApplicationScoped
public class BrokerMessagePipeline implements MessagePipeline {

  @Inject BrokerConnection broker;
  @Inject BrokerPublisher publisher;
  @Inject BrokerConsumers consumers;
  @Inject MessageSteps steps;

  @Inject
  @ConfigProperty(name = "pipeline.prefetch", defaultValue = "20")
  int prefetch;

  /** Consumers of the storage and notification queues each: their steps wait on the database. */
  @Inject
  @ConfigProperty(name = "pipeline.consumers", defaultValue = "2")
  int consumersPerQueue;

  PipelineNames names = PipelineNames.DEFAULT;

  public BrokerMessagePipeline() {}

  /** For use outside the container (tests, benchmarks). */
  public BrokerMessagePipeline(
      BrokerConnection broker,
      BrokerPublisher publisher,
      BrokerConsumers consumers,
      PipelineNames names,
      int prefetch) {
    this.broker = broker;
    this.publisher = publisher;
    this.consumers = consumers;
    this.names = names;
    this.prefetch = prefetch;
    this.consumersPerQueue = 2;
  }

  /** The steps, set once wiring by hand is done (they call back into the message service). */
  public void steps(MessageSteps steps) {
    this.steps = steps;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    start();
  }

  /** Declares the exchanges and queues (again after every reconnect) and consumes. */
  public void start() {
    for (Fanout fanout : names.topology()) {
      broker.declare(fanout::declare);
    }
    consumers.subscribe(names.storage(), prefetch, consumersPerQueue, (body, id) -> store(body));
    consumers.subscribe(names.delivery(), prefetch, (body, id) -> deliver(body));
    consumers.subscribe(
        names.notification(), prefetch, consumersPerQueue, (body, id) -> announce(body));
  }

  @Override
  public void accept(Message message, UserId recipient) {
    publisher.publish(
        names.accepted(), "", message.id().value(), new Envelope(message, recipient).toBytes());
  }

  @Override
  public OptionalLong backlog() {
    return broker.ready(names.queues().stream().map(WorkQueue::name).toList());
  }

  void store(byte[] body) throws PoisonMessageException {
    Envelope envelope = read(body);
    steps
        .store(envelope.message(), envelope.recipientId())
        .ifPresent(
            stored ->
                publisher.publish(
                    names.stored(),
                    "",
                    stored.id().value(),
                    new Envelope(stored, envelope.recipientId()).toBytes()));
  }

  void deliver(byte[] body) throws PoisonMessageException {
    Envelope envelope = read(body);
    steps.deliver(envelope.message(), envelope.recipientId());
  }

  void announce(byte[] body) throws PoisonMessageException {
    Envelope envelope = read(body);
    steps.announce(envelope.message(), envelope.recipientId());
  }

  private static Envelope read(byte[] body) throws PoisonMessageException {
    try {
      return Envelope.parse(body);
    } catch (IllegalArgumentException e) {
      throw new PoisonMessageException(e.getMessage());
    }
  }
}
