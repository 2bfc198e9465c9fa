package io.chatapp.user.login.control;

import io.chatapp.platform.amqp.BrokerConnection;
import io.chatapp.platform.amqp.BrokerPublisher;
import io.chatapp.platform.mail.MailRequest;
import io.chatapp.platform.mail.OtpMailQueue;
import io.chatapp.user.login.entity.Email;
import io.chatapp.user.login.entity.Otp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Hands the login code to the mail service through the durable queue {@code send-otp}. Returns only
 * once the broker confirmed the persistent message, so "OTP sent" is true when said.
 */
@ApplicationScoped
public class OtpMailer {

  static final String SUBJECT = "Your chat login code";

  @Inject BrokerConnection broker;
  @Inject BrokerPublisher publisher;

  private final Jsonb jsonb = JsonbBuilder.create();

  void declareQueue(@Observes Startup startup) {
    broker.declare(OtpMailQueue.SEND_OTP::declare);
  }

  /** Publishes the mail; a broker that is down or does not confirm becomes a 503. */
  public void send(Email to, Otp otp) {
    MailRequest mail = new MailRequest(to.value(), SUBJECT, body(otp));
    publisher.publish(
        "",
        OtpMailQueue.SEND_OTP.name(),
        UUID.randomUUID().toString(),
        jsonb.toJson(mail).getBytes(StandardCharsets.UTF_8));
  }

  static String body(Otp otp) {
    long minutes = OtpStore.CODE_TTL.toMinutes();
    String why =
        otp.isLong()
            ? "\n\nMany wrong codes were tried for your address, so this code is longer than"
                + " usual. You may type it without the dashes."
            : "";
    return "Your login code is "
        + otp.display()
        + why
        + "\n\nIt expires in "
        + minutes
        + " minutes and works once. If you did not ask for it, ignore this mail.\n";
  }
}
