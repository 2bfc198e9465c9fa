package io.chatapp.platform.mail;

import io.chatapp.platform.amqp.WorkQueue;
import java.time.Duration;
import java.util.List;

/**
 * The durable queue {@code send-otp} between the user service (publisher) and the mail service
 * (consumer). Both declare it from this one definition, so their arguments always match. A mail
 * that cannot be sent is retried after 2 s, 10 s, 30 s and 2 min, then parked in {@code
 * send-otp.dead}. Messages are JSON {@link MailRequest}s.
 */
public final class OtpMailQueue {

  public static final WorkQueue SEND_OTP =
      new WorkQueue(
          "send-otp",
          List.of(
              Duration.ofSeconds(2),
              Duration.ofSeconds(10),
              Duration.ofSeconds(30),
              Duration.ofMinutes(2)));

  private OtpMailQueue() {}
}
