package io.chatapp.mail.sending.control;

import io.chatapp.mail.sending.entity.OutgoingMail;
import io.chatapp.platform.amqp.MessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Handles one {@code send-otp} delivery: read and check it, send the mail, remember its id.
 * Returning lets the broker connection acknowledge the delivery, which therefore happens only after
 * the SMTP server accepted the mail; a redelivery of a mail already sent is acknowledged without
 * sending it again. Neither the code nor the body is ever logged.
 */
@ApplicationScoped
public class OtpMailHandler implements MessageHandler {

  private static final Logger LOG = Logger.getLogger(OtpMailHandler.class.getName());

  private final MailSender sender;
  private final SentMailLog sent;

  /** For the CDI proxy only. */
  OtpMailHandler() {
    this.sender = null;
    this.sent = null;
  }

  @Inject
  public OtpMailHandler(MailSender sender, SentMailLog sent) {
    this.sender = sender;
    this.sent = sent;
  }

  @Override
  public void handle(byte[] body, String messageId) throws Exception {
    if (sent.contains(messageId)) {
      LOG.log(Level.INFO, "Mail {0} was sent already; acknowledging the redelivery", messageId);
      return;
    }
    OutgoingMail mail = MailRequestReader.read(body);
    sender.send(mail, messageId);
    sent.record(messageId);
    LOG.log(Level.INFO, "Sent mail {0}", messageId);
  }
}
