package io.chatapp.chat.messages.control;

import io.chatapp.chat.messages.entity.Addressed;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.users.entity.UserId;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Carries an accepted message through its steps, in one order: {@link MessageSteps#store} first,
 * and only once it is stored {@link MessageSteps#deliver} and {@link MessageSteps#announce}. Each
 * step is retried until it succeeds (then parked), so a message that was accepted is never lost.
 * Implemented on RabbitMQ in {@code messages.broker}; no feature sees the broker itself.
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

  /**
   * Hands the message over as {@link #accept(Addressed)} does, without waiting: the future
   * completes once the message is safely queued for storage, or fails with the 503 {@code accept}
   * would throw. It may complete on a thread of the pipeline's own, so what depends on it must be
   * quick. This default waits; a pipeline that can tell later overrides it.
   */
  default CompletableFuture<Void> acceptAsync(Addressed addressed) {
    try {
      accept(addressed);
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException refused) {
      return CompletableFuture.failedFuture(refused);
    }
  }

  /** Messages waiting for a step across all instances, or empty when that is not known now. */
  OptionalLong backlog();
}
