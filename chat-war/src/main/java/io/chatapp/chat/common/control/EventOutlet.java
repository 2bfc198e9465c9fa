package io.chatapp.chat.common.control;

import java.util.concurrent.CompletableFuture;

/**
 * Where what the domain events set off leaves this instance: the frames the WebSocket side makes of
 * them go out through an outbox, a little later than the event. What must not be forgotten before
 * its frames are out waits for {@link #sent}: the pipeline's delivery, acked only then, and a
 * request that tells others, answered only then ({@code TellsOthersFilter}). Implemented by the
 * realtime bus; {@link DomainEvents#handedOn} asks it.
 */
public interface EventOutlet {

  /** Completes once everything handed to the outlet so far has left this instance. */
  CompletableFuture<Void> sent();
}
