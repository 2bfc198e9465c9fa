package io.chatapp.devstack;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;

/** One mail as a person (or a test) reads it: recipient, subject, plain text. */
public record ReceivedMail(
    String to, String subject, String text, String html, Instant receivedAt) {

  static ReceivedMail of(MimeMessage message) throws Exception {
    var recipients = message.getRecipients(Message.RecipientType.TO);
    String to = recipients == null || recipients.length == 0 ? "" : recipients[0].toString();
    Instant received =
        message.getReceivedDate() != null
            ? message.getReceivedDate().toInstant()
            : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.EPOCH;
    return new ReceivedMail(
        to,
        message.getSubject() == null ? "" : message.getSubject(),
        part(message, "text/plain"),
        part(message, "text/html"),
        received);
  }

  private static String part(Part part, String type) throws Exception {
    if (part.isMimeType(type)) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String found = part(body, type);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    return "";
  }

  String toJson() {
    return "{\"to\":"
        + quote(to)
        + ",\"subject\":"
        + quote(subject)
        + ",\"text\":"
        + quote(text)
        + ",\"html\":"
        + quote(html)
        + ",\"receivedAt\":"
        + quote(receivedAt.toString())
        + "}";
  }

  private static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
