package io.chatapp.platform.amqp;

import static io.chatapp.platform.amqp.ProxiedBroker.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.platform.errors.DependencyUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit to the machine's real RabbitMQ, reached through a TCP proxy the test cuts: documents
 * published at once from many threads arrive exactly once, in fewer broker messages than documents;
 * a publish while the broker is away is a 503, and publishing works again once it is back (no batch
 * is left counted as in flight); a JFR recording sees each batch published and settled. Exchange
 * and queue are named for this run only and deleted after.
 */
class BatchingPublisherIT {

  static final Pattern ID = Pattern.compile("\\{\"id\":\"([^\"]+)\"}");

  final String prefix = "modtests.batching." + UUID.randomUUID();
  final WorkQueue queue = new WorkQueue(prefix + ".q", List.of(Duration.ofSeconds(1)));
  final Fanout fanout = new Fanout(prefix + ".x", List.of(queue));
  final Map<String, Integer> arrived = new ConcurrentHashMap<>();
  final AtomicInteger brokerMessages = new AtomicInteger();

  ProxiedBroker rabbit;
  ScheduledExecutorService sender;
  BatchingPublisher batching;

  @BeforeEach
  void connect() throws Exception {
    rabbit = new ProxiedBroker(fanout, Duration.ofSeconds(2));
    sender = Executors.newSingleThreadScheduledExecutor();
    batching =
        new BatchingPublisher(rabbit.publisher, fanout.exchange(), sender, Duration.ofMillis(5));
    rabbit.consumers.subscribeBatches(queue, 50, 1, bodies -> bodies.forEach(this::count));
    rabbit.start();
  }

  @AfterEach
  void removeEverything() throws Exception {
    sender.shutdownNow();
    rabbit.close();
  }

