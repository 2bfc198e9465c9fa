package io.chatapp.platform.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.chatapp.platform.faults.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * The machine's real RabbitMQ reached through a {@link TcpProxy} a test can cut, with the
 * platform's connection, publisher and consumers on it and a fanout of the test's own declared.
 * {@link #close} stops them and deletes the fanout's exchange and queues (retry and dead-letter
 * queues too), directly, not through the proxy.
 */
final class ProxiedBroker implements AutoCloseable {

  static final URI BROKER =
      URI.create(System.getenv().getOrDefault("RABBITMQ_URL", "amqp://guest:guest@localhost:5672"));

  final TcpProxy proxy;
  final BrokerConnection broker;
  final BrokerPublisher publisher;
  final BrokerConsumers consumers;
  private final Fanout fanout;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  /** Declares {@code fanout} once connected; subscribe, then {@link #start}. */
  ProxiedBroker(Fanout fanout, Duration confirmTimeout) throws Exception {
    this.fanout = fanout;
    proxy = new TcpProxy(BROKER.getHost(), BROKER.getPort() < 0 ? 5672 : BROKER.getPort());
    proxy.up();
    broker =
        new BrokerConnection(
            "amqp://" + BROKER.getRawUserInfo() + "@127.0.0.1:" + proxy.port(),
            executor,
            scheduler,
            Executors.defaultThreadFactory());
    publisher = new BrokerPublisher(broker, confirmTimeout.toMillis());
    consumers = new BrokerConsumers(broker, publisher);
    broker.declare(fanout::declare);
  }

  /** Connects and waits until connected. */
  void start() {
    broker.start();
    await("connected", Duration.ofSeconds(10), this::isUp);
  }

  /** Whether the connection is open: what the readiness check reports. */
  boolean isUp() {
    return broker.open().isPresent();
  }

  @Override
  public void close() throws Exception {
    broker.stop();
    consumers.stop();
    proxy.close();
    executor.shutdownNow();
    scheduler.shutdownNow();
    delete(fanout.exchange(), fanout.queues());
  }

  /**
   * Deletes an exchange (when not null) and work queues with their retry and dead-letter queues.
   */
  static void delete(String exchange, List<WorkQueue> queues) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(BROKER);
    try (Connection direct = factory.newConnection("modtests-cleanup");
        Channel channel = direct.createChannel()) {
      if (exchange != null) {
        channel.exchangeDelete(exchange);
      }
      for (WorkQueue queue : queues) {
        channel.queueDelete(queue.name());
        for (int step = 1; step <= queue.retryDelays().size(); step++) {
          channel.queueDelete(queue.retryQueue(step));
        }
        channel.queueDelete(queue.deadLetterQueue());
      }
    }
  }

  static void await(String what, Duration within, BooleanSupplier condition) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not " + what + " within " + within);
      }
      sleep(50);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
