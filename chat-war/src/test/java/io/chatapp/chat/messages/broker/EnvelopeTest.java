package io.chatapp.chat.messages.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.boundary.MessageJson;
import io.chatapp.chat.messages.entity.Addressed;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.users.entity.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

  @Test
  void envelopesRoundTrip() {
    Message message =
        new Message(
            MessageId.fresh(),
            ChatId.fresh(),
            42,
            new UserId("65a1b2c3d4e5f60718293a4b"),
            "hello \"world\" ✓",
            false,
            null,
            Instant.parse("2026-01-02T03:04:05.120Z"));
    UserId recipient = new UserId("65a1b2c3d4e5f60718293a4c");
    Addressed addressed = new Addressed(message, recipient);
    assertThat(Envelope.parseAll(new Envelope(message, recipient).toBytes()))
        .containsExactly(addressed);
    Message other = message.withSeq(43).withSeen(Instant.parse("2026-01-02T03:04:06.250Z"));
    assertThat(Envelope.parseAll(batch(addressed, new Addressed(other, recipient))))
        .containsExactly(addressed, new Addressed(other, recipient));
    assertThat(Envelope.parseAll(new Envelope(addressed.asFirstSend()).toBytes()))
        .as("a first send stays one; an envelope without the mark may be a retry's copy")
        .containsExactly(addressed.asFirstSend());
    assertThat(MessageJson.of(message).toString())
        .contains("\"image\":null", "\"messageType\":\"text\"", "\"seenAt\":null")
        .contains("\"createdAt\":\"2026-01-02T03:04:05.120Z\"")
        .doesNotContain("seq");
    assertThatThrownBy(() -> Envelope.parseAll("{}".getBytes()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Envelope.parseAll("[{}]".getBytes()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Envelope.parseAll("42".getBytes()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fieldsOfLaterVersionsAreSkippedAndMalformedEnvelopesRefused() {
    String envelope =
        "{\"id\":\"65a1b2c3d4e5f60718293a40\",\"chatId\":\"65a1b2c3d4e5f60718293a41\","
            + "\"seq\":3,\"sender\":\"65a1b2c3d4e5f60718293a4b\",\"text\":\"hi\","
            + "\"createdAt\":1000,\"recipientId\":\"65a1b2c3d4e5f60718293a4c\"";
    Addressed read =
        Envelope.parseAll(
                (envelope + ",\"later\":{\"a\":[1,{}]},\"more\":[[]],\"n\":null}").getBytes())
            .get(0);
    assertThat(read.message().text()).isEqualTo("hi");
    assertThat(read.message().seq()).isEqualTo(3);
    assertThat(read.recipient()).isEqualTo(new UserId("65a1b2c3d4e5f60718293a4c"));

    for (String bad :
        List.of(
            envelope + "}{}",
            envelope + ",\"seenAt\":1.5}",
            envelope.replace("\"seq\":3", "\"seq\":\"3\"") + "}",
            envelope.replace("\"text\":\"hi\",", "") + "}",
            envelope + ",\"recipients\":[1]}",
            "[" + envelope + "},42]",
            envelope)) {
      assertThatThrownBy(() -> Envelope.parseAll(bad.getBytes()))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void groupAndSystemMessagesRoundTripWithTheirRecipients() {
    UserId alice = new UserId("65a1b2c3d4e5f60718293a4b");
    UserId bob = new UserId("65a1b2c3d4e5f60718293a4c");
    UserId carol = new UserId("65a1b2c3d4e5f60718293a4d");
    ChatId chat = ChatId.fresh();
    Message said =
        new Message(
            MessageId.fresh(), chat, 7, alice, "hi all", false, null, Instant.ofEpochMilli(1000));
    Message system =
        Message.system(
            MessageId.fresh(), chat, 8, alice, "Alice added Carol", Instant.ofEpochMilli(2000));
    Addressed toGroup = Addressed.toGroup(said, List.of(bob));
    Addressed systemToGroup = Addressed.toGroup(system, List.of(bob, carol));
    assertThat(Envelope.parseAll(batch(toGroup, systemToGroup)))
        .containsExactly(toGroup, systemToGroup);
    Addressed back = Envelope.parseAll(new Envelope(systemToGroup).toBytes()).get(0);
    assertThat(back.isGroup()).isTrue();
    assertThat(back.recipients()).containsExactly(bob, carol);
    assertThat(back.message().system()).isTrue();
    assertThat(back.message().messageType()).isEqualTo("system");
    assertThat(MessageJson.of(back.message()).getString("messageType")).isEqualTo("system");
    Addressed alone = Addressed.toGroup(said, List.of());
    assertThat(Envelope.parseAll(new Envelope(alone).toBytes())).containsExactly(alone);
    assertThat(new Addressed(said, bob).isGroup()).isFalse();
  }

  /** Envelopes as one body, a JSON array, as the publisher of accepted sends joins them. */
  private static byte[] batch(Addressed... batch) {
    StringJoiner array = new StringJoiner(",", "[", "]");
    for (Addressed addressed : batch) {
      array.add(new String(new Envelope(addressed).toBytes(), StandardCharsets.UTF_8));
    }
    return array.toString().getBytes(StandardCharsets.UTF_8);
  }
}
