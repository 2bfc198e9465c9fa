package io.chatapp.mail.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * RabbitMQ restarted ({@code rabbitmqctl stop_app}, {@code start_app}) in the middle of a burst of
 * 200 mails: all arrive, none twice. The handler holds on to the 30th mail, already sent, until the
 * broker is down, so at least one acknowledgement is certainly lost and its message redelivered. It
 * briefly disturbs every other client of the local broker; it runs in every full build.
 */
class BrokerRestartIT {

  private static final Logger LOG = Logger.getLogger(BrokerRestartIT.class.getName());
  private static final int MAILS = 200;
  private static final int HOLD_AT = 30;

  @Test
  void aBurstSurvivesABrokerRestartWithEveryMailExactlyOnce() throws Exception {
    URI broker = URI.create(MailRig.rabbitUrl());
    String rabbitmqctl = rabbitmqctl();
    assumeTrue(
        rabbitmqctl != null && isLocal(broker.getHost()),
        "needs rabbitmqctl and a local broker to restart");

    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch released = new CountDownLatch(1);
    AtomicInteger handled = new AtomicInteger();
    try (MailRig rig =
        new MailRig(
            List.of(Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1)),
            5,
            real ->
                (body, messageId) -> {
                  real.handle(body, messageId);
                  if (handled.incrementAndGet() == HOLD_AT) {
                    held.countDown();
                    released.await(90, TimeUnit.SECONDS);
                  }
                })) {
      for (int i = 0; i < MAILS; i++) {
        rig.publish("burst-" + i + "@example.com", "Your login code", "Code " + (10_000_000 + i));
      }
      assertThat(held.await(60, TimeUnit.SECONDS)).as("the 30th mail was sent").isTrue();

      int port = broker.getPort() < 0 ? 5672 : broker.getPort();
      try {
        run(rabbitmqctl, "stop_app");
        MailRig.await(Duration.ofSeconds(30), () -> !rig.connected(), "not ready");
        LOG.info(() -> "Broker stopped with " + rig.received(null).size() + " mails received");
      } finally {
        released.countDown();
        startAgain(rabbitmqctl, broker.getHost(), port);
      }
      MailRig.await(Duration.ofSeconds(30), rig::connected, "ready again after the restart");

      MailRig.await(
          Duration.ofSeconds(90),
          () -> rig.received(null).stream().map(TestSmtp::recipient).distinct().count() == MAILS,
          "all " + MAILS + " mails");
      rig.awaitIdle(Duration.ofSeconds(30));

      List<String> recipients = rig.received(null).stream().map(TestSmtp::recipient).toList();
      assertThat(recipients).hasSize(MAILS).doesNotHaveDuplicates();
      assertThat(rig.calls.values().stream().filter(calls -> calls.size() > 1).count())
          .as("redeliveries after the lost acknowledgements")
          .isPositive();
      assertThat(rig.count(rig.queue.deadLetterQueue())).isZero();
    }
  }

  /** start_app, retried, then waits until the AMQP port answers. */
  private static void startAgain(String rabbitmqctl, String host, int port) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        run(rabbitmqctl, "start_app");
        break;
      } catch (IOException | AssertionError e) {
        if (attempt == 3) {
          throw e;
        }
        Thread.sleep(2000);
      }
    }
    MailRig.await(Duration.ofSeconds(60), () -> answers(host, port), "port " + port);
  }

  private static void run(String rabbitmqctl, String command) throws Exception {
    Process process =
        new ProcessBuilder(rabbitmqctl, command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("rabbitmqctl " + command + " did not finish in 90 s");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("rabbitmqctl " + command + " exited with " + process.exitValue());
    }
  }

  private static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String rabbitmqctl() {
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin";
    for (String folder : path.split(File.pathSeparator)) {
      File candidate = new File(folder, "rabbitmqctl");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    return null;
  }

  private static boolean isLocal(String host) {
    return host == null
        || host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]");
  }
}
