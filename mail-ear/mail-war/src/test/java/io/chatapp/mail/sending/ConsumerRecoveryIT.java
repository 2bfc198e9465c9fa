package io.chatapp.mail.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumer comes back by itself when its channel dies while the connection stays up: after an
 * error escaping the handler, and after its queue was deleted under it.
 */
class ConsumerRecoveryIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final AtomicBoolean crashNext = new AtomicBoolean();
  private static MailRig rig;

  @BeforeAll
  static void start() {
    rig =
        new MailRig(
            List.of(Duration.ofMillis(200)),
            5,
            real ->
                (body, messageId) -> {
                  if (crashNext.compareAndSet(true, false)) {
                    throw new LinkageError("simulated failure outside the handler's contract");
                  }
                  real.handle(body, messageId);
                });
  }

  @AfterAll
  static void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void aConsumerWhoseChannelDiedIsResumedAndTheMessageDelivered() {
    String to = unique("erin");
    crashNext.set(true);
    String id = rig.publish(to, "Your login code", "Code 24681357");

    MailRig.await(WAIT, () -> rig.received(to).size() == 1, "the mail after the resume");
    assertThat(rig.calls.get(id)).hasSize(2);
    rig.awaitIdle(WAIT);
    assertThat(rig.received(to)).hasSize(1);
  }

  @Test
  void aQueueDeletedUnderTheConsumerIsDeclaredAgainAndConsumed() throws Exception {
    MailRig.await(WAIT, () -> rig.consumers() == 1, "the consumer");
    rig.deleteQueue();
    MailRig.await(WAIT, () -> rig.consumers() == 1, "the queue declared and consumed again");

    String to = unique("frank");
    rig.publishRaw(
        ("{\"to\":\"" + to + "\",\"subject\":\"Your login code\",\"body\":\"Code 13572468\"}")
            .getBytes(StandardCharsets.UTF_8));
    MailRig.await(WAIT, () -> rig.received(to).size() == 1, "the mail");
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }
}
