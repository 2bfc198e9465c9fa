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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link MessagePipeline} on RabbitMQ. An accepted message is published, persistent and
 * confirmed, to {@code chat:messages}, together with the others accepted while earlier ones waited
 * for their confirm ({@link BatchingPublisher}: one broker message for many at 1,000 msg/s). The
 * storage consumer takes every message at hand (up to {@code pipeline.prefetch}) and stores them
 * together ({@link MessageSteps#store}, journaled); only then does it hand them on, delivering them
 * to the sockets and announcing them ({@link MessageSteps#handOn}) on a thread of its own, while it
 * stores the next batch. A batch is acked once its frames have left this instance, so an instance
 * killed in between has the batch stored again (idempotently) and delivered by another, not lost
 * for a socket that stayed open elsewhere. Batches grow with the load, and so does the work saved
 * per message. The queue retries failures after 1, 5 and 30 s, then parks them in its dead-letter
 * queue: nothing waits in a hot loop, and no step ever waits for another by retrying.
 *
 * <p>Until 2026-12-07 a stored batch went to the broker again, to a fanout read by a delivery and a
 * notification queue. Handing it on here instead took that hop's work off the broker and chat-war
 * (README, Performance); the queues and the fanout of that design are retired at start.
 */
@ApplicationScoped
public class BrokerMessagePipeline implements MessagePipeline {

  private static final Logger LOG = Logger.getLogger(BrokerMessagePipeline.class.getName());

  @Inject BrokerConnection broker;
  @Inject BrokerPublisher publisher;
  @Inject BrokerConsumers consumers;
  @Inject MessageSteps steps;

  @Inject
  @ConfigProperty(name = "pipeline.prefetch", defaultValue = "200")
  int prefetch;

  /**
   * Stored batches being handed on at once, per instance: the one storage consumer stores the next
   * batch while the last one is delivered and announced (measured at 1,000 msg/s when that was a
   * publish to the broker: the publish, its confirm and the ack were 4-5 ms of a 19 ms storage
   * cycle). One consumer stores in the order messages were sent, and hands them on in that order.
   */
  static final int STORED_BATCHES_IN_FLIGHT = 2;

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

  /** Delivers and announces stored batches, one at a time, in the order they were stored. */
  private ExecutorService handingOn;

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
    handingOn =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = threadFactory.newThread(task);
              thread.setName("chat-pipeline-hand-on");
              return thread;
            });
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

  /** Declares the exchange and queue (again after every reconnect), retires the old, consumes. */
  public void start() {
    broker.declare(names.topology()::declare);
    broker.declare(names.retired()::retire);
    consumers.subscribePipelined(names.storage(), prefetch, STORED_BATCHES_IN_FLIGHT, this::store);
  }

  @Override
  public void accept(Message message, UserId recipient) {
    accept(new Addressed(message, recipient));
  }

  @PreDestroy
  public void stop() {
    sender.shutdown();
    handingOn.shutdown();
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
   * Stores a batch, then hands it on: the batch is acked once its frames have left this instance,
   * and meanwhile the next one is stored.
   */
  CompletableFuture<Void> store(List<byte[]> bodies, boolean maybeHandledBefore)
      throws PoisonMessageException {
    List<Addressed> stored = steps.store(read(bodies), maybeHandledBefore);
    if (stored.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.supplyAsync(() -> handOn(stored, maybeHandledBefore), handingOn)
        .thenCompose(out -> out);
  }

  /**
   * Delivers and announces a stored batch. When that throws (an observer failed), the batch goes
   * back to the queue, is found stored and is handed on again; when it throws again, each message
   * is handed on alone ({@link #handOnEachAlone}).
   */
  private CompletableFuture<Void> handOn(List<Addressed> stored, boolean maybeHandledBefore) {
    try {
      return steps.handOn(stored);
    } catch (RuntimeException e) {
      return maybeHandledBefore ? handOnEachAlone(stored) : CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Hands on each message of a batch alone, so that one whose hand-on keeps failing (a fault of
   * ours, as the frames only go to the outbox) is logged and passed over, rather than holding up
   * every later batch behind it: it is stored, and its recipient sees it on opening the chat.
   */
  private CompletableFuture<Void> handOnEachAlone(List<Addressed> stored) {
    List<CompletableFuture<Void>> out = new ArrayList<>();
    for (Addressed one : stored) {
      try {
        out.add(steps.handOn(List.of(one)));
      } catch (RuntimeException e) {
        LOG.log(
            Level.SEVERE,
            "Message " + one.message().id().value() + " is stored, but handing it on failed again",
            e);
      }
    }
    return CompletableFuture.allOf(out.toArray(CompletableFuture[]::new));
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
