package io.chatapp.chat.messages.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmojiTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "👍", // U+1F44D
        "❤️", // U+2764 U+FE0F
        "❤", // the same without the emoji selector
        "👍🏽", // with a skin tone
        "👨‍👩‍👧", // a family: three people joined by ZWJ
        "🧑🏻‍❤️‍💋‍🧑🏼", // a kiss with two skin tones, the longest kind
        "🇫🇷", // a flag: two regional indicators
        "🏴󠁧󠁢󠁳󠁣󠁴󠁿", // Scotland: a black flag and tags
        "1️⃣", // a keycap
        "#⃣", // a keycap without the selector
        "😂",
        "🫠", // Unicode 14, after Java 17's tables: in an emoji block reserved as pictographic
        "©️",
        "☀️"
      })
  void oneEmojiIsAccepted(String text) {
    assertThat(Emoji.isOne(text)).as(text).isTrue();
    assertThat(new Emoji(text).value()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "👍👍",
        "",
        " ",
        " 👍",
        "👍 ",
        "1",
        "#",
        "🇫", // half a flag
        "🇫🇷🇩🇪", // two flags
        "🏽", // a skin tone alone
        "\u200D",
        "ab",
        "é",
        "中",
        "👍\u0301", // an emoji with a combining accent
        ":)",
        "👍\u200D", // one grapheme, but a joiner with nothing after it: no second kind of 👍
        "👍\u200D\uFE0F"
      })
  void anythingElseIsRefused(String text) {
    assertThat(Emoji.isOne(text)).as("[" + text + "]").isFalse();
    assertThatThrownBy(() -> new Emoji(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("emoji must be exactly one emoji");
  }

  @Test
  void nullAndVeryLongSequencesAreRefused() {
    assertThatThrownBy(() -> new Emoji(null)).isInstanceOf(IllegalArgumentException.class);
    String longJoined = "👍" + "\u200D👍".repeat(20);
    assertThat(Emoji.isOne(longJoined)).isFalse();
  }

  @Test
  void extendedPictographicRangesHoldTheirEnds() {
    assertThat(Emoji.isPictographic(0x00A9)).isTrue();
    assertThat(Emoji.isPictographic(0x00AA)).isFalse();
    assertThat(Emoji.isPictographic(0x1F44D)).isTrue();
    assertThat(Emoji.isPictographic(0x1F3FB)).as("skin tones are modifiers").isFalse();
    assertThat(Emoji.isPictographic(0x1FFFD)).isTrue();
    assertThat(Emoji.isPictographic(0x1FFFE)).isFalse();
    assertThat(Emoji.isPictographic('a')).isFalse();
  }
}
