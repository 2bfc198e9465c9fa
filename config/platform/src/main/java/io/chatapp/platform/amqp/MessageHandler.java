package io.chatapp.platform.amqp;

/**
 * Handles one delivery. Returning acks it; throwing {@link PoisonMessageException} parks it in the
 * dead-letter queue; any other exception schedules a delayed retry.
 */
@FunctionalInterface
public interface MessageHandler {
  void handle(byte[] body, String messageId) throws Exception;
}
