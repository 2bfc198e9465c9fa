package io.chatapp.chat.realtime.control;

import static io.chatapp.chat.realtime.control.TestSockets.BUDGET;
import static io.chatapp.chat.realtime.control.TestSockets.TOKEN;
import static io.chatapp.chat.realtime.control.TestSockets.recording;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.chat.chats.control.ChatMembers;
import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.GroupName;
import io.chatapp.chat.chats.entity.NewMembers;
import io.chatapp.chat.realtime.entity.Frame;
import io.chatapp.chat.support.ChatHarness;
import io.chatapp.chat.support.HarnessTest;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.testsupport.Poll;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances' real-time buses on the real Redis channel, each with its own membership cache over
 * the same database: a group change told on one makes the other forget the group before the telling
 * returns, so it refuses a removed member on its very next check. A frame reaches every socket it
 * is for once, in order, on the instance that sent it and on the other.
 */
class GroupMembershipAcrossInstancesTest extends HarnessTest {

  private RealtimeBus first;
  private RealtimeBus second;
  private ChatMembers firstMembers;
  private ChatMembers secondMembers;

  @BeforeAll
  void start() throws Exception {
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
  }

  private RealtimeBus bus(ChatMembers members) {
    return TestBus.started(stack, new LocalSessions(), members);
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
    first.memberships.forgetMembers(group.id());
    // in force on the other instance once told: the change is answered to its client only then
    assertThat(secondMembers.of(group.id()).orElseThrow()).containsExactly(ann, bob);
    assertThat(firstMembers.of(group.id()).orElseThrow()).containsExactly(ann, bob);
    assertThat(secondMembers.membership(group.id()).orElseThrow().group()).isTrue();
  }

  @Test
  void aFrameReachesEverySocketItIsForOnceOnEitherInstance() throws Exception {
    UserId here = new UserId(new ObjectId().toHexString());
    UserId there = new UserId(new ObjectId().toHexString());
    List<String> hereGot = new CopyOnWriteArrayList<>();
    List<String> thereGot = new CopyOnWriteArrayList<>();
    first.sessions.add(recording("here-" + here, hereGot), here, 16, Runnable::run, BUDGET, TOKEN);
    second.sessions.add(
        recording("there-" + there, thereGot), there, 16, Runnable::run, BUDGET, TOKEN);

    for (int i = 0; i < 3; i++) {
      first.toUsers(List.of(here, there), Frame.of("test:frame", Json.createValue(i)));
    }
    first.sent().get(5, TimeUnit.SECONDS);
    Poll.until(
        Duration.ofSeconds(5), "the frames on the other instance", () -> thereGot.size() >= 3);
    Thread.sleep(300); // a copy heard back from the channel would arrive meanwhile

    assertThat(hereGot).as("on the sending instance, in order, once").hasSize(3);
    assertThat(thereGot).as("on the other instance, in order, once").isEqualTo(hereGot);
    assertThat(hereGot.get(0)).contains("test:frame");
  }
}
