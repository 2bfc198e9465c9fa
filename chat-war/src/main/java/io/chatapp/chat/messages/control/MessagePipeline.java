package io.chatapp.chat.messages.control;

import io.chatapp.chat.messages.entity.Addressed;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.concurrent.Futures;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Carries an accepted message through its steps, in one order: {@link MessageSteps#store} first,
 * and only once it is stored {@link MessageSteps#deliver} and {@link MessageSteps#announce}. Each
 * step is retried until it succeeds (then parked), so a message that was accepted is never lost.
 * Implemented on RabbitMQ in {@code messages.broker}; no feature sees the broker itself.
 */
public interface MessagePipeline {

  /**
   * Hands the message over with its addressing, a 1:1 recipient or a group's members: the future
   * completes once it is safely queued for storage, and fails with a 503 ({@link
   * io.chatapp.platform.rest.DependencyUnavailableException}) when it could not be. What goes on
   * from it may run on the pipeline's own thread: it should be short.
   */
  CompletableFuture<Void> handOver(Addressed addressed);

  /** Hands the message over as {@link #handOver} does, and returns once it is queued; else 503. */
  default void accept(Addressed addressed) {
    Futures.join(handOver(addressed));
  }

  /** Hands a 1:1 message over to its recipient, as {@link #accept(Addressed)} does. */
  default void accept(Message message, UserId recipient) {
    accept(new Addressed(message, recipient));
  }

  /** Messages waiting for a step across all instances, or empty when that is not known now. */
  OptionalLong backlog();
}
