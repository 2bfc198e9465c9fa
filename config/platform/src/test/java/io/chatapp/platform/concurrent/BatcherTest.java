package io.chatapp.platform.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
