package io.chatapp.mail.sending.control;

import java.time.Duration;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;

/**
 * Where and how to send mail, from MicroProfile Config ({@code MAIL_HOST}, {@code MAIL_PORT},
 * {@code MAIL_USER}, {@code MAIL_PASS}, {@code MAIL_FROM}, {@code MAIL_STARTTLS}, {@code MAIL_SSL},
 * {@code MAIL_TIMEOUT_MS}). The defaults are the local SMTP server of config/start. Authentication
 * is used only when a user is set.
 */
public record SmtpSettings(
    String host,
    int port,
    String user,
    String password,
    String from,
    boolean starttls,
    boolean ssl,
    Duration timeout) {

  public static SmtpSettings from(Config config) {
    return new SmtpSettings(
        config.getOptionalValue("mail.host", String.class).orElse("localhost"),
        config.getOptionalValue("mail.port", Integer.class).orElse(3025),
        config.getOptionalValue("mail.user", String.class).orElse(""),
        config.getOptionalValue("mail.pass", String.class).orElse(""),
        config.getOptionalValue("mail.from", String.class).orElse("Chat <no-reply@chat.local>"),
        config.getOptionalValue("mail.starttls", Boolean.class).orElse(false),
        config.getOptionalValue("mail.ssl", Boolean.class).orElse(false),
        Duration.ofMillis(config.getOptionalValue("mail.timeout-ms", Long.class).orElse(5000L)));
  }

  /** A plain, unauthenticated server, as in tests. */
  public static SmtpSettings plain(String host, int port, String from) {
    return new SmtpSettings(host, port, "", "", from, false, false, Duration.ofSeconds(5));
  }

  public boolean authenticated() {
    return user != null && !user.isBlank();
  }

  /** The Jakarta Mail session properties. */
  Properties sessionProperties() {
    String millis = Long.toString(timeout.toMillis());
    Properties properties = new Properties();
    properties.put("mail.transport.protocol", "smtp");
    properties.put("mail.smtp.host", host);
    properties.put("mail.smtp.port", Integer.toString(port));
    properties.put("mail.smtp.connectiontimeout", millis);
    properties.put("mail.smtp.timeout", millis);
    properties.put("mail.smtp.auth", Boolean.toString(authenticated()));
    if (starttls) {
      // Required, not opportunistic: never send credentials or codes in clear by falling back.
      properties.put("mail.smtp.starttls.enable", "true");
      properties.put("mail.smtp.starttls.required", "true");
    }
    if (ssl) {
      properties.put("mail.smtp.ssl.enable", "true");
    }
    if (starttls || ssl) {
      properties.put("mail.smtp.ssl.checkserveridentity", "true");
    }
    return properties;
  }

  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + (authenticated() ? ", user " + user : "") + "]";
  }
}
