package io.chatapp.system.drills;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Drill 4: a chat-war instance killed with {@code kill -9} while people chat, then started again
 * (by {@code config/start}, once). Its sockets reconnect and their tabs catch up; nothing answered
 * 201 is lost or stored twice; while it comes back it answers 503 (or not at all), never 404 or
 * 500. With two instances the second one is killed, so the first keeps serving its people.
 */
class ChatInstanceCrashDrillIT {

  @Test
  void aKilledInstanceComesBackAndNothingAcceptedIsLost() throws Exception {
    String name = "2".equals(System.getenv("CHAT_INSTANCES")) ? "chat-war-2" : "chat-war";
    StackProcess instance =
        StackProcess.of(name).orElseThrow(() -> new AssertionError(name + " is not running"));
    Chatter.Tally tally;
    double boot;
    try (Chatter chatter = Chatter.start("chat-war-kill", 10, Duration.ofMillis(100))) {
      Thread.sleep(3000);
      long killed;
      try {
        instance.kill();
        killed = System.nanoTime();
        Thread.sleep(2000);
      } finally {
        StackProcess.startMissing();
      }
      Stack.awaitReady(Duration.ofSeconds(60));
      boot = Drills.since(killed);
      Thread.sleep(3000);
      tally = chatter.finish(Duration.ofSeconds(60));
    }
    Drills.report(tally.line(boot));
    Drills.assertHeld(tally);
    assertThat(tally.reconnects()).as("sockets that dropped with the instance").isPositive();
  }
}
