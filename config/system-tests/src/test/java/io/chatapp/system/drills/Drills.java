package io.chatapp.system.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What every fault drill shares: its one line of figures (printed, and kept in {@code
 * target/drills.txt} for {@code config/test} to show at the end), the checks that fail it, and the
 * shared services it stops and always starts again.
 */
public final class Drills {

  /** A dependency that came back must be used again by every service within this time. */
  public static final Duration RECOVERY = Duration.ofSeconds(30);

  private Drills() {}

  /** Prints the drill's line and keeps it for the end of the test run. */
  public static void report(String line) throws IOException {
    System.out.println(line);
    Path file = Path.of("target/drills.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /**
   * Fails the drill on a message lost, stored twice or never delivered, a wrong unread counter, a
   * send given up, or any answer but 201, 429, 503 or no connection at all.
   */
  public static void assertHeld(Chatter.Tally tally) {
    assertThat(tally.accepted()).as("messages accepted during the drill").isPositive();
    assertThat(tally.unexpected()).as("answers other than 201, 429 or 503").isEmpty();
    assertThat(tally.lost()).as("accepted but not in the history").isZero();
    assertThat(tally.duplicated()).as("stored more than once").isZero();
    assertThat(tally.stored() - tally.delivered())
        .as("stored but neither delivered nor caught up")
        .isZero();
    assertThat(tally.wrongCounters())
        .as("unread counters that are not the number of unread")
        .isEmpty();
    assertThat(tally.givenUp()).as("sends retried for 90 s without an answer").isZero();
  }

  /** Whether the command is installed here. */
  public static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(dir, command).canExecute()) {
        return true;
      }
    }
    return false;
  }

  /** Runs a command of this machine's administration (rabbitmqctl, redis-cli), up to 60 s. */
  public static String run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", command) + " could not run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Seconds since a {@link System#nanoTime()} reading. */
  public static double since(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }
}
