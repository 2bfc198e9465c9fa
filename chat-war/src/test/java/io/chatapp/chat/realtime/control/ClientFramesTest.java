package io.chatapp.chat.realtime.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.chat.chats.control.ChatMembers;
import io.chatapp.chat.support.ChatHarness;
import io.chatapp.chat.support.HarnessTest;
import io.chatapp.testsupport.Poll;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** Frames from a socket, handled against the real Redis and the MongoDB-compatible server. */
class ClientFramesTest extends HarnessTest {

  @Override
  protected boolean withPipeline() {
    return false;
  }

  private ClientFrames frames() {
    ClientFrames frames = new ClientFrames();
    frames.chats = stack.chats;
    frames.viewing = stack.viewing;
    frames.presence = new Presence(stack.redis, ""); // Viewing's namespace: its instance is live
    frames.presence.heartbeat();
    return frames;
  }

  @Test
  void aSocketRefusedOnArrivalLeavesNoViewingBehind() {
    ChatHarness.Pair p = stack.pair();
    ClientFrames frames = frames();
    List<String> got = new CopyOnWriteArrayList<>();
    Peer refused =
        new LocalSessions()
            .add(
                TestSockets.recording("refused", got),
                p.bob(),
                16,
                Runnable::run,
                TestSockets.BUDGET,
                TestSockets.TOKEN);
    refused.refused();

    frames.handle(refused, "{\"event\":\"viewing:chat\",\"data\":\"" + p.chat().value() + "\"}");

    assertThat(stack.viewing.isViewing(p.bob(), p.chat()))
        .as("Bob's messages in the chat would arrive as read")
        .isFalse();
    assertThat(got).isEmpty();

    Peer counted =
        new LocalSessions()
            .add(
                TestSockets.recording("counted", got),
                p.bob(),
                16,
                Runnable::run,
                TestSockets.BUDGET,
                TestSockets.TOKEN);
    frames.handle(counted, "{\"event\":\"viewing:chat\",\"data\":\"" + p.chat().value() + "\"}");
    assertThat(stack.viewing.isViewing(p.bob(), p.chat())).as("a socket that counts").isTrue();
    frames.handle(counted, "{\"event\":\"not:viewing:chat\"}");
  }

  @Test
  void joiningAndLeavingAgainAndAgainIsAnnouncedOnlyWithinTheUsersBudget() {
    ChatHarness.Pair p = stack.pair();
    List<String> annGot = new CopyOnWriteArrayList<>();
    ClientFrames frames = frames();
    Peer bob = bobSendingToAnn(p, annGot, frames);
    try {
      for (int i = 0; i < 40; i++) {
        frames.handle(bob, "{\"event\":\"join:chat\",\"data\":\"" + p.chat().value() + "\"}");
        frames.handle(bob, "{\"event\":\"leave:chat\",\"data\":\"" + p.chat().value() + "\"}");
      }
      Poll.until(
          Duration.ofSeconds(10), "the announcements within the budget", () -> joined(annGot) == 3);
      sleep(500);
      assertThat(joined(annGot)).as("40 joins, a budget of 3").isEqualTo(3);
    } finally {
      frames.bus.stop();
    }
  }

  @Test
  void startingAndStoppingTypingAgainAndAgainIsAnnouncedOnlyWithinTheUsersBudget() {
    ChatHarness.Pair p = stack.pair();
    List<String> annGot = new CopyOnWriteArrayList<>();
    ClientFrames frames = frames();
    Peer bob = bobSendingToAnn(p, annGot, frames);
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    frames.typing = new Typing(timers);
    String chat = "{\"chatId\":\"" + p.chat().value() + "\"}";
    try {
      for (int i = 0; i < 40; i++) {
        frames.handle(bob, "{\"event\":\"typing:start\",\"data\":" + chat + "}");
        frames.handle(bob, "{\"event\":\"typing:start\",\"data\":" + chat + "}");
        frames.handle(bob, "{\"event\":\"typing:stop\",\"data\":" + chat + "}");
      }
      Poll.until(
          Duration.ofSeconds(10),
          "the indicators within the budget, started and ended",
          () -> typing(annGot, true) == 3 && typing(annGot, false) == 3);
      sleep(500);
      assertThat(typing(annGot, true)).as("40 starts, a budget of 3").isEqualTo(3);
      assertThat(typing(annGot, false)).as("each announced start ends").isEqualTo(3);
    } finally {
      frames.bus.stop();
      timers.shutdownNow();
    }
  }

  private static long typing(List<String> got, boolean isTyping) {
    return got.stream()
        .filter(f -> f.contains("typing:status") && f.contains("\"isTyping\":" + isTyping))
        .count();
  }

  /**
   * Ann's socket (its frames in {@code annGot}) and Bob's, on one instance whose bus the frames
   * send through, with an announcement budget of 3 that hardly refills; Bob's socket.
   */
  private Peer bobSendingToAnn(ChatHarness.Pair p, List<String> annGot, ClientFrames frames) {
    LocalSessions sessions = new LocalSessions();
    sessions.add(
        TestSockets.recording("ann", annGot),
        p.ann(),
        1024,
        Runnable::run,
        TestSockets.BUDGET,
        TestSockets.TOKEN);
    frames.bus = TestBus.started(stack, sessions, new ChatMembers(stack.chatStore));
    frames.announcements = new Announcements(0.001, 3);
    return sessions.add(
        TestSockets.recording("bob", new CopyOnWriteArrayList<>()),
        p.bob(),
        16,
        Runnable::run,
        TestSockets.BUDGET,
        TestSockets.TOKEN);
  }

  private static long joined(List<String> got) {
    return got.stream().filter(frame -> frame.contains("user:joined:room")).count();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
