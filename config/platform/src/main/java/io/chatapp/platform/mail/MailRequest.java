package io.chatapp.platform.mail;

/** One mail to send, as carried on {@code send-otp}: {@code {"to", "subject", "body"}}. */
public record MailRequest(String to, String subject, String body) {}
