package io.chatapp.chat.messages.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
