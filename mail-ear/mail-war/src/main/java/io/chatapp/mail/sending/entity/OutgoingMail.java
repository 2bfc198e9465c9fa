package io.chatapp.mail.sending.entity;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One mail as the service will send it: a single plain recipient address, a one-line subject and a
 * plain-text body. The checks live here so that nothing unchecked ever reaches a mail header: a
 * line break in the recipient or the subject would let a sender add headers or recipients.
 */
public record OutgoingMail(String to, String subject, String text) {

  static final int MAX_ADDRESS_LENGTH = 254;
  static final int MAX_SUBJECT_LENGTH = 200;
  static final int MAX_TEXT_LENGTH = 20_000;

  public OutgoingMail {
    to = checkAddress(to);
    subject = checkSubject(subject);
    text = checkText(text);
  }

  private static String checkAddress(String to) {
    if (to == null || to.isBlank()) {
      throw new IllegalArgumentException("recipient missing");
    }
    if (hasControlCharacter(to) || to.length() > MAX_ADDRESS_LENGTH) {
      throw new IllegalArgumentException("recipient is not a single valid address");
    }
    try {
      InternetAddress address = new InternetAddress(to.strip(), true);
      address.validate();
      if (address.isGroup() || !address.getAddress().equals(to.strip())) {
        throw new IllegalArgumentException("recipient is not a single plain address");
      }
      return address.getAddress();
    } catch (AddressException e) {
      throw new IllegalArgumentException("recipient is not a single valid address");
    }
  }

  private static String checkSubject(String subject) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("subject missing");
    }
    if (hasControlCharacter(subject)) {
      throw new IllegalArgumentException("subject must be one line without control characters");
    }
    if (subject.length() > MAX_SUBJECT_LENGTH) {
      throw new IllegalArgumentException("subject longer than " + MAX_SUBJECT_LENGTH);
    }
    return subject.strip();
  }

  private static String checkText(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("body missing");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException("body longer than " + MAX_TEXT_LENGTH);
    }
    return text;
  }

  private static boolean hasControlCharacter(String value) {
    return value.chars().anyMatch(Character::isISOControl);
  }
}
