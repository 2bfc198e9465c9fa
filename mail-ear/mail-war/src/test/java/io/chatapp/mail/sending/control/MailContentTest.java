package io.chatapp.mail.sending.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.mail.sending.entity.OutgoingMail;
import org.junit.jupiter.api.Test;

class MailContentTest {

  @Test
  void theCodeStandsOutInTheHtmlWithItsExpiry() {
    OutgoingMail mail =
        new OutgoingMail("ada@example.com", "Your login code", "Your code is 04711230.");
    assertThat(MailContent.code(mail)).contains("04711230");
    String html = MailContent.html(mail);
    assertThat(html)
        .contains("font-size:36px")
        .contains(">04711230</p>")
        .contains("expires in 5 minutes")
        .contains("<title>Your login code</title>");
  }

  @Test
  void aLongCodeStandsOutToo() {
    OutgoingMail mail =
        new OutgoingMail(
            "ada@example.com", "Your login code", "Your login code is ABCD-EFGH-2345\n\nMany...");
    assertThat(MailContent.code(mail)).contains("ABCD-EFGH-2345");
    assertThat(MailContent.html(mail)).contains(">ABCD-EFGH-2345</p>");
  }

  @Test
  void thePlainTextSaysTheExpiryOnce() {
    OutgoingMail without = new OutgoingMail("a@example.com", "Code", "Your code is 12345678");
    assertThat(MailContent.text(without))
        .isEqualTo("Your code is 12345678\n\nThis code expires in 5 minutes.\n");
    OutgoingMail with =
        new OutgoingMail("a@example.com", "Code", "Code 12345678, it expires in 5 minutes.");
    assertThat(MailContent.text(with)).isEqualTo("Code 12345678, it expires in 5 minutes.");
  }

  @Test
  void everythingFromTheMessageIsEscaped() {
    OutgoingMail mail =
        new OutgoingMail(
            "a@example.com", "<b>Hi</b> & \"you\"", "<script>alert('x')</script>\n12345678");
    String html = MailContent.html(mail);
    assertThat(html)
        .doesNotContain("<script>")
        .doesNotContain("<b>Hi")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>12345678")
        .contains("&lt;b&gt;Hi&lt;/b&gt; &amp; &quot;you&quot;");
  }

  @Test
  void noCodeNoCodeBlock() {
    OutgoingMail mail = new OutgoingMail("a@example.com", "Hello", "Call 123456789 now");
    assertThat(MailContent.code(mail)).isEmpty();
    assertThat(MailContent.html(mail)).doesNotContain("expires");
    assertThat(MailContent.text(mail)).isEqualTo("Call 123456789 now");
  }
}
