package io.chatapp.chat.common.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

  @Test
  void eachKeepsItsOrderAndRunsOneTaskAtATimeOnSharedThreads() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<SerialExecutor> serials = new ArrayList<>();
      List<List<Integer>> seen = new ArrayList<>();
      List<AtomicInteger> running = new ArrayList<>();
      AtomicInteger overlaps = new AtomicInteger();
      for (int s = 0; s < 20; s++) {
        serials.add(new SerialExecutor(threads));
        seen.add(new ArrayList<>());
        running.add(new AtomicInteger());
      }
      CountDownLatch done = new CountDownLatch(20 * 1000);
      for (int i = 0; i < 1000; i++) {
        for (int s = 0; s < 20; s++) {
          int task = i;
          int serial = s;
          serials
              .get(s)
              .execute(
                  () -> {
                    if (running.get(serial).incrementAndGet() > 1) {
                      overlaps.incrementAndGet();
                    }
                    seen.get(serial).add(task);
                    running.get(serial).decrementAndGet();
                    done.countDown();
                  });
        }
      }
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(overlaps).hasValue(0);
      for (List<Integer> order : seen) {
        assertThat(order).isSorted().hasSize(1000);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aFailingTaskDoesNotStopTheNextOnes() throws Exception {
    ExecutorService threads = Executors.newSingleThreadExecutor();
    try {
      SerialExecutor serial = new SerialExecutor(threads);
      CountDownLatch after = new CountDownLatch(1);
      serial.execute(
          () -> {
            throw new IllegalStateException("expected by the test");
          });
      serial.execute(after::countDown);
      assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      threads.shutdownNow();
    }
  }
}
