package io.chatapp.chat.chats.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.chat.chats.boundary.ChatJson;
import io.chatapp.chat.chats.entity.ChatCreated;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.support.ChatHarness;
import io.chatapp.chat.support.HarnessTest;
import io.chatapp.chat.users.control.UserDirectory;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.DependencyUnavailableException;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.rest.RefusalMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Chats against the embedded MongoDB-compatible server and an HTTP stand-in for user-war. */
class ChatServiceTest extends HarnessTest {

  @Override
  protected boolean withPipeline() {
    return false;
  }

  @Test
  void aChatIsUniqueUnderTwentyConcurrentCreations() throws Exception {
    UserId ann = stack.userService.add("Ann");
    UserId bob = stack.userService.add("Bob");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<ChatStore.Creation>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        boolean fromAnn = i % 2 == 0;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return fromAnn
                      ? stack.chats.start(ann, bob, ChatHarness.TOKEN)
                      : stack.chats.start(bob, ann, ChatHarness.TOKEN);
                }));
      }
      go.countDown();
      Set<ChatId> ids = new HashSet<>();
      int created = 0;
      for (Future<ChatStore.Creation> result : results) {
        ChatStore.Creation creation = result.get(30, TimeUnit.SECONDS);
        ids.add(creation.chat().id());
        created += creation.created() ? 1 : 0;
      }
      assertThat(ids).hasSize(1);
      assertThat(created).isEqualTo(1);
      ChatId id = ids.iterator().next();
      assertThat(stack.events.of(ChatCreated.class))
          .filteredOn(event -> event.chatId().equals(id))
          .hasSize(1);
      assertThat(stack.chats.list(ann, ChatHarness.TOKEN)).hasSize(1);
      assertThat(stack.chats.list(bob, ChatHarness.TOKEN)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theListShowsTheOtherUserNewestActivityFirst() {
    UserId ann = stack.userService.add("Ann");
    UserId bob = stack.userService.add("Bob");
    UserId cid = stack.userService.add("Cid");
    ChatId withBob = stack.chats.start(ann, bob, ChatHarness.TOKEN).chat().id();
    ChatId withCid = stack.chats.start(ann, cid, ChatHarness.TOKEN).chat().id();
    assertThat(stack.chats.start(bob, ann, ChatHarness.TOKEN).created()).isFalse();

    long seq = stack.sequence.next(withBob);
    stack.chatCounts.count(
        withBob,
        List.of(
            new ChatCounts.NewMessage(
                io.chatapp.chat.messages.entity.MessageId.fresh(),
                seq,
                bob,
                ann,
                "hello",
                "text",
                java.time.Instant.now().plusSeconds(5))));

    List<ChatService.Listed> list = stack.chats.list(ann, ChatHarness.TOKEN);
    assertThat(list).extracting(listed -> listed.chat().id()).containsExactly(withBob, withCid);
    ChatService.Listed first = list.get(0);
    assertThat(first.otherUser().getString("name")).isEqualTo("Bob");
    assertThat(ChatJson.of(first.chat(), ann).toString())
        .contains(
            "\"latestMessage\":{\"text\":\"hello\",\"sender\":\""
                + bob
                + "\",\"messageType\":\"text\"}")
        .contains("\"unseenCount\":1");
    assertThat(ChatJson.of(list.get(1).chat(), ann).toString())
        .contains("\"latestMessage\":null", "\"unseenCount\":0");
  }

  @Test
  void badStartsAreRefusedClearly() {
    UserId ann = stack.userService.add("Ann");
    UserId ghost = new UserId("65a1b2c3d4e5f60718293a4b");
    assertThatThrownBy(() -> stack.chats.start(ann, ann, ChatHarness.TOKEN))
        .isInstanceOfSatisfying(
            Refusal.class, e -> assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(400));
    assertThatThrownBy(() -> stack.chats.start(ann, ghost, ChatHarness.TOKEN))
        .isInstanceOfSatisfying(
            Refusal.class, e -> assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(404));
    assertThat(stack.chats.list(ann, ChatHarness.TOKEN)).isEmpty();
  }

  @Test
  void membersOnly() {
    UserId ann = stack.userService.add("Ann");
    UserId bob = stack.userService.add("Bob");
    UserId eve = stack.userService.add("Eve");
    ChatId chat = stack.chats.start(ann, bob, ChatHarness.TOKEN).chat().id();
    assertThat(stack.chats.memberChat(bob, chat).id()).isEqualTo(chat);
    assertThatThrownBy(() -> stack.chats.memberChat(eve, chat))
        .isInstanceOfSatisfying(
            Refusal.class, e -> assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(403));
    assertThatThrownBy(() -> stack.chats.memberChat(ann, ChatId.fresh()))
        .isInstanceOfSatisfying(
            Refusal.class, e -> assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(404));
  }

  @Test
  void userServiceDownMeansUnknownUsersInListsAnd503ForNewChats() {
    UserId ann = stack.userService.add("Ann");
    UserId bob = stack.userService.add("Bob");
    stack.chats.start(ann, bob, ChatHarness.TOKEN);
    UserDirectory down = new UserDirectory("http://127.0.0.1:1", 30);
    ChatService withoutUsers = new ChatService(stack.chatStore, down, stack.lastSeen, stack.events);

    List<ChatService.Listed> list = withoutUsers.list(ann, ChatHarness.TOKEN);
    assertThat(list).hasSize(1);
    assertThat(list.get(0).otherUser().toString())
        .isEqualTo("{\"_id\":\"" + bob + "\",\"name\":\"Unknown user\"}");
    UserId other = new UserId("65a1b2c3d4e5f60718293a4b");
    assertThatThrownBy(() -> withoutUsers.start(ann, other, ChatHarness.TOKEN))
        .isInstanceOf(DependencyUnavailableException.class);
  }

  @Test
  void profilesAreCachedAndBatched() {
    UserId ann = stack.userService.add("Ann");
    List<UserId> others = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      UserId other = stack.userService.add("User" + i);
      others.add(other);
      stack.chats.start(ann, other, ChatHarness.TOKEN);
    }
    UserDirectory fresh = new UserDirectory(stack.userService.url(), 30);
    int before = stack.userService.calls.get();
    assertThat(fresh.profiles(others, ChatHarness.TOKEN)).hasSize(5);
    assertThat(fresh.profiles(others, ChatHarness.TOKEN)).hasSize(5);
    assertThat(stack.userService.calls.get() - before).isEqualTo(1);
  }
}
