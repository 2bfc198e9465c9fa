package io.chatapp.platform.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * The service's one connection to RabbitMQ ({@code RABBITMQ_URL}) and its watchdog.
 *
 * <p>Why it is written this way: a service must start while the broker is down and recover by
 * itself when it is back. One managed scheduled task checks the connection every two seconds and,
 * when it is gone, reconnects, declares the topology again and tells its listeners ({@link
 * BrokerPublisher}, {@link BrokerConsumers}) so they open their channels again. Broker callbacks
 * run on a small pool of container-managed threads of this connection's own (made by the server's
 * managed thread factory): the shared default executor is bounded, and a consumer whose dispatch it
 * refused or starved would stall silently.
 */
@ApplicationScoped
public class BrokerConnection {

  private static final Logger LOG = Logger.getLogger(BrokerConnection.class.getName());

  @Inject
  @ConfigProperty(name = "rabbitmq.url", defaultValue = "amqp://guest:guest@localhost:5672")
  String url;

  @Inject
  @ConfigProperty(name = "rabbitmq.consumer-threads", defaultValue = "4")
  int consumerThreads;

  /** Runs broker callbacks; our own pool of managed threads unless one was given. */
  ExecutorService executor;

  private boolean ownsExecutor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService scheduler;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ThreadFactory threadFactory;

  private final List<Topology> topology = new CopyOnWriteArrayList<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile Connection connection;
  private volatile String lastError = "not connected yet";
  private ScheduledFuture<?> watchdog;
  private boolean stopped;

  /** Declares (or retires) exchanges, queues and bindings; run again after every reconnect. */
  @FunctionalInterface
  public interface Topology {
    void declare(Channel channel) throws IOException;
  }

  /** Told of every new connection, and asked every two seconds to check its channels. */
  interface Listener {
    void connected(Connection connection) throws IOException;

    default void check(Connection connection) {}
  }

  public BrokerConnection() {}

  /**
   * For use outside the container (tests, tools): the same behaviour on plain executors. Call
   * {@link #start()} after subscribing or declaring, {@link #stop()} at the end.
   */
  public BrokerConnection(
      String url,
      ExecutorService executor,
      ScheduledExecutorService scheduler,
      ThreadFactory threadFactory) {
    this.url = url;
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

  /** Where this connection's own threads come from (managed threads in the container). */
  ThreadFactory threadFactory() {
    return threadFactory;
  }

  /** Adds declarations made now (if connected) and after every reconnect. */
  public void declare(Topology declarations) {
    topology.add(declarations);
    open()
        .ifPresent(
            current -> {
              try (Channel channel = current.createChannel()) {
                declarations.declare(channel);
              } catch (IOException | TimeoutException | RuntimeException e) {
                LOG.log(Level.WARNING, "Declaring topology failed; retried on reconnect", e);
              }
            });
  }

  /** Readiness: connected, with the last error when not. */
  public HealthCheckResponse check() {
    boolean up = open().isPresent();
    var response = HealthCheckResponse.named("rabbitmq").status(up);
    if (!up) {
      response.withData("error", lastError);
    }
    return response.build();
  }

  /** Why the broker is not reachable, for a 503's log line. */
  String lastError() {
    return lastError;
  }

  /** The connection when it is open. */
  Optional<Connection> open() {
    Connection current = connection;
    return current != null && current.isOpen() ? Optional.of(current) : Optional.empty();
  }

  /** The open connection, trying once to connect now when there is none. */
  Optional<Connection> openOrConnect() {
    Optional<Connection> current = open();
    if (current.isEmpty()) {
      ensureConnected();
      current = open();
    }
    return current;
  }

  /**
   * Messages ready in these queues (not counting those handed to a consumer and not yet acked), or
   * empty when the broker cannot be asked.
   */
  public java.util.OptionalLong ready(List<String> queues) {
    Optional<Connection> current = open();
    if (current.isEmpty()) {
      return java.util.OptionalLong.empty();
    }
    try (Channel channel = current.get().createChannel()) {
      long total = 0;
      for (String queue : queues) {
        total += channel.queueDeclarePassive(queue).getMessageCount();
      }
      return java.util.OptionalLong.of(total);
    } catch (IOException | TimeoutException | RuntimeException e) {
      LOG.log(Level.FINE, "Asking for queue depths failed", e);
      return java.util.OptionalLong.empty();
    }
  }

  void addListener(Listener listener) {
    listeners.add(listener);
  }

  private synchronized void ensureConnected() {
    if (stopped) {
      return;
    }
    Connection current = connection;
    if (current != null && current.isOpen()) {
      listeners.forEach(listener -> listener.check(current));
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
      for (Listener listener : listeners) {
        listener.connected(fresh);
      }
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
}
