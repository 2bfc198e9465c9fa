package io.chatapp.platform.amqp;

import static io.chatapp.platform.amqp.ProxiedBroker.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.platform.errors.DependencyUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pipelined consumer against the real broker: it takes the next batch while the one before is
 * still settling, acks batches only once they and all before them are settled, and a batch whose
 * settling fails comes back, with everything after it that was not acked yet.
 */
class PipelinedConsumerIT {

  final String prefix = "modtests.pipelined." + UUID.randomUUID();
  final WorkQueue queue = new WorkQueue(prefix + ".q", List.of(Duration.ofSeconds(1)));
  final Fanout fanout = new Fanout(prefix + ".x", List.of(queue));

  /**
   * Each batch handed over, whether it was said to be maybe handled before, and the future the test
   * settles it with.
   */
  record Handed(List<String> bodies, boolean again, CompletableFuture<Void> settled) {}

  final List<Handed> handed = new CopyOnWriteArrayList<>();
  final Map<String, Integer> times = new ConcurrentHashMap<>();

  /** How many more batches the handler refuses, as a handler whose database is stopped. */
  final AtomicInteger unavailableFor = new AtomicInteger();

  /** How many more batches the handler fails, as a handler with a bug. */
  final AtomicInteger failingFor = new AtomicInteger();

  /** Whether each try of each body was said to be maybe handled before, in the order tried. */
  final Map<String, List<Boolean>> said = new ConcurrentHashMap<>();

  ProxiedBroker rabbit;

  @BeforeEach
  void connect() throws Exception {
    rabbit = new ProxiedBroker(fanout, Duration.ofSeconds(2));
    rabbit.consumers.subscribePipelined(
        queue,
        50,
        2,
        (bodies, again) -> {
          List<String> texts =
              bodies.stream().map(body -> new String(body, StandardCharsets.UTF_8)).toList();
          texts.forEach(text -> times.merge(text, 1, Integer::sum));
          texts.forEach(
              text -> said.computeIfAbsent(text, t -> new CopyOnWriteArrayList<>()).add(again));
          if (unavailableFor.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new DependencyUnavailableException("The test's database", null);
          }
          if (failingFor.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException("The test's bug");
          }
          Handed batch = new Handed(texts, again, new CompletableFuture<>());
          handed.add(batch);
          return batch.settled();
        });
    rabbit.start();
  }

  @AfterEach
  void removeEverything() throws Exception {
    handed.forEach(batch -> batch.settled().complete(null));
    rabbit.close();
  }

  /**
   * Publishes two documents, one after the other, each handed as a batch before the first settles.
   */
  private void twoBatchesHanded(String first, String second) {
    publish(first);
    await("the first batch", Duration.ofSeconds(5), () -> handed.size() == 1);
    publish(second);
    await("the second, while the first settles", Duration.ofSeconds(5), () -> handed.size() == 2);
  }

  @Test
  void theNextBatchIsTakenWhileOneSettlesAndNoneIsAckedBeforeTheOnesBeforeIt() throws Exception {
    twoBatchesHanded("a", "b");
    publish("c");
    Thread.sleep(500);
    assertThat(handed).as("no third batch while two settle").hasSize(2);

    handed.get(1).settled().complete(null); // the second settles, the first not: nothing acked
    bounce();

    // What comes back may come split into batches ([a], [b], [c]); with two in flight the third is
    // only taken once one settles, so the batches handed after the bounce are settled here.
    await(
        "all three handed again",
        Duration.ofSeconds(15),
        () -> {
          handed.stream().skip(2).forEach(batch -> batch.settled().complete(null));
          return times.getOrDefault("a", 0) == 2
              && times.getOrDefault("b", 0) == 2
              && times.getOrDefault("c", 0) >= 1;
        });
    assertThat(said.get("a")).as("redelivered by the broker").containsExactly(false, true);
    assertThat(said.get("b")).containsExactly(false, true);
  }

  @Test
  void batchesSettledInOrderAreAckedAndNotHandedAgain() throws Exception {
    for (String text : List.of("x", "y", "z")) {
      publish(text);
      await("handed " + text, Duration.ofSeconds(5), () -> times.containsKey(text));
      handed.forEach(batch -> batch.settled().complete(null));
    }
    Thread.sleep(300);
    bounce();
    Thread.sleep(2000);

    assertThat(times).containsOnly(Map.entry("x", 1), Map.entry("y", 1), Map.entry("z", 1));
    assertThat(handed)
        .extracting(Handed::again)
        .as("each handed the first time")
        .containsOnly(false);
  }

  @Test
  void aBatchWhoseSettlingFailsComesBackWithTheOnesAfterIt() throws Exception {
    twoBatchesHanded("first", "second");

    handed.get(1).settled().complete(null);
    handed.get(0).settled().completeExceptionally(new IllegalStateException("no confirm"));

    await(
        "both handed again",
        Duration.ofSeconds(15),
        () -> {
          handed.stream().skip(2).forEach(batch -> batch.settled().complete(null));
          return times.getOrDefault("first", 0) == 2 && times.getOrDefault("second", 0) == 2;
        });
    assertThat(said.get("first")).containsExactly(false, true);
    assertThat(said.get("second")).containsExactly(false, true);
  }

  /** Drops the connection and waits until the consumer is back: what was not acked comes back. */
  @Test
  void aBatchThatFindsADependencyUnavailableIsHeldAndHandledBeforeTheOnesAfterIt()
      throws Exception {
    unavailableFor.set(3);
    publish("held");
    await("the first try", Duration.ofSeconds(5), () -> times.containsKey("held"));
    publish("later");

    await("both handed", Duration.ofSeconds(10), () -> handed.size() == 2);
    assertThat(handed.get(0).bodies()).containsExactly("held");
    assertThat(handed.get(1).bodies()).containsExactly("later");
    handed.forEach(batch -> batch.settled().complete(null));
    Thread.sleep(1500); // a retry queue's copy would be back after its 1 s
    assertThat(times).containsEntry("held", 4).containsEntry("later", 1);
    assertThat(said.get("held")).as("tried again").containsExactly(false, true, true, true);
    assertThat(said.get("later")).containsExactly(false);
  }

  @Test
  void aDeliveryThatFailedComesBackFromTheRetryQueueSaidToBeMaybeHandledBefore() {
    failingFor.set(1); // a batch of one goes to the retry queue at once
    publish("flaky");

    await("handed from the retry queue", Duration.ofSeconds(10), () -> handed.size() == 1);
    handed.forEach(batch -> batch.settled().complete(null));
    assertThat(said.get("flaky")).containsExactly(false, true);
  }

  private void bounce() throws Exception {
    rabbit.proxy.down();
    await("the loss noticed", Duration.ofSeconds(5), () -> !rabbit.isUp());
    rabbit.proxy.up();
    await("reconnected", Duration.ofSeconds(10), rabbit::isUp);
  }

  private void publish(String text) {
    rabbit.publisher.publish(fanout.exchange(), "", text, text.getBytes(StandardCharsets.UTF_8));
  }
}
