package io.chatapp.platform.amqp;

import static io.chatapp.platform.amqp.ProxiedBroker.await;
import static io.chatapp.platform.amqp.ProxiedBroker.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.platform.errors.DependencyUnavailableException;
import io.chatapp.platform.faults.TcpProxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The broker connection against the machine's real RabbitMQ, reached through a TCP proxy the test
 * cuts: the connection comes back by itself, its consumers resume, a publish while the broker is
 * away fails as the services answer 503, and no message the broker confirmed is lost. Exchange and
 * queues are named for this run only and deleted afterwards.
 */
class BrokerRecoveryIT {

  static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(2);

  final String prefix = "modtests.recovery." + UUID.randomUUID();
  final WorkQueue queue = new WorkQueue(prefix + ".q", List.of(Duration.ofSeconds(1)));
  final Fanout fanout = new Fanout(prefix + ".x", List.of(queue));
  final Set<String> consumed = ConcurrentHashMap.newKeySet();

  ProxiedBroker rabbit;
  TcpProxy proxy;
  BrokerConnection broker;
  BrokerPublisher publisher;
  BrokerConsumers consumers;

  @BeforeEach
  void connectThroughTheProxy() throws Exception {
    rabbit = new ProxiedBroker(fanout, CONFIRM_TIMEOUT);
    proxy = rabbit.proxy;
    broker = rabbit.broker;
    publisher = rabbit.publisher;
    consumers = rabbit.consumers;
    consumers.subscribe(queue, 20, (body, id) -> consumed.add(id));
    rabbit.start();
  }

  @AfterEach
  void removeEverything() throws Exception {
    rabbit.close();
  }

  @Test
  void recoversByItselfAndLosesNothingTheBrokerConfirmed() throws Exception {
    Set<String> confirmed = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < 10; i++) {
      publish("before-" + i);
      confirmed.add("before-" + i);
    }
    await("delivered while up", Duration.ofSeconds(10), () -> consumed.containsAll(confirmed));

    List<Throwable> refused = new CopyOnWriteArrayList<>();
    AtomicBoolean publishing = new AtomicBoolean(true);
    Thread steady =
        new Thread(
            () -> {
              for (int i = 0; publishing.get(); i++) {
                String id = "steady-" + i;
                try {
                  publish(id);
                  confirmed.add(id);
                } catch (RuntimeException e) {
                  refused.add(e);
                }
                sleep(5);
              }
            });
    steady.start();
    sleep(300);

    proxy.down();
    await("the loss noticed", Duration.ofSeconds(5), () -> !rabbit.isUp());
    assertThat(broker.lastError()).as("the reason, for readiness and the 503's log").isNotBlank();

    long started = System.nanoTime();
    assertThatThrownBy(() -> publish("during-outage"))
        .isInstanceOfSatisfying(
            DependencyUnavailableException.class,
            e -> assertThat(e.dependency()).isEqualTo("The message broker"));
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("refused at once, not after waiting for a confirm")
        .isLessThan(CONFIRM_TIMEOUT);

    sleep(2500); // the watchdog tries at least once while the broker is away
    assertThat(rabbit.isUp()).isFalse();
    proxy.up();
    await("reconnected by the watchdog", Duration.ofSeconds(10), rabbit::isUp);
    int confirmedBeforeRecovery = confirmed.size();
    await(
        "publishing again",
        Duration.ofSeconds(5),
        () -> confirmed.size() > confirmedBeforeRecovery + 5);
    publishing.set(false);
    steady.join(10_000);

    for (int i = 0; i < 10; i++) {
      publish("after-" + i);
      confirmed.add("after-" + i);
    }

    assertThat(refused)
        .as("publishes while the broker was away were refused as 503s")
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e).isInstanceOf(DependencyUnavailableException.class));
    await(
        "every confirmed message consumed after the reconnect",
        Duration.ofSeconds(15),
        () -> consumed.containsAll(confirmed));
  }

  @Test
  void aBrokerCutMidDeliveryHasTheUnackedMessagesDeliveredAgain() throws Exception {
    Set<String> handled = ConcurrentHashMap.newKeySet();
    AtomicBoolean slow = new AtomicBoolean(true);
    WorkQueue slowQueue = new WorkQueue(prefix + ".slow", List.of());
    broker.declare(
        channel -> {
          slowQueue.declare(channel);
          channel.queueBind(slowQueue.name(), fanout.exchange(), "");
        });
    consumers.subscribe(
        slowQueue,
        5,
        (body, id) -> {
          if (slow.get()) {
            sleep(200);
          }
          handled.add(id);
        });
    try {
      Set<String> confirmed = ConcurrentHashMap.newKeySet();
      for (int i = 0; i < 20; i++) {
        publish("slow-" + i);
        confirmed.add("slow-" + i);
      }
      await("some handled", Duration.ofSeconds(10), () -> handled.size() >= 2);

      proxy.down();
      await("the loss noticed", Duration.ofSeconds(5), () -> !rabbit.isUp());
      assertThat(handled).as("cut while deliveries were still waiting").hasSizeLessThan(20);
      slow.set(false);
      proxy.up();

      await("all handled", Duration.ofSeconds(20), () -> handled.containsAll(confirmed));
    } finally {
      ProxiedBroker.delete(null, List.of(slowQueue));
    }
  }

  private void publish(String id) {
    publisher.publish(
        fanout.exchange(), "", id, ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
  }
}
