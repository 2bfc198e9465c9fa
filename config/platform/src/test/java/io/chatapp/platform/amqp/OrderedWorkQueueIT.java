package io.chatapp.platform.amqp;

import static io.chatapp.platform.amqp.ProxiedBroker.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An ordered work queue against the real broker, subscribed by two instances: one of them takes
 * everything, in order, and the other takes over when it goes. A queue an earlier version declared
 * without that still works, its consumers taking turns.
 */
class OrderedWorkQueueIT {

  final String prefix = "modtests.ordered." + UUID.randomUUID();
  final WorkQueue queue = new WorkQueue(prefix + ".q", List.of(Duration.ofSeconds(1)), true);
  final Fanout fanout = new Fanout(prefix + ".x", List.of(queue));

  final List<String> first = new CopyOnWriteArrayList<>();
  final List<String> second = new CopyOnWriteArrayList<>();
  ProxiedBroker one;
  ProxiedBroker other;

  @AfterEach
  void removeEverything() throws Exception {
    if (other != null) {
      other.close();
    }
    if (one != null) {
      one.close();
    }
  }

  @Test
  void oneInstanceTakesEverythingInOrderAndAnotherTakesOverWhenItGoes() throws Exception {
    one = instance(first);
    other = instance(second);

    IntStream.range(0, 50).forEach(i -> publish(one, "m" + i));
    await("all 50 taken", Duration.ofSeconds(10), () -> first.size() + second.size() == 50);
    List<String> taker = first.isEmpty() ? second : first;
    assertThat(first.isEmpty() || second.isEmpty()).as("one instance took them all").isTrue();
    assertThat(taker)
        .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(i -> "m" + i).toList());

    ProxiedBroker gone = taker == first ? one : other;
    List<String> left = taker == first ? second : first;
    ProxiedBroker staying = gone == one ? other : one;
    gone.proxy.down();
    IntStream.range(50, 60).forEach(i -> publish(staying, "m" + i));
    await("the other instance takes over", Duration.ofSeconds(10), () -> left.size() == 10);
    assertThat(left)
        .containsExactlyElementsOf(IntStream.range(50, 60).mapToObj(i -> "m" + i).toList());
  }

  @Test
  void aQueueDeclaredBeforeWithoutOrderStillWorksItsConsumersTakingTurns() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(ProxiedBroker.BROKER);
    try (Connection direct = factory.newConnection("modtests-earlier-version");
        Channel channel = direct.createChannel()) {
      channel.queueDeclare(queue.name(), true, false, false, null);
    }
    one = instance(first);
    other = instance(second);

    IntStream.range(0, 40).forEach(i -> publish(one, "m" + i));

    await("all 40 taken", Duration.ofSeconds(10), () -> first.size() + second.size() == 40);
    assertThat(first).as("the first instance had some").isNotEmpty();
    assertThat(second).as("the second instance had some").isNotEmpty();
  }

  private ProxiedBroker instance(List<String> taken) throws Exception {
    ProxiedBroker broker = new ProxiedBroker(fanout, Duration.ofSeconds(2));
    broker.consumers.subscribe(
        queue,
        1,
        (body, id) -> {
          taken.add(new String(body, StandardCharsets.UTF_8));
          Thread.sleep(5); // long enough for the other instance to be handed some, if it may
        });
    broker.start();
    return broker;
  }

  private void publish(ProxiedBroker through, String text) {
    through.publisher.publish(fanout.exchange(), "", text, text.getBytes(StandardCharsets.UTF_8));
  }
}
