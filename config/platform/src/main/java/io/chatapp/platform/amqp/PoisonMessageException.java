package io.chatapp.platform.amqp;

/** A message that can never be handled (malformed): it goes straight to the dead-letter queue. */
public class PoisonMessageException extends Exception {
  public PoisonMessageException(String reason) {
    super(reason);
  }
}
