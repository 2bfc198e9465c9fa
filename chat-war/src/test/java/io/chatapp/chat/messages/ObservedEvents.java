package io.chatapp.chat.messages;

import io.chatapp.chat.chats.entity.ChatCreated;
import io.chatapp.chat.messages.control.MessageStore;
import io.chatapp.chat.messages.entity.ChatRefresh;
import io.chatapp.chat.messages.entity.MessageSent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A CDI observer deployed beside the application's own (EventRelay): records the domain events the
 * container delivers, on which thread, and whether a delivered message was stored by then. It can
 * be told to fail once on a message text, as an observer that throws would.
 */
@ApplicationScoped
public class ObservedEvents {

  /** An event as it reached this observer. */
  public record Seen(Object event, String thread, boolean storedAlready) {}

  @Inject MessageStore store;

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Set<String> failOnce = ConcurrentHashMap.newKeySet();

  void chatCreated(@Observes ChatCreated event) {
    seen.add(new Seen(event, Thread.currentThread().getName(), false));
  }

  void messageSent(@Observes MessageSent event) {
    boolean stored = store.find(event.message().id()).isPresent();
    seen.add(new Seen(event, Thread.currentThread().getName(), stored));
    if (failOnce.remove(event.message().text())) {
      throw new IllegalStateException("An observer failed on purpose");
    }
  }

  void chatRefresh(@Observes ChatRefresh event) {
    seen.add(new Seen(event, Thread.currentThread().getName(), false));
  }

  /** The first delivery of a message with this text makes this observer throw. */
  public void failOnceOn(String text) {
    failOnce.add(text);
  }

  public <T> List<Seen> of(Class<T> type) {
    return seen.stream().filter(found -> type.isInstance(found.event())).toList();
  }
}
