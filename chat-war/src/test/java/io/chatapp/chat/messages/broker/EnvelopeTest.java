package io.chatapp.chat.messages.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.users.entity.UserId;
import java.time.Instant;
import java.util.Optional;
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
    Envelope parsed = Envelope.parse(new Envelope(message, recipient).toBytes());
    assertThat(parsed).isEqualTo(new Envelope(message, recipient));
    assertThat(message.toJson().toString())
        .contains("\"image\":null", "\"messageType\":\"text\"", "\"seenAt\":null")
        .contains("\"createdAt\":\"2026-01-02T03:04:05.120Z\"")
        .doesNotContain("seq");
    assertThatThrownBy(() -> Envelope.parse("{}".getBytes()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Optional.of(parsed.message().seq())).contains(42L);
  }
}
