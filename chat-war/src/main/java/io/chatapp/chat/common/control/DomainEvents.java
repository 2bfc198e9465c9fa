package io.chatapp.chat.common.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Fires the service's domain events ({@code ChatCreated}, {@code MessageSent}, {@code ChatRefresh},
 * {@code MessagesRead}) as CDI events, synchronously, for the WebSocket side to turn into frames.
 * One place, so code outside the container can watch what is fired.
 */
@ApplicationScoped
public class DomainEvents {

  @Inject Event<Object> events;

  /** Fires the event to every observer of its type; an observer's failure reaches the caller. */
  public void fire(Object event) {
    events.fire(event);
  }
}
