package io.chatapp.chat.support;

import io.chatapp.chat.common.control.DomainEvents;
import io.chatapp.chat.messages.entity.MessageSent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The service's event bus outside the container: keeps every event fired, for assertions. What the
 * events set off is handed on at once, unless a test made the hand-on after a message fail once (as
 * the realtime bus's outbox would, had its publish failed), or made firing its {@code message:new}
 * throw (as an observer that fails would).
 */
public final class RecordingEvents extends DomainEvents {

  private final List<Object> fired = new CopyOnWriteArrayList<>();
  private final ThreadLocal<List<Object>> firedSinceHandOn =
      ThreadLocal.withInitial(ArrayList::new);
  private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> throwing = new ConcurrentHashMap<>();

  @Override
  public void fire(Object event) {
    if (event instanceof MessageSent sent
        && throwing.computeIfPresent(sent.message().text(), (text, left) -> left - 1) != null) {
      throwing.remove(sent.message().text(), 0);
      throw new IllegalStateException("An observer failed (a test)");
    }
    fired.add(event);
    firedSinceHandOn.get().add(event);
  }

  /** Firing {@code message:new} for a message with this text throws, the next {@code times}. */
  public void throwOnMessageNew(String text, int times) {
    throwing.put(text, times);
  }

  /** The next hand-on after {@code message:new} for a message with this text fails, once. */
  public void failHandOnOnce(String text) {
    failOnce.add(text);
  }

  @Override
  public CompletableFuture<Void> handedOn() {
    List<Object> events = firedSinceHandOn.get();
    firedSinceHandOn.remove();
    boolean fails =
        events.stream()
            .anyMatch(
                event ->
                    event instanceof MessageSent sent && failOnce.remove(sent.message().text()));
    return fails
        ? CompletableFuture.failedFuture(new IllegalStateException("the outbox failed (a test)"))
        : CompletableFuture.completedFuture(null);
  }

  public <T> List<T> of(Class<T> type) {
    return fired.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
