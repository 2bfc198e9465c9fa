package io.chatapp.mail.sending.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutgoingMailTest {

  @Test
  void acceptsOnePlainAddressAndAOneLineSubject() {
    OutgoingMail mail = new OutgoingMail(" ada@example.com ", "Your code", "Code 12345678\n");
    assertThat(mail.to()).isEqualTo("ada@example.com");
    assertThat(mail.subject()).isEqualTo("Your code");
    assertThat(mail.text()).isEqualTo("Code 12345678\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ada@example.com\r\nBcc: eve@example.com",
        "ada@example.com\nBcc: eve@example.com",
        "ada@example.com, eve@example.com",
        "ada@example.com; eve@example.com",
        "Ada <ada@example.com>",
        "undisclosed:;",
        "not an address",
        "ada@",
        "@example.com",
        "ada@example.com (comment)",
      })
  void refusesAnythingButOneValidAddress(String to) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new OutgoingMail(to, "Your code", "12345678"))
        .withMessageContaining("recipient");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Hi\r\nBcc: eve@example.com", "Hi\nX: y", "Hi\rX: y", "tab\tin"})
  void refusesControlCharactersInTheSubject(String subject) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new OutgoingMail("ada@example.com", subject, "12345678"))
        .withMessageContaining("subject");
  }

  @Test
  void refusesMissingFields() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new OutgoingMail(null, "s", "b"))
        .withMessage("recipient missing");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new OutgoingMail("a@example.com", " ", "b"))
        .withMessage("subject missing");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new OutgoingMail("a@example.com", "s", null))
        .withMessage("body missing");
  }

  @Test
  void refusesOversizedValues() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new OutgoingMail("a@example.com", "s".repeat(201), "b"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new OutgoingMail("a@example.com", "s", "b".repeat(20_001)));
  }
}
