package io.chatapp.chat.realtime.control;

import io.chatapp.chat.chats.control.ChatMembers;
import io.chatapp.chat.chats.control.Contacts;
import io.chatapp.chat.support.ChatHarness;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;

/** A started {@link RealtimeBus} of one instance, on the harness's real Redis. */
final class TestBus {

  private TestBus() {}

  /** The bus of an instance whose sockets are {@code sessions}; stop it when done. */
  static RealtimeBus started(ChatHarness stack, LocalSessions sessions, ChatMembers members) {
    RealtimeBus bus = new RealtimeBus();
    bus.redis = stack.redis;
    bus.sessions = sessions;
    bus.contacts = new Contacts(stack.chatStore);
    bus.memberships = new MembershipOrders(stack.redis, members);
    bus.delivered = new NoEvents<>();
    bus.deliveredToMembers = new NoEvents<>();
    bus.threadFactory = Executors.defaultThreadFactory();
    bus.start();
    return bus;
  }

  /** CDI's event outside the container: nobody observes. */
  private static final class NoEvents<T> implements Event<T> {
    @Override
    public void fire(T event) {}

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
      return CompletableFuture.completedFuture(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
      return CompletableFuture.completedFuture(event);
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      return new NoEvents<>();
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
      return new NoEvents<>();
    }
  }
}
