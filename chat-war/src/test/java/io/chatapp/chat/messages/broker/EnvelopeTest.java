package io.chatapp.chat.messages.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.entity.Addressed;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.users.entity.UserId;
import java.time.Instant;
import java.util.List;
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
    assertThat(
            Envelope.parseAll(
                Envelope.toBytes(List.of(addressed, new Addressed(other, recipient)))))
        .containsExactly(addressed, new Addressed(other, recipient));
    assertThat(message.toJson().toString())
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
}
