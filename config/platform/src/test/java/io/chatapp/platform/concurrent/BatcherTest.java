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
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class BatcherTest {

  @Test
  void whatArrivesWhileABatchIsHandledGoesTogetherInOrderAndBounded() throws Exception {
    List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    HeldAtZero held =
        new HeldAtZero(
            4,
            batch -> {
              batches.add(List.copyOf(batch));
              if (batch.contains(0)) {
                throw new IllegalStateException("expected by the test");
              }
            });
    held.addZeroAndWait();
    for (int i = 1; i <= 6; i++) {
      held.batcher.add(i);
    }
    held.releaseAndFinish();
    assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3, 4), List.of(5, 6));
    List<Integer> all = new ArrayList<>();
    batches.forEach(all::addAll);
    assertThat(all).containsExactly(0, 1, 2, 3, 4, 5, 6);
  }

  @Test
  void flushedCompletesOnceWhatWasAddedBeforeItIsHandled() throws Exception {
    List<Integer> handled = new CopyOnWriteArrayList<>();
    HeldAtZero held = new HeldAtZero(2, handled::addAll);
    Batcher<Integer> batcher = held.batcher;
    assertThat(batcher.flushed()).as("nothing added yet").isCompleted();
    held.addZeroAndWait();
    CompletableFuture<Void> first = batcher.flushed(); // waits for 0, under way
    batcher.add(1);
    batcher.add(2);
    batcher.add(3);
    CompletableFuture<Void> all = batcher.flushed(); // waits for 0 to 3: two batches more
    assertThat(first).isNotDone();
    assertThat(all).isNotDone();
    held.releaseAndFinish();
    assertThat(first).isCompleted();
    assertThat(all).isCompleted();
    assertThat(handled).containsExactly(0, 1, 2, 3);
    assertThat(batcher.flushed()).as("all handled").isCompleted();
  }

  @Test
  void flushedFailsWhenABatchHoldingItsItemsFailed() throws Exception {
    HeldAtZero held =
        new HeldAtZero(
            1,
            batch -> {
              if (batch.contains(1)) {
                throw new IllegalStateException("expected by the test");
              }
            });
    Batcher<Integer> batcher = held.batcher;
    held.addZeroAndWait();
    CompletableFuture<Void> beforeTheFailure = batcher.flushed();
    batcher.add(1);
    CompletableFuture<Void> withTheFailure = batcher.flushed();
    batcher.add(2);
    CompletableFuture<Void> afterIt = batcher.flushed();
    held.releaseAndFinish();
    assertThat(beforeTheFailure).isCompleted();
    assertThat(withTheFailure).isCompletedExceptionally();
    assertThat(afterIt).as("a later wait still covers the failed batch").isCompletedExceptionally();
  }

  /**
   * A batcher on a thread of its own whose batch holding 0 waits, once under way, until released,
   * then goes on to {@code then} like every batch: what is added meanwhile queues up behind it.
   */
  private static final class HeldAtZero {

    final ExecutorService drainer = Executors.newSingleThreadExecutor();
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final Batcher<Integer> batcher;

    HeldAtZero(int maxBatch, Consumer<List<Integer>> then) {
      batcher =
          new Batcher<>(
              drainer,
              maxBatch,
              batch -> {
                if (batch.contains(0)) {
                  started.countDown();
                  await(release);
                }
                then.accept(batch);
              });
    }

    /** Adds 0 and waits until its batch is under way. */
    void addZeroAndWait() throws InterruptedException {
      batcher.add(0);
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    }

    /** Lets the batch of 0 go on and waits until everything added was handled. */
    void releaseAndFinish() throws InterruptedException {
      release.countDown();
      drainer.shutdown();
      assertThat(drainer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
