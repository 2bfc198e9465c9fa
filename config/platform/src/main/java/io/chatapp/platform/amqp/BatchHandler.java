package io.chatapp.platform.amqp;

import java.util.List;

/**
 * Handles the deliveries a consumer has at hand, together: one database round trip or one publish
 * for many messages instead of one each. Returning acks them all. Throwing makes the consumer try
 * each delivery alone ({@link MessageHandler} rules: a {@link PoisonMessageException} parks it, any
 * other exception schedules its delayed retry), so one bad message never holds back the others.
 */
@FunctionalInterface
public interface BatchHandler {
  void handle(List<byte[]> bodies) throws Exception;
}