  @Test
  void documentsPublishedAtOnceArriveExactlyOnceInFewerBrokerMessages() throws Exception {
    int threads = 40;
    int each = 25;
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(
          callers.submit(
              () -> {
                go.await();
                for (int i = 0; i < each; i++) {
                  publish("t" + thread + "-" + i);
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> future : done) {
      future.get(30, TimeUnit.SECONDS);
    }
    callers.shutdown();

    int documents = threads * each;
    await("every document", Duration.ofSeconds(15), () -> arrived.size() == documents);
    assertThat(arrived.values()).as("each exactly once").allMatch(times -> times == 1);
    System.out.printf(
        "%d documents from %d threads in %d broker messages%n",
        documents, threads, brokerMessages.get());
    assertThat(brokerMessages.get()).as("batched").isLessThan(documents);
  }

  @Test
  void documentsFartherApartThanTheRestOfThePaceDoNotWaitForIt() throws Exception {
    BatchingPublisher paced =
        new BatchingPublisher(rabbit.publisher, fanout.exchange(), sender, Duration.ofMillis(1000));
    int before = brokerMessages.get();
    long slowest = 0;
    for (int i = 0; i < 8; i++) { // one every 700 ms: the 300 ms left of a 1 s pace gather none
      String id = "sparse-" + i;
      long began = System.nanoTime();
      paced.publish(id, ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
      slowest = Math.max(slowest, (System.nanoTime() - began) / 1_000_000);
      Thread.sleep(700);
    }
    await("the sparse ones", Duration.ofSeconds(5), () -> arrived.size() == 8);

    assertThat(slowest).as("the longest a document waited, in ms").isLessThan(200);
    assertThat(brokerMessages.get() - before).as("one broker message each").isEqualTo(8);
  }

  @Test
  void aDocumentAfterAQuietSpellGoesAtOnceAndAStreamOfThemGoesOncePerPace() throws Exception {
    BatchingPublisher paced =
        new BatchingPublisher(rabbit.publisher, fanout.exchange(), sender, Duration.ofMillis(300));
    long began = System.nanoTime();
    paced.publish("alone", "{\"id\":\"alone\"}".getBytes(StandardCharsets.UTF_8));
    long aloneMillis = (System.nanoTime() - began) / 1_000_000;
    await("the lone one", Duration.ofSeconds(5), () -> arrived.containsKey("alone"));
    int before = brokerMessages.get();

    ExecutorService callers = Executors.newFixedThreadPool(10);
    List<Future<?>> done = new ArrayList<>();
    long streamBegan = System.nanoTime();
    for (int i = 0; i < 100; i++) { // 100 documents over about a second
      String id = "stream-" + i;
      done.add(
          callers.submit(
              () ->
                  paced.publish(id, ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8))));
      Thread.sleep(10);
    }
    for (Future<?> future : done) {
      future.get(30, TimeUnit.SECONDS);
    }
    long streamMillis = (System.nanoTime() - streamBegan) / 1_000_000;
    callers.shutdown();
    await("the stream", Duration.ofSeconds(10), () -> arrived.size() == 101);

    assertThat(aloneMillis).as("the lone document waited for no pace").isLessThan(250);
    assertThat(brokerMessages.get() - before)
        .as("broker messages for 100 documents over %d ms at a pace of 300 ms", streamMillis)
        .isBetween(2, (int) (streamMillis / 300) + 2);
    assertThat(arrived.values()).as("each exactly once").allMatch(times -> times == 1);
  }

  @Test
  void aPublishWhileTheBrokerIsAwayIsRefusedAndPublishingResumesAfter() throws Exception {
    publish("before");
    rabbit.proxy.down();
    await("the loss noticed", Duration.ofSeconds(5), () -> !rabbit.isUp());

    for (int i = 0; i < 3; i++) { // more than the batches in flight: none may stay counted
      int attempt = i;
      assertThatThrownBy(() -> publish("during-" + attempt))
          .as("publish %d while the broker is away, connected: %s", attempt, rabbit.isUp())
          .isInstanceOf(DependencyUnavailableException.class);
    }

    rabbit.proxy.up();
    await("reconnected", Duration.ofSeconds(10), rabbit::isUp);
    for (int i = 0; i < 5; i++) {
      publish("after-" + i);
    }
    await(
        "the confirmed ones",
        Duration.ofSeconds(10),
        () -> arrived.keySet().containsAll(List.of("before", "after-0", "after-4")));
    assertThat(arrived).doesNotContainKeys("during-0", "during-1", "during-2");
  }

  @Test
  void aRecordingSeesEachBatchPublishedAndSettled() throws Exception {
    List<RecordedEvent> events;
    try (Recording recording = new Recording()) {
      recording.enable("io.chatapp.BatchPublished");
      recording.enable("io.chatapp.BatchSettled");
      recording.start();
      for (int i = 0; i < 5; i++) {
        publish("recorded-" + i);
      }
      await("every document", Duration.ofSeconds(15), () -> arrived.size() == 5);
      await("the last batch settled", Duration.ofSeconds(5), () -> settledCount(recording) > 0);
      recording.stop();
      events = read(recording);
    }
    List<RecordedEvent> published =
        events.stream().filter(e -> e.getEventType().getName().endsWith("Published")).toList();
    assertThat(published).as("one event a confirmed batch").isNotEmpty();
    assertThat(published.stream().mapToInt(e -> e.getInt("documents")).sum()).isEqualTo(5);
    assertThat(published)
        .allSatisfy(e -> assertThat(e.getString("exchange")).isEqualTo(fanout.exchange()))
        .allSatisfy(e -> assertThat(e.getBoolean("failed")).isFalse());
    List<RecordedEvent> settled =
        events.stream().filter(e -> e.getEventType().getName().endsWith("Settled")).toList();
    assertThat(settled)
        .allSatisfy(e -> assertThat(e.getString("queue")).isEqualTo(queue.name()))
        .allSatisfy(e -> assertThat(e.getDuration()).isPositive())
        .allSatisfy(e -> assertThat(e.getLong("oldestWaited")).isNotNegative());
    assertThat(settled.stream().mapToInt(e -> e.getInt("deliveries")).sum())
        .as("every broker message settled once")
        .isEqualTo(brokerMessages.get());
  }

  private static long settledCount(Recording recording) {
    return read(recording).stream()
        .filter(e -> e.getEventType().getName().endsWith("Settled"))
        .mapToInt(e -> e.getInt("deliveries"))
        .sum();
  }

  private static List<RecordedEvent> read(Recording recording) {
    try {
      Path file = Files.createTempFile("batches", ".jfr");
      try {
        recording.dump(file);
        return RecordingFile.readAllEvents(file);
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void publish(String id) {
    batching.publish(id, ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private void count(byte[] body) {
    brokerMessages.incrementAndGet();
    String array = new String(body, StandardCharsets.UTF_8);
    assertThat(array).startsWith("[").endsWith("]");
    Matcher id = ID.matcher(array);
    while (id.find()) {
      arrived.merge(id.group(1), 1, Integer::sum);
    }
  }
}
