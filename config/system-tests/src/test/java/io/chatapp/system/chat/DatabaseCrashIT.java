package io.chatapp.system.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.system.Stack;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Drill: the embedded MongoDB-compatible server is killed with {@code kill -9} right after a burst
 * of sends, then started again on the same data folder. Every message answered 201 must be in the
 * history afterwards, once, whatever the database lost in the crash (messages are acknowledged to
 * the broker only once durably stored); sends meanwhile are refused with 503, never 500; sends
 * after the restart are stored; each chat's unread counter is exactly what its reader has not read.
 * Runs only against a stack whose database is the embedded one ({@code config/start}'s {@code
 * mongo} process); the server is always started again, whatever happens.
 */
class DatabaseCrashIT {

  private static final int SENDERS = 12;
  private static final int BURST = 240;
  private static final Duration RECOVERY = Duration.ofSeconds(90);

  @Test
  void everyAcceptedMessageSurvivesACrashOfTheDatabase() throws Exception {
    Path pidFile = Stack.dataDir().resolve("run/mongo.pid");
    assumeTrue(Files.exists(pidFile), "the stack does not run the embedded database");
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    List<String> command = commandLine(pid);
    Path workDir = Path.of("/proc/" + pid + "/cwd").toRealPath();
    int port = Integer.parseInt(command.get(command.indexOf("--port") + 1));

    ChatClient bob = ChatClient.newUser();
    ChatClient.Senders started = ChatClient.sendersTo(bob, SENDERS);
    List<ChatClient> senders = started.users();
    List<String> chats = started.chats();
    Map<String, Set<String>> accepted = new HashMap<>();
    send(senders, chats, BURST, "before", accepted, List.of(201));

    List<Integer> whileDown = new ArrayList<>();
    long restartedAt;
    try {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // kill -9
      ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
      for (int i = 0; i < SENDERS; i++) {
        ChatClient.Response sent = senders.get(i).sendText(chats.get(i), "while down " + i);
        whileDown.add(sent.status());
        if (sent.status() == 201) {
          accepted.get(chats.get(i)).add(id(sent));
        }
      }
    } finally {
      restartedAt = System.nanoTime();
      restart(command, workDir, pidFile);
    }
    Stack.awaitPort(port, Duration.ofSeconds(60), "The embedded database");
    Stack.awaitReady(RECOVERY);
    double recovered = (System.nanoTime() - restartedAt) / 1e9;
    assertThat(whileDown)
        .as("sends while the database is down")
        .allMatch(s -> s == 201 || s == 503);

    send(senders, chats, 2 * SENDERS, "after", accepted, List.of(201));

    int lost = 0;
    int duplicated = 0;
    for (int s = 0; s < SENDERS; s++) {
      String chat = chats.get(s);
      Set<String> wanted = accepted.get(chat);
      List<String> stored = awaitHistory(senders.get(s), chat, wanted);
      duplicated += stored.size() - new HashSet<>(stored).size();
      Set<String> missing = new HashSet<>(wanted);
      missing.removeAll(stored);
      lost += missing.size();
    }
    Map<String, Integer> unread = unreadByChat(bob);
    int wrongCounters = 0;
    for (String chat : chats) {
      if (unread.getOrDefault(chat, -1) != accepted.get(chat).size()) {
        wrongCounters++;
      }
    }
    int total = accepted.values().stream().mapToInt(Set::size).sum();
    io.chatapp.system.drills.Drills.report(
        String.format(
            "drill database-crash: accepted %d, stored %d, lost %d, duplicated %d, wrong unread"
                + " counters %d of %d, sends while down %s, every service ready %.1f s after the restart%n",
            total, total - lost, lost, duplicated, wrongCounters, SENDERS, whileDown, recovered));
    assertThat(lost).as("accepted but not in the history").isZero();
    assertThat(duplicated).as("stored twice").isZero();
    assertThat(wrongCounters).as("unread counters that are not the number of unread").isZero();
  }

  private static void send(
      List<ChatClient> senders,
      List<String> chats,
      int count,
      String label,
      Map<String, Set<String>> accepted,
      List<Integer> allowed)
      throws Exception {
    for (int i = 0; i < count; i++) {
      int s = i % SENDERS;
      ChatClient.Response sent = senders.get(s).sendText(chats.get(s), label + " " + i);
      assertThat(sent.status()).as("send %s %d: %s", label, i, sent.body()).isIn(allowed);
      accepted.computeIfAbsent(chats.get(s), id -> new HashSet<>()).add(id(sent));
      if (s == SENDERS - 1) {
        Thread.sleep(50); // each sender stays under the per-user send rate
      }
    }
  }

  /** The history as its sender reads it (which leaves the reader's unread counter alone). */
  private static List<String> awaitHistory(ChatClient sender, String chat, Set<String> wanted)
      throws Exception {
    long deadline = System.nanoTime() + RECOVERY.toNanos();
    List<String> stored = history(sender, chat);
    while (!stored.containsAll(wanted) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      stored = history(sender, chat);
    }
    return stored;
  }

  private static List<String> history(ChatClient member, String chat) throws Exception {
    ChatClient.Response page = member.get("/message/" + chat + "?limit=100");
    List<String> ids = new ArrayList<>();
    if (page.status() == 200) {
      page.json().getJsonArray("messages").forEach(m -> ids.add(((JsonObject) m).getString("_id")));
    }
    return ids;
  }

  private static Map<String, Integer> unreadByChat(ChatClient reader) throws Exception {
    Map<String, Integer> unread = new HashMap<>();
    reader
        .get("/chat/all")
        .json()
        .getJsonArray("chats")
        .forEach(
            entry -> {
              JsonObject chat = ((JsonObject) entry).getJsonObject("chat");
              unread.put(chat.getString("_id"), chat.getInt("unseenCount"));
            });
    return unread;
  }

  private static String id(ChatClient.Response sent) {
    return sent.json().getJsonObject("message").getString("_id");
  }

  private static List<String> commandLine(long pid) throws IOException {
    String raw =
        new String(
            Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
    return new ArrayList<>(Arrays.asList(raw.split("\0")));
  }

  /**
   * Starts the database again as {@code config/start} did (own session, same command, same data,
   * its log appended), and records its pid where {@code config/stop} looks for it.
   */
  private static void restart(List<String> command, Path workDir, Path pidFile) throws Exception {
    List<String> detached = new ArrayList<>(List.of("setsid"));
    detached.addAll(command);
    Path log = Stack.dataDir().resolve("logs/mongo.log");
    Process process =
        new ProcessBuilder(detached)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    Files.writeString(pidFile, process.pid() + "\n");
    assertThat(process.waitFor(1, TimeUnit.SECONDS)).as("the database exited at once").isFalse();
  }
}
