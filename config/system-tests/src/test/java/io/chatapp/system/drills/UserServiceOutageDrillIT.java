package io.chatapp.system.drills;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.chat.ChatClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Drill 7: user-war down while people already logged in chat. chat-war keeps delivering between
 * them, and its chat list shows what it knows of each user (or a placeholder), never a 500.
 * user-war is started again whatever happens.
 */
class UserServiceOutageDrillIT {

  @Test
  void chatGoesOnWhileTheUserServiceIsDown() throws Exception {
    StackProcess users =
        StackProcess.of("user-war")
            .orElseThrow(() -> new AssertionError("user-war is not running"));
    Chatter.Tally tally;
    Map<Integer, Integer> chatLists = new HashMap<>();
    java.util.Set<String> names = new java.util.TreeSet<>();
    double boot;
    try (Chatter chatter = Chatter.start("user-war-down", 6, Duration.ofMillis(200))) {
      Thread.sleep(2000);
      long stopped;
      try {
        users.stop();
        stopped = System.nanoTime();
        for (int i = 0; i < 10; i++) {
          ChatClient.Response list = chatter.chatList(i % 6);
          chatLists.merge(list.status(), 1, Integer::sum);
          if (list.status() == 200) {
            list.json().getJsonArray("chats").forEach(entry -> names.add(name((JsonObject) entry)));
          }
          Thread.sleep(1000);
        }
      } finally {
        StackProcess.startMissing();
      }
      boot = Drills.since(stopped);
      Thread.sleep(2000);
      tally = chatter.finish(Duration.ofSeconds(60));
    }
    Drills.report(
        tally.line(boot) + ", chat lists while down " + chatLists + " showing names " + names);
    Drills.assertHeld(tally);
    assertThat(chatLists).as("chat lists while user-war is down").containsOnlyKeys(200);
    assertThat(names).as("the other member's name while user-war is down").doesNotContain("");
  }

  /** A chat entry's other user, as chat-war shows it. */
  static String name(JsonObject entry) {
    return entry.getJsonObject("user").getString("name", "");
  }
}
