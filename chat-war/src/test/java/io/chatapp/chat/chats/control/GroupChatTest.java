package io.chatapp.chat.chats.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.chat.chats.boundary.ChatJson;
import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.chats.entity.Group;
import io.chatapp.chat.chats.entity.GroupEvents;
import io.chatapp.chat.chats.entity.GroupName;
import io.chatapp.chat.chats.entity.NewMembers;
import io.chatapp.chat.common.entity.ObjectIds;
import io.chatapp.chat.messages.control.MessageHistory;
import io.chatapp.chat.messages.control.SystemMessages;
import io.chatapp.chat.messages.entity.GroupMessagesRead;
import io.chatapp.chat.messages.entity.MemberDelivery;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageSent;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.support.ChatHarness;
import io.chatapp.chat.support.HarnessTest;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.DependencyUnavailableException;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.redis.RedisConnection;
import io.chatapp.platform.rest.RefusalMapper;
import io.chatapp.testsupport.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Group chats end to end outside the container, on the real RabbitMQ (this run's own exchange and
 * queues), Redis and the embedded MongoDB-compatible server, with an HTTP stand-in for user-war:
 * making a group, messages to every member, read positions, membership changes with their system
 * messages and events, and what someone removed still reads.
 */
class GroupChatTest extends HarnessTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String TOKEN = ChatHarness.TOKEN;

  private record Trio(UserId ann, UserId bob, UserId cid, ChatId chat) {}

  private Trio group() {
    UserId ann = stack.userService.add("Ann");
    UserId bob = stack.userService.add("Bob");
    UserId cid = stack.userService.add("Cid");
    Chat chat =
        stack.groups.create(
            ann, new GroupName(" Crew "), NewMembers.forGroup(ann, List.of(bob, cid)), TOKEN);
    return new Trio(ann, bob, cid, chat.id());
  }

  private Message send(UserId from, ChatId chat, String text) {
    return stack.messages.send(from, chat, new MessageText(text), Optional.empty());
  }

  private Chat chat(ChatId id) {
    return stack.chatStore.find(id).orElseThrow();
  }

  /** The chat's messages once {@code count} are stored, as {@code reader} pages them. */
  private List<Message> awaitPage(UserId reader, ChatId chat, int count) {
    Poll.until(DEADLINE, count + " messages stored", () -> chat(chat).seq() >= count);
    Poll.until(
        DEADLINE,
        count + " messages readable",
        () -> stack.messageStore.page(chat, count, 100).size() >= count);
    return stack.history.page(reader, chat, Optional.empty(), 100).messages();
  }

  @Test
  void aGroupIsMadeWithASystemMessageAndListedForEveryMember() {
    Trio g = group();
    Chat chat = chat(g.chat());
    assertThat(chat.isGroup()).isTrue();
    assertThat(chat.users()).containsExactly(g.ann(), g.bob(), g.cid());
    assertThat(chat.group().name().value()).isEqualTo("Crew");
    assertThat(chat.group().admins()).containsExactly(g.ann());
    assertThat(stack.events.of(GroupEvents.MembersAdded.class))
        .contains(new GroupEvents.MembersAdded(g.chat(), g.ann(), List.of(g.bob(), g.cid())));

    List<Message> page = awaitPage(g.bob(), g.chat(), 1);
    assertThat(page).hasSize(1);
    assertThat(page.get(0).messageType()).isEqualTo("system");
    assertThat(page.get(0).text()).isEqualTo("Ann created \u201CCrew\u201D with Bob and Cid");
    assertThat(page.get(0).sender()).isEqualTo(g.ann());

    for (UserId member : List.of(g.ann(), g.bob(), g.cid())) {
      ChatService.Listed listed =
          stack.chats.list(member, TOKEN).stream()
              .filter(l -> l.chat().id().equals(g.chat()))
              .findFirst()
              .orElseThrow();
      assertThat(listed.otherUser()).isNull();
      assertThat(listed.members()).extracting(p -> p.getString("name")).contains("Bob", "Cid");
      assertThat(ChatJson.of(listed.chat(), member).getBoolean("isGroup")).isTrue();
    }
    // the creator's own message counts as read; the others have one unseen
    assertThat(chat(g.chat()).unreadFor(g.ann())).isZero();
    assertThat(chat(g.chat()).unreadFor(g.cid())).isEqualTo(1);
  }

  @Test
  void creatingRefusesUnknownUsersAndUnknownCallers() {
    UserId ann = stack.userService.add("Ann");
    UserId bob = stack.userService.add("Bob");
    UserId nobody = new UserId(ObjectIds.fresh());
    assertThatThrownBy(
            () ->
                stack.groups.create(
                    ann, new GroupName("x"), NewMembers.forGroup(ann, List.of(bob, nobody)), TOKEN))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("No user with id " + nobody);
    assertThatThrownBy(
            () ->
                stack.groups.create(
                    nobody,
                    new GroupName("x"),
                    NewMembers.forGroup(nobody, List.of(ann, bob)),
                    TOKEN))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void aMessageGoesToEveryMemberAndReadingMovesOnePosition() {
    Trio g = group();
    Message hello = send(g.bob(), g.chat(), "hello group");
    Poll.until(
        DEADLINE,
        "message:new for the group",
        () ->
            stack.events.of(MessageSent.class).stream()
                .anyMatch(
                    e ->
                        e.message().id().equals(hello.id())
                            && e.inGroup()
                            && e.recipients().containsAll(List.of(g.ann(), g.cid()))
                            && !e.recipients().contains(g.bob())));
    awaitPage(g.bob(), g.chat(), 2);
    Chat chat = chat(g.chat());
    assertThat(chat.latestMessage().text()).isEqualTo("hello group");
    assertThat(chat.unreadFor(g.bob())).isZero(); // the sender read up to their own message
    assertThat(chat.unreadFor(g.ann())).isEqualTo(1);
    assertThat(chat.unreadFor(g.cid())).isEqualTo(2);

    List<MessageId> read = stack.history.markRead(g.cid(), g.chat(), List.of(hello.id()));
    assertThat(read).containsExactly(hello.id());
    assertThat(stack.events.of(GroupMessagesRead.class))
        .anyMatch(
            e ->
                e.chatId().equals(g.chat())
                    && e.readerId().equals(g.cid())
                    && e.messageIds().equals(List.of(hello.id()))
                    && e.members().containsAll(List.of(g.ann(), g.bob(), g.cid())));
    chat = chat(g.chat());
    assertThat(chat.unreadFor(g.cid())).isZero();
    assertThat(chat.group().readBy(g.cid())).isEqualTo(2);
    // positions only: nothing was written on the messages themselves
    assertThat(stack.messageStore.find(hello.id()).orElseThrow().seen()).isFalse();

    MessageHistory.Page page = stack.history.page(g.ann(), g.chat(), Optional.empty(), 50);
    assertThat(page.otherUser()).isNull();
    Chat after = chat(g.chat());
    assertThat(after.unreadFor(g.ann())).isZero();
    assertThat(after.group().readers(2, g.bob()))
        .extracting(r -> r.user())
        .containsExactlyInAnyOrder(g.ann(), g.cid());
  }

  @Test
  void deliveredPositionsGiveDeliveredTo() {
    Trio g = group();
    Message hello = send(g.ann(), g.chat(), "delivered?");
    awaitPage(g.ann(), g.chat(), 2);
    stack.deliveries.ofGroupMessages(
        List.of(
            new MemberDelivery(g.chat(), g.bob(), 2L, hello.createdAt()),
            new MemberDelivery(g.chat(), g.cid(), 1L, hello.createdAt()),
            new MemberDelivery(g.chat(), g.bob(), 1L, hello.createdAt())));
    stack.deliveries.ofGroupMessages(
        List.of(new MemberDelivery(g.chat(), g.bob(), 1L, hello.createdAt())));
    Chat chat = chat(g.chat());
    assertThat(chat.group().delivered()).containsEntry(g.bob(), 2L).containsEntry(g.cid(), 1L);
    assertThat(chat.group().receivers(2, g.ann())).containsExactly(g.bob());
  }

  @Test
  void someoneRemovedReadsUpToTheRemovalAndNothingAfterAndCannotSend() {
    Trio g = group();
    send(g.bob(), g.chat(), "before");
    awaitPage(g.ann(), g.chat(), 2);
    // the membership cache knows the group now
    assertThat(stack.chats.membership(g.cid(), g.chat()).group()).isTrue();

    stack.groups.remove(g.ann(), g.chat(), g.cid(), TOKEN);
    assertThat(stack.events.of(GroupEvents.MemberRemoved.class))
        .contains(new GroupEvents.MemberRemoved(g.chat(), g.cid()));
    assertThat(stack.events.of(GroupEvents.Updated.class))
        .contains(
            new GroupEvents.Updated(
                g.chat(), new GroupName("Crew"), List.of(g.ann(), g.bob()), List.of(g.ann())));
    assertThatThrownBy(() -> send(g.cid(), g.chat(), "still here?"))
        .isInstanceOfSatisfying(
            Refusal.class, e -> assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(403));
    assertThatThrownBy(() -> stack.history.markRead(g.cid(), g.chat(), List.of()))
        .isInstanceOf(Refusal.class);

    Message after = send(g.bob(), g.chat(), "after Cid left");
    List<Message> bobs = awaitPage(g.bob(), g.chat(), 4);
    assertThat(bobs).extracting(Message::text).contains("Ann removed Cid", "after Cid left");
    List<Message> cids = stack.history.page(g.cid(), g.chat(), Optional.empty(), 100).messages();
    assertThat(cids).extracting(Message::text).endsWith("before", "Ann removed Cid");
    assertThat(cids).extracting(Message::id).doesNotContain(after.id());
    assertThat(stack.history.page(g.cid(), g.chat(), Optional.of(after.id()), 100).messages())
        .extracting(Message::id)
        .doesNotContain(after.id());
    Chat chat = chat(g.chat());
    assertThat(ChatJson.of(chat, g.cid()).getBoolean("left")).isTrue();
    assertThat(ChatJson.of(chat, g.cid()).getJsonObject("latestMessage").getString("text"))
        .isEqualTo("Ann removed Cid");
    assertThat(chat.unreadFor(g.cid())).isZero();
    assertThat(stack.chats.list(g.cid(), TOKEN))
        .anyMatch(l -> l.chat().id().equals(g.chat()) && l.members().isEmpty());

    // added back, they read everything again
    stack.groups.add(g.ann(), g.chat(), new NewMembers(List.of(g.cid())), TOKEN);
    assertThat(stack.chats.membership(g.cid(), g.chat()).users()).contains(g.cid());
    assertThat(stack.history.page(g.cid(), g.chat(), Optional.empty(), 100).messages())
        .extracting(Message::id)
        .contains(after.id());
  }

  @Test
  void theLastAdminLeavingHandsAdminToTheLongestStandingMember() {
    Trio g = group();
    stack.groups.remove(g.ann(), g.chat(), g.ann(), TOKEN);
    Chat chat = chat(g.chat());
    assertThat(chat.users()).containsExactly(g.bob(), g.cid());
    assertThat(chat.group().admins()).containsExactly(g.bob());
    List<Message> page = awaitPage(g.bob(), g.chat(), 2);
    assertThat(page.get(page.size() - 1).text()).isEqualTo("Ann left; Bob is now an admin");
  }

  @Test
  void aChangeDecidedFromMembersThatChangedMeanwhileChangesNothing() {
    Trio g = group();
    UserId dan = stack.userService.add("Dan");
    Chat seen = chat(g.chat()); // what a second admin's request read, just before the first won
    stack.groups.remove(g.ann(), g.chat(), g.cid(), TOKEN);
    Chat now = chat(g.chat());

    Group.Departure departure =
        new Group.Departure(99, Instant.now(), seen.group().name(), "Ann removed Bob", g.ann());
    assertThat(stack.groupStore.remove(seen, g.bob(), List.of(g.ann()), departure)).isFalse();
    assertThat(stack.groupStore.add(seen, List.of(dan), 99, Instant.now())).isFalse();
    assertThat(stack.groupStore.rename(seen, new GroupName("Stale"))).isFalse();
    assertThat(chat(g.chat()).group().name()).isEqualTo(new GroupName("Crew"));
    assertThat(chat(g.chat()).users()).isEqualTo(now.users()).containsExactly(g.ann(), g.bob());
    assertThat(chat(g.chat()).group().former()).doesNotContainKey(g.bob());

    // decided from the members as they are, the same changes are made
    assertThat(stack.groupStore.add(now, List.of(dan), 99, Instant.now())).isTrue();
    assertThat(chat(g.chat()).users()).containsExactly(g.ann(), g.bob(), dan);
  }

  @Test
  void twoAdminsChangingTheGroupAtOnceNeverLeaveItWithoutAnAdmin() throws Exception {
    for (int round = 0; round < 10; round++) {
      Trio g = group();
      stack.groups.remove(g.ann(), g.chat(), g.ann(), TOKEN); // Bob is now the admin
      stack.groups.add(g.bob(), g.chat(), new NewMembers(List.of(g.ann())), TOKEN);
      // Bob leaves (handing admin to the longest-standing, Cid) while... Cid leaves too
      List<Callable<Integer>> both =
          List.of(
              () -> status(() -> stack.groups.remove(g.bob(), g.chat(), g.bob(), TOKEN)),
              () -> status(() -> stack.groups.remove(g.cid(), g.chat(), g.cid(), TOKEN)));
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : threads.invokeAll(both)) {
          statuses.add(answer.get());
        }
        assertThat(statuses).allMatch(status -> status == 200 || status == 409);
      } finally {
        threads.shutdown();
      }
      Chat chat = chat(g.chat());
      assertThat(chat.group().admins()).isNotEmpty();
      assertThat(chat.users()).containsAll(chat.group().admins());
    }
  }

  @Test
  void changesAtOnceAreToldInTheOrderTheyWereMadeToTheMembersOfTheirTime() throws Exception {
    // a race: with the rename not conditional on the name, one run in two failed in 10 rounds
    for (int round = 0; round < 30; round++) {
      Trio g = group();
      UserId dan = stack.userService.add("Dan");
      List<Callable<Integer>> both =
          List.of(
              () ->
                  status(
                      () ->
                          stack.groups.add(g.ann(), g.chat(), new NewMembers(List.of(dan)), TOKEN)),
              () -> status(() -> stack.groups.remove(g.ann(), g.chat(), g.cid(), TOKEN)),
              () ->
                  status(
                      () -> stack.groups.rename(g.ann(), g.chat(), new GroupName("New"), TOKEN)));
      ExecutorService threads = Executors.newFixedThreadPool(3);
      try {
        for (Future<Integer> answer : threads.invokeAll(both)) {
          assertThat(answer.get()).isIn(200, 409);
        }
      } finally {
        threads.shutdown();
      }
      Chat chat = chat(g.chat());
      Optional<Group.Departure> left = chat.group().departureOf(g.cid());
      if (left.isEmpty()) {
        continue;
      }
      // nothing numbered after Cid's removal was sent to Cid
      Poll.until(
          DEADLINE, "the changes' messages sent", () -> chat(g.chat()).seq() >= left.get().seq());
      assertThat(stack.events.of(MessageSent.class))
          .filteredOn(sent -> sent.chatId().equals(g.chat()))
          .filteredOn(sent -> sent.message().seq() > left.get().seq())
          .allSatisfy(sent -> assertThat(sent.recipients()).doesNotContain(g.cid()));
    }
  }

  /** 200 when the change was made, else the status it was refused with. */
  private static int status(Runnable change) {
    try {
      change.run();
      return 200;
    } catch (Refusal e) {
      return RefusalMapper.response(e).getStatus();
    }
  }

  @Test
  void onlyAdminsAddRemoveAndRenameAndOnlyMembersOfGroups() {
    Trio g = group();
    UserId dan = stack.userService.add("Dan");
    UserId outsider = stack.userService.add("Eve");
    assertStatus(
        403, () -> stack.groups.add(g.bob(), g.chat(), new NewMembers(List.of(dan)), TOKEN));
    assertStatus(403, () -> stack.groups.remove(g.bob(), g.chat(), g.cid(), TOKEN));
    assertStatus(403, () -> stack.groups.rename(g.bob(), g.chat(), new GroupName("x"), TOKEN));
    assertStatus(403, () -> stack.groups.remove(outsider, g.chat(), outsider, TOKEN));
    assertStatus(
        404, () -> stack.groups.rename(g.ann(), ChatId.fresh(), new GroupName("x"), TOKEN));
    assertStatus(404, () -> stack.groups.remove(g.ann(), g.chat(), dan, TOKEN));
    assertStatus(
        400, () -> stack.groups.add(g.ann(), g.chat(), new NewMembers(List.of(g.bob())), TOKEN));
    assertStatus(
        404,
        () ->
            stack.groups.add(
                g.ann(), g.chat(), new NewMembers(List.of(new UserId(ObjectIds.fresh()))), TOKEN));
    ChatHarness.Pair pair = stack.pair();
    assertStatus(
        400, () -> stack.groups.rename(pair.ann(), pair.chat(), new GroupName("x"), TOKEN));

    stack.groups.rename(g.ann(), g.chat(), new GroupName("New name"), TOKEN);
    // the name it has already: nothing written, said or numbered
    stack.groups.rename(g.ann(), g.chat(), new GroupName(" New name "), TOKEN);
    stack.groups.add(g.ann(), g.chat(), new NewMembers(List.of(dan)), TOKEN);
    Chat chat = chat(g.chat());
    assertThat(chat.group().name().value()).isEqualTo("New name");
    assertThat(chat.users()).containsExactly(g.ann(), g.bob(), g.cid(), dan);
    assertThat(stack.events.of(GroupEvents.MembersAdded.class))
        .contains(new GroupEvents.MembersAdded(g.chat(), g.ann(), List.of(dan)));
    List<Message> page = awaitPage(dan, g.chat(), 3);
    assertThat(page)
        .extracting(Message::text)
        .containsExactly(
            "Ann created \u201CCrew\u201D with Bob and Cid",
            "Ann renamed the group to \u201CNew name\u201D",
            "Ann added Dan");
    Message fromDan = send(dan, g.chat(), "hi, I am new");
    assertThat(fromDan.seq()).isEqualTo(4);
  }

  @Test
  void aForgottenGroupIsReadAgainAndAStaleLookupIsNotKept() {
    Trio g = group();
    ChatMembers members = new ChatMembers(stack.chatStore);
    assertThat(members.of(g.chat()).orElseThrow()).hasSize(3);
    stack.groupStore.remove(
        chat(g.chat()),
        g.cid(),
        List.of(g.ann()),
        new Group.Departure(99, Instant.now(), new GroupName("Crew"), "Cid left", g.cid()));
    assertThat(members.of(g.chat()).orElseThrow()).hasSize(3); // remembered until forgotten
    members.forget(g.chat());
    assertThat(members.of(g.chat()).orElseThrow()).containsExactly(g.ann(), g.bob());
    members.forgetAll();
    assertThat(members.membership(g.chat()).orElseThrow().group()).isTrue();
  }

  /**
   * With the broker down, a group's change is still made and said: its system message is stored in
   * the request, counted as the latest message and sent to the members, rather than a 503 for a
   * change that was made (a retried create made a second group).
   */
  @Test
  void aChangeWhileTheBrokerIsDownIsMadeAndSaid() throws Exception {
    try (ChatHarness down = new ChatHarness("amqp://guest:guest@127.0.0.1:1")) {
      UserId ann = down.userService.add("Ann");
      UserId bob = down.userService.add("Bob");
      UserId cid = down.userService.add("Cid");
      UserId dan = down.userService.add("Dan");
      Chat made =
          down.groups.create(
              ann, new GroupName("Crew"), NewMembers.forGroup(ann, List.of(bob, cid)), TOKEN);
      down.groups.add(ann, made.id(), new NewMembers(List.of(dan)), TOKEN);
      down.groups.rename(ann, made.id(), new GroupName("Ship"), TOKEN);

      Chat chat = down.chatStore.find(made.id()).orElseThrow();
      assertThat(chat.users()).containsExactly(ann, bob, cid, dan);
      assertThat(chat.group().name().value()).isEqualTo("Ship");
      assertThat(down.chatStore.listFor(ann)).hasSize(1);
      List<String> said =
          List.of(
              "Ann created \u201CCrew\u201D with Bob and Cid",
              "Ann added Dan",
              "Ann renamed the group to \u201CShip\u201D");
      assertThat(down.history.page(bob, made.id(), Optional.empty(), 100).messages())
          .extracting(Message::text)
          .containsExactlyElementsOf(said);
      assertThat(ChatJson.of(chat, bob).getJsonObject("latestMessage").getString("text"))
          .isEqualTo(said.get(2));
      assertThat(down.events.of(MessageSent.class))
          .extracting(sent -> sent.message().text())
          .containsExactlyElementsOf(said);
      assertThat(down.events.of(GroupEvents.MembersAdded.class))
          .contains(new GroupEvents.MembersAdded(made.id(), ann, List.of(dan)));
    }
  }

  /**
   * With Redis down a group is not made: its first message's number comes first, as every change's
   * does, so the 503 is true and a retry makes one group, not a second.
   */
  @Test
  void aGroupIsNotMadeWhileRedisIsDown() {
    UserId ann = stack.userService.add("Ann");
    UserId bob = stack.userService.add("Bob");
    UserId cid = stack.userService.add("Cid");
    RedisConnection gone = new RedisConnection("redis://127.0.0.1:1");
    GroupService withoutRedis =
        new GroupService(
            stack.chatStore,
            stack.groupStore,
            stack.chats,
            new ChatSequence(gone, stack.chatStore),
            stack.users,
            new SystemMessages(stack.pipeline, stack.steps),
            stack.events);
    assertThatThrownBy(
            () ->
                withoutRedis.create(
                    ann, new GroupName("Crew"), NewMembers.forGroup(ann, List.of(bob, cid)), TOKEN))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(stack.chatStore.listFor(ann)).as("no group was made").isEmpty();
    gone.close();
  }

  private static void assertStatus(int status, Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            Refusal.class,
            e -> assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(status));
  }
}
