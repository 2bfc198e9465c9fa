package io.chatapp.chat.common.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.entity.ClientId;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.users.entity.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

  @Test
  void idsAreCanonicalLowerCaseHex() {
    assertThat(new UserId("65A1B2C3D4E5F60718293A4B").value())
        .isEqualTo("65a1b2c3d4e5f60718293a4b");
    assertThat(new ChatId("65a1b2c3d4e5f60718293a4b"))
        .isEqualTo(new ChatId("65A1B2C3D4E5F60718293A4B"));
    assertThat(MessageId.fresh().value()).hasSize(24);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "abc",
        "65a1b2c3d4e5f60718293a4",
        "65a1b2c3d4e5f60718293a4bb",
        "zz" + "a1b2c3d4e5f60718293a4b",
        "65a1b2c3d4e5f60718293a4 ",
        "65a1b2c3d4e5f60718293a4\u0663",
        "65a1b2c3d4e5f60718293a4\uFF21",
        "65a1b2c3d4e5f60718293a4g",
        "{\"$gt\":\"\"}"
      })
  void malformedIdsAreRefused(String value) {
    assertThatThrownBy(() -> new UserId(value)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChatId(value)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MessageId(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textIsTrimmedAndBounded() {
    assertThat(new MessageText("  hi \n").value()).isEqualTo("hi");
    assertThat(new MessageText("😀".repeat(4000)).value()).hasSize(8000);
    assertThatThrownBy(() -> new MessageText("x".repeat(4001)))
        .hasMessageContaining("at most 4000");
    assertThatThrownBy(() -> new MessageText("   ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> new MessageText(null)).hasMessageContaining("required");
  }

  @Test
  void clientIdsAreShortAndPlain() {
    assertThat(new ClientId("c-1:2.3_x").value()).isEqualTo("c-1:2.3_x");
    assertThatThrownBy(() -> new ClientId("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClientId("a b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClientId("x".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void timesAlwaysHaveMilliseconds() {
    assertThat(IsoTime.format(Instant.parse("2026-01-02T03:04:05Z")))
        .isEqualTo("2026-01-02T03:04:05.000Z");
    assertThat(IsoTime.parse("2026-01-02T03:04:05.120Z"))
        .isEqualTo(Instant.parse("2026-01-02T03:04:05.12Z"));
  }
}
