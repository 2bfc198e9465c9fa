package io.chatapp.chat.support;

import io.chatapp.chat.common.control.DomainEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The service's event bus outside the container: keeps every event fired, for assertions. */
public final class RecordingEvents extends DomainEvents {

  private final List<Object> fired = new CopyOnWriteArrayList<>();

  @Override
  public void fire(Object event) {
    fired.add(event);
  }

  public <T> List<T> of(Class<T> type) {
    return fired.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
