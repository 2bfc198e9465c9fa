package io.chatapp.chat.realtime.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler the WebSocket container gets for its sessions' idle timers: a timer due at once (a
 * session without an idle timeout) runs on the caller's thread with no task queued; one due later
 * waits, runs on the scheduler's thread, and is gone from the queue when cancelled.
 */
class SessionTimersTest {

  private final SessionTimers.DueNowInline timers =
      new SessionTimers.DueNowInline(Executors.defaultThreadFactory());

  @AfterEach
  void stop() {
    timers.shutdownNow();
  }

  @Test
  void aTimerDueAtOnceRunsOnTheCallersThreadAndIsDone() throws Exception {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    ScheduledFuture<?> timer =
        timers.schedule(() -> ranOn.set(Thread.currentThread()), 0, TimeUnit.MILLISECONDS);

    assertThat(ranOn.get()).isSameAs(Thread.currentThread());
    assertThat(timer.isDone()).isTrue();
    assertThat(timer.get()).isNull();
    assertThat(timer.cancel(true)).as("nothing left to cancel").isFalse();
    assertThat(timers.getQueue()).as("no task queued").isEmpty();
  }

  @Test
  void aTimerDueAtOnceThatFailsIsDoneWithItsFailure() {
    ScheduledFuture<?> timer =
        timers.schedule(
            (Runnable)
                () -> {
                  throw new IllegalStateException("broken");
                },
            -5,
            TimeUnit.SECONDS);

    assertThat(timer.isDone()).isTrue();
    assertThatThrownBy(timer::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void aCallableDueAtOnceRunsOnTheCallersThreadToo() throws Exception {
    ScheduledFuture<Thread> timer = timers.schedule(Thread::currentThread, 0, TimeUnit.SECONDS);
    assertThat(timer.get()).isSameAs(Thread.currentThread());
    assertThat(timers.getQueue()).isEmpty();
  }

  @Test
  void aTimerDueLaterWaitsOnTheSchedulersThreadAndLeavesTheQueueWhenCancelled() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    timers.schedule(
        () -> {
          ranOn.set(Thread.currentThread());
          ran.countDown();
        },
        20,
        TimeUnit.MILLISECONDS);
    assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());

    ScheduledFuture<?> idle = timers.schedule(() -> {}, 1, TimeUnit.HOURS);
    assertThat(timers.getQueue()).hasSize(1);
    assertThat(idle.cancel(true)).isTrue();
    assertThat(timers.getQueue()).isEmpty();
  }
}
