package io.chatapp.system.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.system.Stack;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A message answered 201 is always in the history afterwards, even with RabbitMQ stopped and
 * started in the middle of a burst of 500 sends from a dozen people. Sends during the outage must
 * answer 503 (never 201 for something lost, never 500). Needs {@code rabbitmqctl} on this machine;
 * RabbitMQ is always started again, whatever happens.
 */
class BrokerRestartIT {

  private static final int BURST = 500;

  /** Senders the burst is spread over: each stays under the 20 messages a second one may send. */
  private static final int SENDERS = 12;

  @Test
  void everyAcceptedMessageSurvivesABrokerRestart() throws Exception {
    assumeTrue(onPath("rabbitmqctl"), "rabbitmqctl is not installed here");
    ChatClient bob = ChatClient.newUser();
    ChatClient.Senders started = ChatClient.sendersTo(bob, SENDERS);
    List<ChatClient> senders = started.users();
    List<String> chats = started.chats();

    Map<String, Set<String>> accepted = new HashMap<>();
    List<Integer> refused = new ArrayList<>();
    CompletableFuture<Void> restart = null;
    try {
      for (int i = 0; i < BURST; i++) {
        if (i == BURST / 4) {
          restart = CompletableFuture.runAsync(BrokerRestartIT::restartBroker);
        }
        String chatId = chats.get(i % SENDERS);
        ChatClient.Response sent = senders.get(i % SENDERS).sendText(chatId, "burst " + i);
        if (sent.status() == 201) {
          accepted
              .computeIfAbsent(chatId, id -> new HashSet<>())
              .add(sent.json().getJsonObject("message").getString("_id"));
        } else {
          refused.add(sent.status());
        }
      }
      if (restart != null) {
        restart.get(2, TimeUnit.MINUTES);
      }
    } finally {
      rabbitmqctl("start_app");
      Stack.awaitPort(5672, Duration.ofSeconds(60), "RabbitMQ");
      Stack.awaitReady(Duration.ofSeconds(90));
    }
    assertThat(refused).as("refusals must be 503").allMatch(status -> status == 503);
    assertThat(accepted).isNotEmpty();

    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    for (var chat : accepted.entrySet()) {
      Set<String> wanted = new HashSet<>(chat.getValue());
      Set<String> stored = bob.messageIds(chat.getKey());
      while (!stored.containsAll(wanted) && System.nanoTime() < deadline) {
        Thread.sleep(500);
        stored = bob.messageIds(chat.getKey());
      }
      wanted.removeAll(stored);
      assertThat(wanted).as("accepted but not in the history").isEmpty();
    }
  }

  private static void restartBroker() {
    try {
      rabbitmqctl("stop_app");
      Thread.sleep(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      rabbitmqctl("start_app");
    }
  }

  private static void rabbitmqctl(String command) {
    try {
      Process process =
          new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (Exception e) {
      throw new IllegalStateException("rabbitmqctl " + command + " failed", e);
    }
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(dir, command).canExecute()) {
        return true;
      }
    }
    return false;
  }
}
