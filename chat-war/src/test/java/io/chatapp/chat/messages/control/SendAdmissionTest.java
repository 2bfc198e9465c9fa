package io.chatapp.chat.messages.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.rest.RefusalMapper;
import io.chatapp.testsupport.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Admission control: refusals are quick 503s with Retry-After, and places come back. */
class SendAdmissionTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final AtomicLong backlog = new AtomicLong();

  /** The pipeline as admission sees it: only its backlog matters here. */
  private final MessagePipeline pipeline =
      new MessagePipeline() {
        @Override
        public void accept(Message message, UserId recipient) {}

        @Override
        public OptionalLong backlog() {
          long value = backlog.get();
          return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
        }
      };

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void sendsBeyondTheInFlightBoundAreRefusedUntilAPlaceIsFree() {
    SendAdmission admission =
        new SendAdmission(pipeline, 2, 1000, Duration.ofSeconds(2), scheduler);
    admission.start();
    SendAdmission.Permit first = admission.admit();
    SendAdmission.Permit second = admission.admit();
    assertThatThrownBy(admission::admit)
        .isInstanceOfSatisfying(
            Refusal.class,
            e -> {
              assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(503);
              assertThat(RefusalMapper.response(e).getHeaderString("Retry-After")).isEqualTo("1");
            });
    first.close();
    admission.admit().close();
    second.close();
  }

  @Test
  void aBacklogOverTheBoundRefusesUntilItDrains() {
    SendAdmission admission =
        new SendAdmission(pipeline, 10, 100, Duration.ofSeconds(2), scheduler);
    admission.start();
    admission.admit().close();
    backlog.set(101);
    Poll.until(Duration.ofSeconds(5), "the backlog noticed", () -> refused(admission));
    backlog.set(50);
    Poll.until(Duration.ofSeconds(5), "the drain noticed", () -> !refused(admission));
    backlog.set(-1); // the broker cannot be asked: a send then fails on its own, not here
    Poll.until(Duration.ofSeconds(5), "unknown backlog admits", () -> !refused(admission));
  }

  @Test
  void deliveriesLaterThanTheBoundRefuseUntilTheyAreOnTimeAgain() {
    SendAdmission admission =
        new SendAdmission(pipeline, 10, 1000, Duration.ofSeconds(2), scheduler);
    admission.start();
    admission.delivering(Instant.now().minusSeconds(5));
    Poll.until(Duration.ofSeconds(5), "the delay noticed", () -> refused(admission));
    admission.delivering(Instant.now().minusMillis(100));
    Poll.until(Duration.ofSeconds(5), "on time again", () -> !refused(admission));
  }

  @Test
  void aDeliveryLaterThanTheBoundRefusesAtOnceNotAtTheNextCheck() throws Exception {
    CountDownLatch checksHeld = new CountDownLatch(1);
    scheduler.execute(() -> awaitQuietly(checksHeld)); // the periodic check waits behind this
    SendAdmission admission =
        new SendAdmission(pipeline, 10, 1000, Duration.ofSeconds(2), scheduler);
    admission.start();
    admission.admit().close();

    admission.delivering(Instant.now().minusSeconds(5));

    assertThat(refused(admission)).isTrue();
    checksHeld.countDown();
    admission.delivering(Instant.now().minusMillis(100));
    Poll.until(Duration.ofSeconds(5), "on time again", () -> !refused(admission));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean refused(SendAdmission admission) {
    try {
      admission.admit().close();
      return false;
    } catch (Refusal e) {
      return RefusalMapper.response(e).getStatus() == 503;
    }
  }
}
