package io.chatapp.chat.messages.broker;

import io.chatapp.chat.messages.control.MessagePipeline;
import io.chatapp.chat.messages.control.MessageSteps;
import io.chatapp.chat.messages.entity.Addressed;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.amqp.BatchingPublisher;
import io.chatapp.platform.amqp.BrokerConnection;
import io.chatapp.platform.amqp.BrokerConsumers;
import io.chatapp.platform.amqp.BrokerPublisher;
import io.chatapp.platform.amqp.Fanout;
import io.chatapp.platform.amqp.PoisonMessageException;
import io.chatapp.platform.amqp.WorkQueue;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link MessagePipeline} on RabbitMQ. An accepted message is published, persistent and
 * confirmed, to {@code chat:messages}, together with the others accepted while earlier ones waited
 * for their confirm ({@link BatchingPublisher}: one broker message for many at 1,000 msg/s). The
 * storage consumer takes every message at hand (up to {@code pipeline.prefetch}), stores them
 * together ({@link MessageSteps#store}, journaled) and publishes them as one message to {@code
 * chat:messages:stored} before acking them, so a crash in between stores them again (idempotently)
 * rather than losing them; it stores the next batch while that publish waits for its confirm; the
 * delivery and notification consumers take each such batch from there, and ack it once the frames
 * it made have left the instance (an instance killed in between has it delivered again by another,
 * not lost for a socket that stayed open elsewhere). Batches grow with the load, and so does the
 * work saved per message. Each queue retries failures after 1, 5 and 30 s, then parks them in its
 * dead-letter queue: nothing waits in a hot loop, and no step ever waits for another by retrying.
 */
@ApplicationScoped
public class BrokerMessagePipeline implements MessagePipeline {

  @Inject BrokerConnection broker;
  @Inject BrokerPublisher publisher;
  @Inject BrokerConsumers consumers;
  @Inject MessageSteps steps;

  @Inject
  @ConfigProperty(name = "pipeline.prefetch", defaultValue = "200")
  int prefetch;

  /**
   * Stored batches waiting for the broker's confirm at once, per instance: the one storage consumer
   * stores the next batch while the last one's publish is confirmed (measured at 1,000 msg/s: the
   * publish, its confirm and the ack were 4-5 ms of a 19 ms storage cycle). One consumer stores in
   * the order messages were sent, and hands them on in that order.
   */
  static final int STORED_BATCHES_IN_FLIGHT = 2;

  /**
   * Delivered (or announced) batches whose frames are still on their way out at once: the step
   * hands on the next batch while the last one's frames are published, and acks in order.
   */
  static final int HANDED_ON_BATCHES_IN_FLIGHT = 2;

  /**
   * How often accepted messages go to the broker at most while sends keep coming ({@link
   * BatchingPublisher}): a send after a quiet spell goes at once, the others wait up to this long.
   */
  @Inject
  @ConfigProperty(name = "pipeline.publish-pace-ms", defaultValue = "5")
  int publishPaceMillis;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ThreadFactory threadFactory;

  PipelineNames names = PipelineNames.DEFAULT;

  private ScheduledExecutorService sender;
  private BatchingPublisher accepted;

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
    this.publishPaceMillis = 5;
    this.threadFactory = Executors.defaultThreadFactory();
    createPublisher();
  }

  @PostConstruct
  void createPublisher() {
    sender = Executors.newSingleThreadScheduledExecutor(threadFactory);
    accepted =
        new BatchingPublisher(
            publisher, names.accepted(), sender, Duration.ofMillis(publishPaceMillis));
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
    consumers.subscribePipelined(names.storage(), prefetch, STORED_BATCHES_IN_FLIGHT, this::store);
    consumers.subscribePipelined(
        names.delivery(),
        prefetch,
        HANDED_ON_BATCHES_IN_FLIGHT,
        (bodies, maybeHandledBefore) -> deliver(bodies));
    consumers.subscribePipelined(
        names.notification(),
        prefetch,
        HANDED_ON_BATCHES_IN_FLIGHT,
        (bodies, maybeHandledBefore) -> announce(bodies));
  }

  @Override
  public void accept(Message message, UserId recipient) {
    accept(new Addressed(message, recipient));
  }

  @PreDestroy
  public void stop() {
    sender.shutdown();
  }

  @Override
  public void accept(Addressed addressed) {
    accepted.publish(addressed.message().id().value(), new Envelope(addressed).toBytes());
  }

  @Override
  public OptionalLong backlog() {
    return broker.ready(names.queues().stream().map(WorkQueue::name).toList());
  }

  /**
   * Stores a batch, then hands it on as one message, in the order batches were stored: the batch is
   * acked once that was confirmed, and meanwhile the next one is stored.
   */
  CompletableFuture<Void> store(List<byte[]> bodies, boolean maybeHandledBefore)
      throws PoisonMessageException {
    List<Addressed> stored = steps.store(read(bodies), maybeHandledBefore);
    if (stored.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return publisher.publishInOrder(
        names.stored(), stored.get(0).message().id().value(), Envelope.toBytes(stored));
  }

  /** Delivers a stored batch; acked once its frames have left this instance. */
  CompletableFuture<Void> deliver(List<byte[]> bodies) throws PoisonMessageException {
    return steps.deliver(read(bodies));
  }

  /** Announces a stored batch; acked once its frames have left this instance. */
  CompletableFuture<Void> announce(List<byte[]> bodies) throws PoisonMessageException {
    return steps.announce(read(bodies));
  }

  private static List<Addressed> read(List<byte[]> bodies) throws PoisonMessageException {
    List<Addressed> batch = new ArrayList<>();
    try {
      for (byte[] body : bodies) {
        batch.addAll(Envelope.parseAll(body));
      }
    } catch (IllegalArgumentException e) {
      throw new PoisonMessageException(e.getMessage());
    }
    return batch;
  }
}
