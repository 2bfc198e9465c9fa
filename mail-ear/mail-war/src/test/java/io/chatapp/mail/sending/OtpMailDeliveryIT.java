package io.chatapp.mail.sending;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The consumer against the real RabbitMQ and a real SMTP server. */
class OtpMailDeliveryIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static MailRig rig;

  @BeforeAll
  static void start() {
    rig =
        new MailRig(
            List.of(
                Duration.ofMillis(300),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofSeconds(4)));
  }

  @AfterAll
  static void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void theMailArrivesWithRecipientSubjectAndCodeInBothParts() throws Exception {
    String to = unique("ada");
    String id =
        rig.publish(to, "Your login code", "Your login code is 48213907.\nDo not share it.");

    MailRig.await(WAIT, () -> rig.received(to).size() == 1, "the mail");
    MimeMessage mail = rig.received(to).get(0);
    assertThat(mail.getSubject()).isEqualTo("Your login code");
    assertThat(mail.getFrom()).containsExactly(new InternetAddress(MailRig.FROM));
    assertThat(mail.getAllRecipients()).hasSize(1);
    assertThat(mail.getMessageID()).isEqualTo("<" + id + "@chat.local>");
    assertThat(mail.isMimeType("multipart/alternative")).isTrue();

    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat((String) parts.getBodyPart(0).getContent())
        .contains("Your login code is 48213907.")
        .contains("expires in 5 minutes");
    assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
    assertThat((String) parts.getBodyPart(1).getContent())
        .contains(">48213907</p>")
        .contains("font-size:36px")
        .contains("expires in 5 minutes");
  }

  @Test
  void aRedeliveryOfASentMailIsAcknowledgedWithoutSendingAgain() {
    String to = unique("bob");
    String id = UUID.randomUUID().toString();
    byte[] body = json(to, "Your login code", "Code 11112222");
    rig.publishRaw(id, body);
    MailRig.await(WAIT, () -> rig.received(to).size() == 1, "the mail");

    rig.publishRaw(id, body); // what the broker does when the ack was lost
    MailRig.await(WAIT, () -> calls(id) == 2, "the redelivery to be handled");
    rig.awaitIdle(WAIT);
    assertThat(rig.received(to)).hasSize(1);
  }

  @Test
  void poisonMessagesAreParkedAndTheNextOnesAreStillServed() throws Exception {
    String eve = unique("eve");
    String to = unique("carol");
    List<byte[]> poison =
        List.of(
            "{not json".getBytes(StandardCharsets.UTF_8),
            "{\"to\":\"x@example.com\",\"subject\":\"s\"}".getBytes(StandardCharsets.UTF_8),
            json(to + "\r\nBcc: " + eve, "Your login code", "Code 12345678"),
            json(to + ", " + eve, "Your login code", "Code 12345678"),
            json(to, "Your login code\r\nBcc: " + eve, "Code 12345678"));
    List<String> poisonIds = poison.stream().map(rig::publishRaw).toList();
    rig.publish(to, "Your login code", "Code 87654321");

    MailRig.await(WAIT, () -> rig.received(to).size() == 1, "the good mail after the poison");
    MailRig.await(WAIT, () -> deadCount() == poison.size(), "the poison in the dead letters");
    List<byte[]> dead = rig.takeDead();
    assertThat(dead).hasSize(poison.size());
    for (String poisonId : poisonIds) {
      assertThat(calls(poisonId)).as("handled once, never retried").isEqualTo(1);
    }
    assertThat(rig.received(eve)).isEmpty();
    assertThat(
            (String)
                ((MimeMultipart) rig.received(to).get(0).getContent()).getBodyPart(0).getContent())
        .contains("87654321");
  }

  @Test
  void whileSmtpIsDownTheMailIsRetriedWithDelayAndDeliveredOnceItIsBack() {
    String to = unique("dave");
    rig.stopSmtp();
    String id;
    try {
      id = rig.publish(to, "Your login code", "Code 55556666");
      MailRig.await(WAIT, () -> calls(id) >= 2, "a retry");
    } finally {
      rig.startSmtp();
    }
    List<Instant> attempts = rig.calls.get(id);
    assertThat(Duration.between(attempts.get(0), attempts.get(1)))
        .as("the retry waited in the broker")
        .isGreaterThanOrEqualTo(Duration.ofMillis(250));

    MailRig.await(WAIT, () -> rig.received(to).size() == 1, "the mail once SMTP is back");
    rig.awaitIdle(WAIT);
    assertThat(rig.received(to)).hasSize(1);
  }

  private static int calls(String id) {
    List<Instant> calls = rig.calls.get(id);
    return calls == null ? 0 : calls.size();
  }

  private static int deadCount() {
    try {
      return rig.count(rig.queue.deadLetterQueue());
    } catch (Exception e) {
      return -1;
    }
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  private static byte[] json(String to, String subject, String body) {
    return jakarta.json.Json.createObjectBuilder()
        .add("to", to)
        .add("subject", subject)
        .add("body", body)
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }
}
