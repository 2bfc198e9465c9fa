package io.chatapp.chat.common.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;

/**
 * Fires the service's domain events ({@code ChatCreated}, {@code MessageSent}, {@code ChatRefresh},
 * {@code MessagesRead}) as CDI events, synchronously, for the WebSocket side to turn into frames.
 * One place, so code outside the container can watch what is fired.
 */
@ApplicationScoped
public class DomainEvents {

  @Inject Event<Object> events;
  @Inject Instance<EventOutlet> outlet;

  /** Fires the event to every observer of its type; an observer's failure reaches the caller. */
  public void fire(Object event) {
    events.fire(event);
  }

  /**
   * Completes once what the events fired so far set off has left this instance (their frames are
   * published): at once outside the container, or with nothing waiting to go out.
   */
  public CompletableFuture<Void> handedOn() {
    return outlet == null || !outlet.isResolvable()
        ? CompletableFuture.completedFuture(null)
        : outlet.get().sent();
  }
}
