package io.chatapp.chat.realtime.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.chat.support.ChatHarness;
import io.chatapp.chat.support.HarnessTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
}
