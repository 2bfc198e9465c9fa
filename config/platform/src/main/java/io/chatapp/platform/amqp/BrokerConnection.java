package io.chatapp.platform.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MessageProperties;
import io.chatapp.platform.rest.DependencyUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The service's one connection to RabbitMQ ({@code RABBITMQ_URL}).
 *
 * <p>Why it is written this way: a service must start while the broker is down and recover by
 * itself when it is back. One managed scheduled task checks the connection every two seconds and,
 * when it is gone, reconnects, declares the topology again and restarts every consumer. Consumer
 * callbacks run on a small pool of container-managed threads of this connection's own (made by the
 * server's managed thread factory): the shared default executor is bounded, and a consumer whose
 * dispatch it refused or starved would stall silently. Publishing waits for the broker's confirm so
 * that a caller told "accepted" can rely on it.
 */
@ApplicationScoped
public class BrokerConnection {

  private static final Logger LOG = Logger.getLogger(BrokerConnection.class.getName());

  @Inject
  @ConfigProperty(name = "rabbitmq.url", defaultValue = "amqp://guest:guest@localhost:5672")
  String url;

  @Inject
  @ConfigProperty(name = "rabbitmq.confirm-timeout-ms", defaultValue = "5000")
  long confirmTimeoutMillis;

  @Inject
  @ConfigProperty(name = "rabbitmq.consumer-threads", defaultValue = "4")
  int consumerThreads;

  /** Runs consumer callbacks; our own pool of managed threads unless one was given. */
  ExecutorService executor;

  private boolean ownsExecutor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService scheduler;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ThreadFactory threadFactory;

  private final List<Topology> topology = new CopyOnWriteArrayList<>();
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Channel> publishChannels = new LinkedBlockingQueue<>();
  private volatile Connection connection;
  private volatile String lastError = "not connected yet";
  private ScheduledFuture<?> watchdog;
  private boolean stopped;

  /** Declares exchanges, queues and bindings; run again after every reconnect. */
  @FunctionalInterface
  public interface Topology {
    void declare(Channel channel) throws IOException;
  }

  /** A consumer and the channel it currently runs on (replaced when that channel dies). */
  private static final class Subscription {
    final WorkQueue queue;
    final int prefetch;
    final MessageHandler handler;
    volatile Channel channel;

    Subscription(WorkQueue queue, int prefetch, MessageHandler handler) {
      this.queue = queue;
      this.prefetch = prefetch;
      this.handler = handler;
    }
  }

  public BrokerConnection() {}

  /**
   * For use outside the container (tests, tools): the same behaviour on plain executors. Call
   * {@link #start()} after subscribing or declaring, {@link #stop()} at the end.
   */
  public BrokerConnection(
      String url,
      long confirmTimeoutMillis,
      ExecutorService executor,
      ScheduledExecutorService scheduler,
      ThreadFactory threadFactory) {
    this.url = url;
    this.confirmTimeoutMillis = confirmTimeoutMillis;
    this.executor = executor;
    this.scheduler = scheduler;
    this.threadFactory = threadFactory;
  }

  @PostConstruct
  public void start() {
    if (executor == null) {
      executor = Executors.newFixedThreadPool(Math.max(1, consumerThreads), threadFactory);
      ownsExecutor = true;
    }
    watchdog = scheduler.scheduleWithFixedDelay(this::ensureConnected, 0, 2, TimeUnit.SECONDS);
  }

