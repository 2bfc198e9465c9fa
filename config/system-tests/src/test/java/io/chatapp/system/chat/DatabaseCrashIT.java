package io.chatapp.system.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.system.Stack;
import io.chatapp.system.drills.StackProcess;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Drill: the embedded MongoDB-compatible server is killed with {@code kill -9} right after a burst
 * of sends, then started again on the same data folder. Every message answered 201 must be in the
 * history afterwards, once, whatever the database lost in the crash (messages are acknowledged to
 * the broker only once durably stored); sends meanwhile are refused with 503, never 500; sends
 * after the restart are stored; each chat's unread counter is exactly what its reader has not read.
 * Runs only against a stack whose database is the embedded one ({@code config/start}'s {@code
 * mongo} process); the server is always started again (by {@code config/start}), whatever happens.
 */
class DatabaseCrashIT {

  private static final int SENDERS = 12;
  private static final int BURST = 240;
  private static final Duration RECOVERY = Duration.ofSeconds(90);

  @Test
  void everyAcceptedMessageSurvivesACrashOfTheDatabase() throws Exception {
    Optional<StackProcess> database = StackProcess.of("mongo");
    assumeTrue(database.isPresent(), "the stack does not run the embedded database");

    ChatClient bob = ChatClient.newUser();
    ChatClient.Senders started = ChatClient.sendersTo(bob, SENDERS);
    List<ChatClient> senders = started.users();
    List<String> chats = started.chats();
    Map<String, Set<String>> accepted = new HashMap<>();
    send(senders, chats, BURST, "before", accepted, List.of(201));

    List<Integer> whileDown = new ArrayList<>();
    long restartedAt;
    try {
      database.get().kill();
      for (int i = 0; i < SENDERS; i++) {
        ChatClient.Response sent = senders.get(i).sendText(chats.get(i), "while down " + i);
        whileDown.add(sent.status());
        if (sent.status() == 201) {
          accepted.get(chats.get(i)).add(id(sent));
        }
      }
    } finally {
      restartedAt = System.nanoTime();
      StackProcess.startMissing(); // config/start, which starts it again on its data
    }
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
}
