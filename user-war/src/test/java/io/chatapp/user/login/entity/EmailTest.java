package io.chatapp.user.login.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.user.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ann@example.com",
        "Ann.Lee@Example.COM",
        "  ann@example.com ",
        "a+tag@sub.example.co.uk",
        "o'brien@example.ie",
        "x@a-b.io"
      })
  void acceptsAddressesAndKeepsThemLowerCased(String raw) {
    Email email = new Email(raw);
    assertThat(email.value()).isEqualTo(raw.trim().toLowerCase());
    assertThat(email.value()).doesNotContainAnyWhitespaces();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "@example.com",
        "ann@",
        "ann@example",
        "ann@@example.com",
        "ann example@example.com",
        "ann@exa mple.com",
        "ann@.example.com",
        "ann@example..com",
        ".ann@example.com",
        "ann.@example.com",
        "ann@-example.com",
        "ann@example.com\nbcc@evil.com",
        "ann@example.123",
        "\"quoted\"@example.com"
      })
  void refusesWhatIsNotAnAddress(String raw) {
    assertThatThrownBy(() -> new Email(raw))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("email is not a valid email address");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void saysWhenTheAddressIsMissing(String raw) {
    assertThatThrownBy(() -> new Email(raw)).hasMessage("email is required");
  }

  @Test
  void refusesOverlongParts() {
    String longLocal = "a".repeat(65) + "@example.com";
    String longTotal = "a@" + ("b".repeat(62) + ".").repeat(4) + "com"; // 257 characters
    assertThatThrownBy(() -> new Email(longLocal)).isInstanceOf(InvalidValue.class);
    assertThatThrownBy(() -> new Email(longTotal)).isInstanceOf(InvalidValue.class);
    assertThat(new Email("a".repeat(64) + "@example.com").localPart()).hasSize(64);
  }

  @Test
  void theLocalPartIsTheNewUsersName() {
    assertThat(new Email("Ann.Lee@Example.com").localPart()).isEqualTo("ann.lee");
  }
}
