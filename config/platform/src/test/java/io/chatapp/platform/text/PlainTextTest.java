package io.chatapp.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

  @Test
  void namesAreOneLineOfVisibleCharacters() {
    assertThat(PlainText.forbidden("Zoë 👩‍💻 O'Brien", PlainText.Kind.LINE)).isEmpty();
    assertThat(PlainText.forbidden("evil\u202Etxt.exe", PlainText.Kind.LINE)).contains("U+202E");
    assertThat(PlainText.forbidden("a\u200Bb", PlainText.Kind.LINE)).contains("U+200B");
    assertThat(PlainText.forbidden("two\nlines", PlainText.Kind.LINE)).contains("U+000A");
    assertThat(PlainText.forbidden("nul\u0000", PlainText.Kind.LINE)).contains("U+0000");
    assertThat(PlainText.forbidden("esc\u001B[31m", PlainText.Kind.LINE)).contains("U+001B");
  }

  @Test
  void messagesMayHoldLinesButNoControlsOrOverrides() {
    assertThat(PlainText.forbidden("line one\nline two\ttab", PlainText.Kind.LINES)).isEmpty();
    assertThat(PlainText.forbidden("\u2066isolate", PlainText.Kind.LINES)).contains("U+2066");
    assertThat(PlainText.forbidden("bell\u0007", PlainText.Kind.LINES)).contains("U+0007");
  }

  @Test
  void theSameTextTypedTwoWaysIsOneText() {
    assertThat(PlainText.normalize("Zoe\u0308")).isEqualTo("Zoë");
  }
}
