package io.chatapp.system.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.system.Stack;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Drill 1: RabbitMQ stopped for 10 s while people chat, then started. Sends meanwhile are refused
 * with 503 (never a 201 for a message then lost), every service reconnects by itself, and every
 * message answered 201 is stored once and delivered. RabbitMQ is a service of this machine that
 * others use too: it is started again whatever happens.
 */
class BrokerRestartDrillIT {

  @Test
  void everyAcceptedMessageSurvivesABrokerRestart() throws Exception {
    assumeTrue(Drills.onPath("rabbitmqctl"), "rabbitmqctl is not installed here");
    Drills.run("rabbitmqctl", "status");
    Chatter.Tally tally;
    double recovered;
    try (Chatter chatter = Chatter.start("rabbitmq-restart", 10, Duration.ofMillis(100))) {
      Thread.sleep(3000);
      long back;
      try {
        Drills.run("rabbitmqctl", "stop_app");
        Thread.sleep(10_000);
      } finally {
        Drills.run("rabbitmqctl", "start_app");
        back = System.nanoTime();
      }
      Stack.awaitPort(5672, Duration.ofSeconds(60), "RabbitMQ");
      Stack.awaitReady(Drills.RECOVERY);
      recovered = Drills.since(back);
      Thread.sleep(3000);
      tally = chatter.finish(Duration.ofSeconds(60));
    } finally {
      Drills.run("rabbitmqctl", "start_app"); // a no-op when it runs
    }
    Drills.report(tally.line(recovered));
    Drills.assertHeld(tally);
    assertThat(tally.answers()).as("sends refused while the broker was down").containsKey(503);
  }
}
