package io.chatapp.mail.sending.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.mail.sending.entity.OutgoingMail;
import io.chatapp.platform.amqp.PoisonMessageException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailRequestReaderTest {

  @Test
  void readsAMailRequest() throws Exception {
    OutgoingMail mail =
        MailRequestReader.read(
            bytes("{\"to\":\"ada@example.com\",\"subject\":\"Code\",\"body\":\"é 12345678\"}"));
    assertThat(mail).isEqualTo(new OutgoingMail("ada@example.com", "Code", "é 12345678"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "{\"to\":",
        "[1,2]",
        "\"text\"",
        "{\"to\":\"ada@example.com\",\"subject\":\"Code\"}",
        "{\"to\":\"ada@example.com\",\"subject\":null,\"body\":\"b\"}",
        "{\"to\":[\"ada@example.com\"],\"subject\":\"Code\",\"body\":\"b\"}",
        "{\"to\":\"ada@example.com\",\"subject\":\"Code\\r\\nBcc: eve@example.com\",\"body\":\"b\"}",
        "{\"to\":\"ada@example.com\\r\\nBcc: eve@example.com\",\"subject\":\"Code\",\"body\":\"b\"}",
      })
  void poisonWhenItCanNeverBecomeAMail(String json) {
    assertThatThrownBy(() -> MailRequestReader.read(bytes(json)))
        .isInstanceOf(PoisonMessageException.class);
  }

  @Test
  void theReasonNeverQuotesTheMessage() {
    assertThatThrownBy(
            () ->
                MailRequestReader.read(
                    bytes("{\"to\":\"bad\",\"subject\":\"Code\",\"body\":\"12345678\"}")))
        .isInstanceOf(PoisonMessageException.class)
        .message()
        .doesNotContain("12345678")
        .doesNotContain("bad");
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