  @PreDestroy
  public synchronized void stop() {
    stopped = true;
    if (watchdog != null) {
      watchdog.cancel(false);
    }
    Connection current = connection;
    connection = null;
    if (current != null && current.isOpen()) {
      try {
        current.close(2000);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.FINE, "Closing the broker connection", e);
      }
    }
    if (ownsExecutor) {
      executor.shutdown();
    }
  }

  /** Adds declarations made now (if connected) and after every reconnect. */
  public void declare(Topology declarations) {
    topology.add(declarations);
    Connection current = connection;
    if (current != null && current.isOpen()) {
      try (Channel channel = current.createChannel()) {
        declarations.declare(channel);
      } catch (IOException | TimeoutException | RuntimeException e) {
        LOG.log(Level.WARNING, "Declaring topology failed; retried on reconnect", e);
      }
    }
  }

  /** Consumes the queue with manual acks, retries and dead-lettering, now and after reconnects. */
  public synchronized void subscribe(WorkQueue queue, int prefetch, MessageHandler handler) {
    declare(queue::declare);
    Subscription subscription = new Subscription(queue, prefetch, handler);
    subscriptions.add(subscription);
    Connection current = connection;
    if (current != null && current.isOpen()) {
      try {
        consume(current, subscription);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "Starting consumer failed; retried on reconnect", e);
        current.abort();
      }
    }
  }

  /** Publishes a persistent message and returns once the broker confirmed it; else 503. */
  public void publish(String exchange, String routingKey, String messageId, byte[] body) {
    AMQP.BasicProperties properties =
        MessageProperties.PERSISTENT_BASIC
            .builder()
            .contentType("application/json")
            .messageId(messageId)
            .timestamp(new java.util.Date())
            .build();
    publish(exchange, routingKey, properties, body);
  }

  void publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
    Channel channel = borrowChannel();
    try {
      channel.basicPublish(exchange, routingKey, true, properties, body);
      channel.waitForConfirmsOrDie(confirmTimeoutMillis);
      publishChannels.offer(channel);
    } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      closeQuietly(channel);
      throw new DependencyUnavailableException("The message broker", e);
    }
  }

  /** Readiness: connected, with the last error when not. */
  public HealthCheckResponse check() {
    Connection current = connection;
    boolean up = current != null && current.isOpen();
    var response = HealthCheckResponse.named("rabbitmq").status(up);
    if (!up) {
      response.withData("error", lastError);
    }
    return response.build();
  }

  private Channel borrowChannel() {
    Channel channel;
    while ((channel = publishChannels.poll()) != null) {
      if (channel.isOpen()) {
        return channel;
      }
    }
    Connection current = connection;
    if (current == null || !current.isOpen()) {
      ensureConnected();
      current = connection;
    }
    if (current == null) {
      throw new DependencyUnavailableException("The message broker", new IOException(lastError));
    }
    try {
      Channel fresh = current.createChannel();
      fresh.confirmSelect();
      return fresh;
    } catch (IOException | RuntimeException e) {
      throw new DependencyUnavailableException("The message broker", e);
    }
  }

  private synchronized void ensureConnected() {
    if (stopped) {
      return;
    }
    Connection current = connection;
    if (current != null && current.isOpen()) {
      resumeLostConsumers(current);
      return;
    }
    Connection fresh = null;
    try {
      ConnectionFactory factory = new ConnectionFactory();
      factory.setUri(url);
      factory.setAutomaticRecoveryEnabled(false);
      factory.setConnectionTimeout(3000);
      factory.setRequestedHeartbeat(10);
      factory.setThreadFactory(threadFactory);
      fresh = factory.newConnection(executor, "chat-platform");
      fresh.addShutdownListener(
          cause -> {
            if (!cause.isInitiatedByApplication()) {
              lastError = String.valueOf(cause.getMessage());
              LOG.warning(() -> "Lost the broker connection: " + cause.getMessage());
            }
          });
      try (Channel channel = fresh.createChannel()) {
        for (Topology declarations : topology) {
          declarations.declare(channel);
        }
      }
      for (Subscription subscription : subscriptions) {
        consume(fresh, subscription);
      }
      publishChannels.clear();
      connection = fresh;
      LOG.info("Connected to the message broker");
    } catch (Exception e) {
      if (fresh != null) {
        fresh.abort(); // never leave a half-set-up connection (and its consumers) behind
      }
      Throwable reason = e.getMessage() == null && e.getCause() != null ? e.getCause() : e;
      String error = reason.getClass().getSimpleName() + ": " + reason.getMessage();
      if (!error.equals(lastError)) {
        LOG.warning(() -> "Message broker unavailable, retrying every 2 s: " + error);
      }
      lastError = error;
    }
  }

  /**
   * A consumer's channel can close while the connection stays open (an exception while settling a
   * delivery, a channel error, the broker's consumer timeout); without this the queue would stay
   * unconsumed until the whole connection dropped. The unacked deliveries went back to the queue.
   */
  private void resumeLostConsumers(Connection current) {
    for (Subscription subscription : subscriptions) {
      Channel channel = subscription.channel;
      if (channel != null && !channel.isOpen() && channel.getConnection() == current) {
        try {
          consume(current, subscription);
          LOG.info(() -> "Resumed the consumer of " + subscription.queue.name());
        } catch (IOException | RuntimeException e) {
          LOG.log(Level.WARNING, "Resuming a consumer failed; retrying in 2 s", e);
        }
      }
    }
  }

  private void consume(Connection on, Subscription subscription) throws IOException {
    Channel channel = on.createChannel();
    subscription.channel = channel;
    subscription.queue.declare(channel); // also brings back a queue deleted while we were away
    channel.basicQos(subscription.prefetch);
    channel.basicConsume(
        subscription.queue.name(),
        false,
        new DefaultConsumer(channel) {
          @Override
          public void handleDelivery(
              String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            if (!channel.isOpen()) {
              return; // prefetched before the channel closed: the broker delivers it again
            }
            try {
              settle(channel, subscription, envelope, properties, body);
            } catch (Exception | Error e) {
              // Not settled (e.g. the retry could not be published): closing the channel returns
              // the delivery to the queue; the watchdog resumes this consumer within 2 s.
              LOG.log(
                  Level.WARNING,
                  "Could not settle message {0} from {1}, returning it to the queue: {2}",
                  new Object[] {
                    properties.getMessageId(), subscription.queue.name(), e.toString()
                  });
              try {
                channel.abort();
              } catch (IOException | RuntimeException closing) {
                LOG.log(Level.FINE, "Closing a consumer channel", closing);
              }
            }
          }

          @Override
          public void handleCancel(String tag) {
            // The broker cancelled us (the queue was deleted): the watchdog consumes again.
            LOG.warning(() -> "The broker cancelled the consumer of " + subscription.queue.name());
            try {
              channel.abort();
            } catch (IOException | RuntimeException closing) {
              LOG.log(Level.FINE, "Closing a consumer channel", closing);
            }
          }
        });
  }

  private void settle(
      Channel channel,
      Subscription subscription,
      Envelope envelope,
      AMQP.BasicProperties properties,
      byte[] body)
      throws IOException {
    WorkQueue queue = subscription.queue;
    try {
      subscription.handler.handle(body, properties);
    } catch (PoisonMessageException e) {
      LOG.warning(() -> "Parking an unusable message from " + queue.name() + ": " + e.getMessage());
      publish(
          "",
          queue.deadLetterQueue(),
          withAttempt(properties, WorkQueue.attempt(properties)),
          body);
    } catch (Exception e) {
      int attempt = WorkQueue.attempt(properties);
      if (attempt >= queue.maxAttempts()) {
        LOG.log(
            Level.WARNING,
            "Giving up on message {0} from {1} after {2} attempts: {3}",
            new Object[] {properties.getMessageId(), queue.name(), attempt, e.toString()});
        publish("", queue.deadLetterQueue(), withAttempt(properties, attempt), body);
      } else {
        LOG.log(
            Level.INFO,
            "Message {0} from {1} failed (attempt {2}), retrying later: {3}",
            new Object[] {properties.getMessageId(), queue.name(), attempt, e.toString()});
        publish("", queue.retryQueue(attempt), withAttempt(properties, attempt + 1), body);
      }
    }
    channel.basicAck(envelope.getDeliveryTag(), false);
  }

  private static AMQP.BasicProperties withAttempt(AMQP.BasicProperties properties, int attempt) {
    Map<String, Object> headers =
        properties.getHeaders() == null ? new HashMap<>() : new HashMap<>(properties.getHeaders());
    headers.put(WorkQueue.ATTEMPT_HEADER, attempt);
    return properties.builder().headers(headers).deliveryMode(2).build();
  }

  private static void closeQuietly(Channel channel) {
    try {
      if (channel.isOpen()) {
        channel.close();
      }
    } catch (IOException | TimeoutException | RuntimeException e) {
      LOG.log(Level.FINE, "Closing a channel", e);
    }
  }
}
