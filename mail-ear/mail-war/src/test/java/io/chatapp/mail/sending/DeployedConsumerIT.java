package io.chatapp.mail.sending;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.platform.mail.OtpMailQueue;
import io.chatapp.testsupport.Poll;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * mail-war deployed in Payara Micro: its {@code send-otp} consumer, started by the deployment and
 * run on the container's managed executor, fed through the broker as user-war feeds it, sending to
 * a real SMTP server. Outside the container {@code MailRig} wires the same classes by hand on plain
 * executors; here the WAR's own CDI wiring and settings do it.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class DeployedConsumerIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String SUBJECT = "Your chat login code";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MailServiceBed.deployment();
  }

  final MailServiceBed bed = MailServiceBed.get();

  @Test
  void aMailRequestOnTheQueueIsMailedOnceWithItsCode() throws Exception {
    String to = unique("ada");

    String id = bed.publish(to, SUBJECT, "Your login code is 48213907\n\nIt expires soon.\n");

    MimeMessage mail = theOnlyMailTo(to);
    assertThat(mail.getSubject()).isEqualTo(SUBJECT);
    assertThat(mail.getMessageID()).isEqualTo("<" + id + "@chat.local>");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat((String) parts.getBodyPart(0).getContent()).contains("48213907");
    assertThat((String) parts.getBodyPart(1).getContent()).contains(">48213907</p>");
  }

  @Test
  void aRequestDeliveredAgainAfterItsMailWentOutIsNotMailedTwice() throws Exception {
    String to = unique("bob");
    String id = UUID.randomUUID().toString();
    bed.publish(id, to, SUBJECT, "Your login code is 11112222");
    theOnlyMailTo(to);

    bed.publish(id, to, SUBJECT, "Your login code is 11112222"); // as after a lost ack

    bed.awaitNothingLeft(WAIT);
    assertThat(bed.smtp.received(to)).hasSize(1);
  }

  @Test
  void whileSmtpIsAwayTheRequestWaitsInTheBrokerAndIsMailedOnceItIsBack() throws Exception {
    String to = unique("cid");
    String firstRetry = OtpMailQueue.SEND_OTP.retryQueue(1);
    bed.smtp.stop();
    try {
      bed.publish(to, SUBJECT, "Your login code is 55556666");

      Poll.until(
          WAIT, "the failed attempt waiting in " + firstRetry, () -> bed.ready(firstRetry) == 1);
    } finally {
      bed.smtp.start();
    }

    theOnlyMailTo(to);
  }

  /** Waits for the mail, then until nothing is left in the broker, and checks it came once. */
  private MimeMessage theOnlyMailTo(String to) throws InterruptedException {
    Poll.until(WAIT, "the mail to " + to, () -> !bed.smtp.received(to).isEmpty());
    bed.awaitNothingLeft(WAIT);
    assertThat(bed.smtp.received(to)).as("mail to " + to).hasSize(1);
    return bed.smtp.received(to).get(0);
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }
}
