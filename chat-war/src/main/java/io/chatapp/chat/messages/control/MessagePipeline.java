package io.chatapp.chat.messages.control;

import io.chatapp.chat.messages.entity.Addressed;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.users.entity.UserId;
import java.util.OptionalLong;

/**
 * Carries an accepted message through its steps, in one order: {@link MessageSteps#store} first,
 * and only once it is stored {@link MessageSteps#handOn}, which delivers and announces it. Storing
 * is retried until it succeeds (then parked), so a message that was accepted is never lost, and the
 * hand-on with it until its frames have left the instance. Implemented on RabbitMQ in {@code
 * messages.broker}; no feature sees the broker itself.
 */
public interface MessagePipeline {

  /** Hands the message over; returns once it is safely queued for storage, else 503. */
  void accept(Message message, UserId recipient);

  /**
   * Hands the message over with its addressing, a 1:1 recipient or a group's members, as {@link
   * #accept(Message, UserId)}. A pipeline that only knows 1:1 chats refuses group messages.
   */
  default void accept(Addressed addressed) {
    if (addressed.isGroup()) {
      throw new UnsupportedOperationException("This pipeline carries no group messages");
    }
    accept(addressed.message(), addressed.recipient());
  }

  /** Messages waiting for a step across all instances, or empty when that is not known now. */
  OptionalLong backlog();
}
