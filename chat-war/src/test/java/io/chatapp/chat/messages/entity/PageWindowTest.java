package io.chatapp.chat.messages.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageWindowTest {

  @Test
  void theNewestPageEndsAtTheTop() {
    assertThat(PageWindow.endingAt(250, 50)).contains(new PageWindow(201, 250));
    assertThat(PageWindow.endingAt(30, 50)).contains(new PageWindow(1, 30));
    assertThat(PageWindow.endingAt(0, 50)).isEmpty();
    assertThat(PageWindow.endingAt(1, 1)).contains(new PageWindow(1, 1));
  }

  @Test
  void gapsWidenTheWindowDownwards() {
    PageWindow first = new PageWindow(201, 250);
    assertThat(first.below(3)).contains(new PageWindow(198, 200));
    assertThat(new PageWindow(1, 50).below(3)).isEmpty();
    assertThat(new PageWindow(2, 50).below(3)).contains(new PageWindow(1, 1));
    assertThat(first.size()).isEqualTo(50);
    assertThat(PageWindow.widened(50, 1)).isEqualTo(100);
    assertThat(PageWindow.widened(50, 3)).isEqualTo(400);
    assertThat(PageWindow.widened(50, 30)).isEqualTo(PageWindow.MAX_SPAN);
  }

  @Test
  void limitDefaultsTo50AndIsCappedAt100() {
    assertThat(PageWindow.limit(null)).isEqualTo(50);
    assertThat(PageWindow.limit(" ")).isEqualTo(50);
    assertThat(PageWindow.limit("100")).isEqualTo(100);
    assertThat(PageWindow.limit("1")).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-5", "ten", "1e3", "99999999999"})
  void badLimitsAreRefused(String limit) {
    assertThatThrownBy(() -> PageWindow.limit(limit)).hasMessageContaining("1 to 100");
  }

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
