package io.chatapp.chat.messages.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EditWindowTest {

  private static final Instant SENT = Instant.parse("2026-12-05T10:00:00.000Z");

  @Test
  void aMessageCanBeEditedUntilTheEndOfTheWindowInclusive() {
    EditWindow window = EditWindow.ofMinutes(15);
    assertThat(window.allows(SENT, SENT)).isTrue();
    assertThat(window.allows(SENT, SENT.plus(Duration.ofMinutes(14)))).isTrue();
    assertThat(window.allows(SENT, SENT.plus(Duration.ofMinutes(15)))).isTrue();
    assertThat(window.allows(SENT, SENT.plus(Duration.ofMinutes(15)).plusMillis(1))).isFalse();
    assertThat(window.allows(SENT, SENT.plus(Duration.ofDays(1)))).isFalse();
  }

  @Test
  void aClockSlightlyBehindTheSendersStillAllowsTheEdit() {
    assertThat(EditWindow.ofMinutes(15).allows(SENT, SENT.minusSeconds(2))).isTrue();
  }

  @Test
  void aWindowOfZeroAllowsNoLaterEdit() {
    EditWindow none = EditWindow.ofMinutes(0);
    assertThat(none.allows(SENT, SENT.plusMillis(1))).isFalse();
    assertThat(none.tooLate())
        .isEqualTo("A message can only be edited within 0 minutes of sending it");
  }

  @Test
  void itSaysHowLongTheWindowIs() {
    assertThat(EditWindow.ofMinutes(15).tooLate())
        .isEqualTo("A message can only be edited within 15 minutes of sending it");
    assertThat(EditWindow.ofMinutes(1).tooLate())
        .isEqualTo("A message can only be edited within 1 minute of sending it");
  }

  @Test
  void aNegativeWindowIsRefused() {
    assertThatThrownBy(() -> EditWindow.ofMinutes(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
