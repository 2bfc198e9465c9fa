package io.chatapp.system.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.system.Stack;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
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
    List<ChatClient> senders = new ArrayList<>();
    List<String> chats = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      ChatClient sender = ChatClient.newUser();
      senders.add(sender);
      chats.add(sender.startChat(bob).json().getString("chatId"));
    }

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
      awaitPort(5672, Duration.ofSeconds(60));
      Stack.awaitReady(Duration.ofSeconds(90));
    }
    assertThat(refused).as("refusals must be 503").allMatch(status -> status == 503);
    assertThat(accepted).isNotEmpty();

    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    for (var chat : accepted.entrySet()) {
      Set<String> wanted = new HashSet<>(chat.getValue());
      Set<String> stored = history(bob, chat.getKey());
      while (!stored.containsAll(wanted) && System.nanoTime() < deadline) {
        Thread.sleep(500);
        stored = history(bob, chat.getKey());
      }
      wanted.removeAll(stored);
      assertThat(wanted).as("accepted but not in the history").isEmpty();
    }
  }

  private static Set<String> history(ChatClient user, String chatId) throws Exception {
    Set<String> ids = new HashSet<>();
    String before = null;
    for (int page = 0; page < 20; page++) {
      ChatClient.Response response =
          user.get(
              "/message/" + chatId + "?limit=100" + (before == null ? "" : "&before=" + before));
      if (response.status() != 200) {
        return ids;
      }
      var messages = response.json().getJsonArray("messages");
      if (messages.isEmpty()) {
        break;
      }
      messages.forEach(m -> ids.add(((JsonObject) m).getString("_id")));
      before = messages.getJsonObject(0).getString("_id");
    }
    return ids;
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

  private static void awaitPort(int port, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("RabbitMQ did not come back on port " + port);
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
