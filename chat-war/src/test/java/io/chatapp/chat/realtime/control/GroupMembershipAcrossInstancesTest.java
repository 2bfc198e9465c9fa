package io.chatapp.chat.realtime.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.chat.chats.control.ChatMembers;
import io.chatapp.chat.chats.control.Contacts;
import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.GroupName;
import io.chatapp.chat.chats.entity.NewMembers;
import io.chatapp.chat.support.ChatHarness;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances' real-time buses on the real Redis channel, each with its own membership cache over
 * the same database: a group change told on one makes the other forget the group before the telling
 * returns, so it refuses a removed member on its very next check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupMembershipAcrossInstancesTest {

  private ChatHarness stack;
  private RealtimeBus first;
  private RealtimeBus second;
  private ChatMembers firstMembers;
  private ChatMembers secondMembers;

  @BeforeAll
  void start() throws Exception {
    stack = new ChatHarness();
    stack.startPipeline();
    firstMembers = new ChatMembers(stack.chatStore);
    secondMembers = new ChatMembers(stack.chatStore);
    first = bus(firstMembers);
    second = bus(secondMembers);
  }

  @AfterAll
  void stop() throws Exception {
    for (RealtimeBus bus : List.of(first, second)) {
      if (bus != null) {
        bus.stop();
      }
    }
    if (stack != null) {
      stack.close();
    }
  }

  private RealtimeBus bus(ChatMembers members) {
    RealtimeBus bus = new RealtimeBus();
    bus.redis = stack.redis;
    bus.sessions = new LocalSessions();
    bus.contacts = new Contacts(stack.chatStore);
    bus.members = members;
    bus.delivered = new NoEvents<>();
    bus.deliveredToMembers = new NoEvents<>();
    bus.threadFactory = Executors.defaultThreadFactory();
    bus.start();
    return bus;
  }

  @Test
  void aRemovedMemberIsForgottenOnTheOtherInstance() {
    UserId ann = stack.userService.add("Ann");
    UserId bob = stack.userService.add("Bob");
    UserId cid = stack.userService.add("Cid");
    Chat group =
        stack.groups.create(
            ann,
            new GroupName("Two instances"),
            NewMembers.forGroup(ann, List.of(bob, cid)),
            ChatHarness.TOKEN);
    assertThat(firstMembers.of(group.id()).orElseThrow()).contains(cid);
    assertThat(secondMembers.of(group.id()).orElseThrow()).contains(cid);

    stack.groups.remove(ann, group.id(), cid, ChatHarness.TOKEN);
    firstMembers.forget(group.id()); // what the instance that made the change does at once
    first.forgetMembers(group.id());
    // in force on the other instance once told: the change is answered to its client only then
    assertThat(secondMembers.of(group.id()).orElseThrow()).containsExactly(ann, bob);
    assertThat(firstMembers.of(group.id()).orElseThrow()).containsExactly(ann, bob);
    assertThat(secondMembers.membership(group.id()).orElseThrow().group()).isTrue();
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
