package io.chatapp.system.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.system.Stack;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Drill 3: the embedded MongoDB-compatible server stopped (TERM) for 10 s while people chat, then
 * started again on the same data folder. Storage waits and retries; afterwards every accepted
 * message is in the history once, delivered, and counted unread exactly once. Runs only against a
 * stack whose database is the embedded one ({@code config/start}'s {@code mongo} process); it is
 * started again whatever happens.
 */
class DatabaseStopDrillIT {

  @Test
  void storageWaitsForTheDatabaseAndLosesNothing() throws Exception {
    Optional<StackProcess> database = StackProcess.of("mongo");
    assumeTrue(database.isPresent(), "the stack does not run the embedded database");
    Chatter.Tally tally;
    double recovered;
    try (Chatter chatter = Chatter.start("mongodb-stop", 10, Duration.ofMillis(100))) {
      Thread.sleep(3000);
      long back;
      try {
        database.get().stop();
        Thread.sleep(10_000);
      } finally {
        back = System.nanoTime();
        StackProcess.startMissing();
      }
      Stack.awaitReady(Drills.RECOVERY);
      recovered = Drills.since(back);
      Thread.sleep(3000);
      tally = chatter.finish(Duration.ofSeconds(60));
    }
    Drills.report(tally.line(recovered));
    Drills.assertHeld(tally);
    assertThat(recovered).as("seconds until every service is ready again").isLessThan(30);
  }
}
