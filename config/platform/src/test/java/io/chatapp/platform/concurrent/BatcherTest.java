package io.chatapp.platform.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatcherTest {

  @Test
  void whatArrivesWhileABatchIsHandledGoesTogetherInOrderAndBounded() throws Exception {
    ExecutorService drainer = Executors.newSingleThreadExecutor();
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    Batcher<Integer> batcher =
        new Batcher<>(
            drainer,
            4,
            batch -> {
              batches.add(List.copyOf(batch));
              if (batch.contains(0)) {
                firstStarted.countDown();
                await(release);
                throw new IllegalStateException("expected by the test");
              }
            });
    batcher.add(0);
    assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
    for (int i = 1; i <= 6; i++) {
      batcher.add(i);
    }
    release.countDown();
    drainer.shutdown();
    assertThat(drainer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3, 4), List.of(5, 6));
    List<Integer> all = new ArrayList<>();
    batches.forEach(all::addAll);
    assertThat(all).containsExactly(0, 1, 2, 3, 4, 5, 6);
  }

  @Test
  void flushedCompletesOnceWhatWasAddedBeforeItIsHandled() throws Exception {
    ExecutorService drainer = Executors.newSingleThreadExecutor();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> handled = new CopyOnWriteArrayList<>();
    Batcher<Integer> batcher =
        new Batcher<>(
            drainer,
            2,
            batch -> {
              if (batch.contains(0)) {
                started.countDown();
                await(release);
              }
              handled.addAll(batch);
            });
    assertThat(batcher.flushed()).as("nothing added yet").isCompleted();
    batcher.add(0);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> first = batcher.flushed(); // waits for 0, under way
    batcher.add(1);
    batcher.add(2);
    batcher.add(3);
    CompletableFuture<Void> all = batcher.flushed(); // waits for 0 to 3: two batches more
    assertThat(first).isNotDone();
    assertThat(all).isNotDone();
    release.countDown();
    all.get(5, TimeUnit.SECONDS);
    assertThat(first).isCompleted();
    assertThat(handled).containsExactly(0, 1, 2, 3);
    assertThat(batcher.flushed()).as("all handled").isCompleted();
    drainer.shutdown();
  }

  @Test
  void flushedFailsWhenABatchHoldingItsItemsFailed() throws Exception {
    ExecutorService drainer = Executors.newSingleThreadExecutor();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Batcher<Integer> batcher =
        new Batcher<>(
            drainer,
            1,
            batch -> {
              if (batch.contains(0)) {
                started.countDown();
                await(release);
              }
              if (batch.contains(1)) {
                throw new IllegalStateException("expected by the test");
              }
            });
    batcher.add(0);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> beforeTheFailure = batcher.flushed();
    batcher.add(1);
    CompletableFuture<Void> withTheFailure = batcher.flushed();
    batcher.add(2);
    CompletableFuture<Void> afterIt = batcher.flushed();
    release.countDown();
    drainer.shutdown();
    assertThat(drainer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    assertThat(beforeTheFailure).isCompleted();
    assertThat(withTheFailure).isCompletedExceptionally();
    assertThat(afterIt).as("a later wait still covers the failed batch").isCompletedExceptionally();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
