package io.chatapp.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginCheckTest {

  private final OriginCheck check = new OriginCheck("http://localhost:3003, https://chat.example");

  @Test
  void aChangeFromAnotherPageIsForeign() {
    assertThat(check.isForeign("POST", "http://localhost:8999", null)).isTrue();
    assertThat(check.isForeign("DELETE", "null", null)).as("a hidden origin").isTrue();
    assertThat(check.isForeign("POST", null, "http://evil.example/page")).isTrue();
    assertThat(check.isForeign("POST", null, "not a url")).isTrue();
  }

  @Test
  void ourPagesReadsAndNonBrowsersAreNot() {
    assertThat(check.isForeign("POST", "http://localhost:3003", null)).isFalse();
    assertThat(check.isForeign("PATCH", "HTTPS://chat.example/", null)).isFalse();
    assertThat(check.isForeign("POST", null, "http://localhost:3003/chat.xhtml")).isFalse();
    assertThat(check.isForeign("GET", "http://localhost:8999", null)).isFalse();
    assertThat(check.isForeign("POST", null, null)).as("no browser sends neither").isFalse();
  }
}
