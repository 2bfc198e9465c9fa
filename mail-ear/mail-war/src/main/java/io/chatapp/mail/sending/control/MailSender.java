package io.chatapp.mail.sending.control;

import io.chatapp.mail.sending.entity.OutgoingMail;
import io.chatapp.platform.amqp.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Sends one mail over SMTP with Jakarta Mail and returns only once the server accepted it, so the
 * caller may then acknowledge the message. A recipient the server refuses for good is poison;
 * anything else (server away, timeout, temporary refusal) is thrown for a later retry.
 */
@ApplicationScoped
public class MailSender {

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final SmtpSettings settings;
  private final Session session;
  private final InternetAddress from;

  /** For the CDI proxy only. */
  MailSender() {
    this.settings = null;
    this.session = null;
    this.from = null;
  }

  @Inject
  public MailSender(Config config) {
    this(SmtpSettings.from(config));
  }

  public MailSender(SmtpSettings settings) {
    this.settings = settings;
    this.session = Session.getInstance(settings.sessionProperties());
    try {
      this.from = new InternetAddress(settings.from(), true);
      this.from.validate();
    } catch (AddressException e) {
      throw new IllegalArgumentException("mail.from is not a valid address: " + settings.from(), e);
    }
  }

  public SmtpSettings settings() {
    return settings;
  }

  /** Sends the mail; {@code messageId} (may be null) also names it in its Message-ID header. */
  public void send(OutgoingMail mail, String messageId)
      throws MessagingException, PoisonMessageException {
    MimeMessage message = new OutgoingMimeMessage(session, messageId);
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());

    MimeBodyPart text = new MimeBodyPart();
    text.setText(MailContent.text(mail), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(MailContent.html(mail), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative", text, html);
    message.setContent(alternative);
    message.saveChanges();
    try {
      if (settings.authenticated()) {
        Transport.send(message, settings.user(), settings.password());
      } else {
        Transport.send(message);
      }
    } catch (SendFailedException e) {
      if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
        throw new PoisonMessageException("the SMTP server refused the recipient for good");
      }
      throw e;
    }
  }

  /** Gives the mail a Message-ID derived from the broker's message id, when it is a safe one. */
  private final class OutgoingMimeMessage extends MimeMessage {
    private final String messageId;

    OutgoingMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      if (messageId != null && SAFE_ID.matcher(messageId).matches()) {
        String address = from.getAddress();
        String domain = address.substring(address.indexOf('@') + 1);
        setHeader("Message-ID", "<" + messageId + "@" + domain + ">");
      } else {
        super.updateMessageID();
      }
    }
  }
}
