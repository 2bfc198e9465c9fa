package io.chatapp.chat.messages.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.chatapp.chat.chats.control.ChatCounts;
import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.entity.Addressed;
import io.chatapp.chat.messages.entity.ChatRefresh;
import io.chatapp.chat.messages.entity.ClientId;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageSent;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.messages.entity.MessagesRead;
import io.chatapp.chat.realtime.control.Presence;
import io.chatapp.chat.support.ChatHarness;
import io.chatapp.chat.support.HarnessTest;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.amqp.WorkQueue;
import io.chatapp.platform.errors.DependencyUnavailableException;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.rest.RefusalMapper;
import io.chatapp.testsupport.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * The message pipeline end to end outside the container: the real RabbitMQ (this run's own exchange
 * and queues), the embedded MongoDB-compatible server, an HTTP stand-in for user-war.
 */
class MessagePipelineTest extends HarnessTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private Message send(UserId from, ChatId chat, String text) {
    return stack.messages.send(from, chat, new MessageText(text), Optional.empty());
  }

  private void awaitStored(MessageId id) {
    Poll.until(
        DEADLINE, "message " + id + " stored", () -> stack.messageStore.find(id).isPresent());
  }

  /** How many times {@code message:new} was fired for this message. */
  private long messageNewFor(MessageId id) {
    return stack.events.of(MessageSent.class).stream()
        .filter(e -> e.message().id().equals(id))
        .count();
  }

  private Chat chat(ChatId id) {
    return stack.chatStore.find(id).orElseThrow();
  }

  @Test
  void aSentMessageIsStoredCountedDeliveredAndAnnounced() {
    ChatHarness.Pair p = stack.pair();
    Message sent = send(p.ann(), p.chat(), "  hello Bob  ");
    assertThat(sent.text()).isEqualTo("hello Bob");
    assertThat(sent.seq()).isEqualTo(1);
    awaitStored(sent.id());
    Poll.until(DEADLINE, "the chat's counters", () -> chat(p.chat()).unreadFor(p.bob()) == 1);
    Chat chat = chat(p.chat());
    assertThat(chat.latestMessage()).isEqualTo(new Chat.LatestMessage("hello Bob", p.ann()));
    assertThat(chat.unreadFor(p.ann())).isZero();
    assertThat(chat.updatedAt()).isEqualTo(sent.createdAt());
    Poll.until(
        DEADLINE,
        "message:new and chat:refresh events",
        () ->
            stack.events.of(MessageSent.class).stream()
                    .anyMatch(e -> e.message().equals(sent) && e.recipientId().equals(p.bob()))
                && stack.events.of(ChatRefresh.class).stream()
                    .anyMatch(e -> e.message().equals(sent) && e.recipientId().equals(p.bob())));
  }

  @Test
  void everyStepHasOneConsumerAtATimeSoMessagesGoOnInTheOrderTheyCame() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(ChatHarness.brokerUrl());
    try (Connection direct = factory.newConnection("pipeline-test")) {
      for (WorkQueue queue : stack.names.queues()) {
        try (Channel channel = direct.createChannel()) {
          // the broker refuses (406) a declaration whose arguments differ from the queue's
          channel.queueDeclare(
              queue.name(), true, false, false, Map.of("x-single-active-consumer", true));
        }
      }
    }
  }

  @Test
  void aDeliveryWhoseFramesDidNotLeaveIsDeliveredAgain() {
    ChatHarness.Pair p = stack.pair();
    stack.events.failHandOnOnce("not out yet");
    Message sent = send(p.ann(), p.chat(), "not out yet");
    Poll.until(
        DEADLINE,
        "message:new again, its first frames not out when the instance could have died",
        () -> messageNewFor(sent.id()) >= 2);
  }

  @Test
  void aHandOnThatThrowsIsTriedAgainThroughTheQueue() {
    ChatHarness.Pair p = stack.pair();
    stack.events.throwOnMessageNew("an observer fails once", 1);
    Message sent = send(p.ann(), p.chat(), "an observer fails once");
    Poll.until(
        DEADLINE,
        "message:new once the batch came back from the queue",
        () -> messageNewFor(sent.id()) >= 1);
    Poll.until(
        DEADLINE,
        "chat:refresh, which the failure had cut short",
        () ->
            stack.events.of(ChatRefresh.class).stream()
                .anyMatch(e -> e.message().id().equals(sent.id())));
  }

  @Test
  void aHandOnThatKeepsThrowingIsPassedOverAndHoldsUpNoLaterMessage() {
    ChatHarness.Pair p = stack.pair();
    stack.events.throwOnMessageNew("an observer always fails", 1_000);
    Message failing = send(p.ann(), p.chat(), "an observer always fails");
    Message later = send(p.ann(), p.chat(), "sent after it");
    Poll.until(DEADLINE, "message:new for the later message", () -> messageNewFor(later.id()) >= 1);
    awaitStored(failing.id());
    assertThat(messageNewFor(failing.id())).isZero();
  }

  @Test
  void aRecipientLookingAtTheChatReadsOnArrivalAndIsNotCountedUnread() {
    ChatHarness.Pair p = stack.pair();
    Presence instance = new Presence(stack.redis, "");
    instance.heartbeat();
    String socket = instance.instance() + ":socket-1";
    stack.viewing.viewing(p.bob(), socket, p.chat());
    try {
      Message sent = send(p.ann(), p.chat(), "you are looking");
      awaitStored(sent.id());
      Message stored = stack.messageStore.find(sent.id()).orElseThrow();
      assertThat(stored.seen()).isTrue();
      assertThat(stored.seenAt()).isNotNull();
      Chat chat = chat(p.chat());
      assertThat(chat.unreadFor(p.bob())).isZero();
      assertThat(chat.latestMessage())
          .isEqualTo(new Chat.LatestMessage("you are looking", p.ann()));
      Poll.until(
          DEADLINE,
          "message:read to the sender",
          () ->
              stack.events.of(MessagesRead.class).stream()
                  .anyMatch(
                      e ->
                          e.messageIds().equals(List.of(sent.id()))
                              && e.readerId().equals(p.bob())
                              && e.senderId().equals(p.ann())));
      assertThat(stack.events.of(ChatRefresh.class))
          .noneMatch(e -> e.message().id().equals(sent.id()));
    } finally {
      stack.viewing.notViewing(p.bob(), socket);
    }
    Message later = send(p.ann(), p.chat(), "you looked away");
    awaitStored(later.id());
    assertThat(stack.messageStore.find(later.id()).orElseThrow().seen()).isFalse();
    Poll.until(DEADLINE, "counted unread", () -> chat(p.chat()).unreadFor(p.bob()) == 1);
  }

  @Test
  void pagingThrough250MessagesWithBefore() {
    ChatHarness.Pair p = stack.pair();
    List<Message> sent = new ArrayList<>();
    for (int i = 1; i <= 250; i++) {
      sent.add(send(i % 2 == 0 ? p.ann() : p.bob(), p.chat(), "message " + i));
    }
    awaitStored(sent.get(249).id());
    Poll.until(
        DEADLINE,
        "all 250 stored",
        () -> sent.stream().allMatch(m -> stack.messageStore.find(m.id()).isPresent()));

    List<Message> all = new ArrayList<>();
    MessageHistory.Page page = stack.history.page(p.ann(), p.chat(), Optional.empty(), 50);
    assertThat(page.otherUser()).isEqualTo(p.bob());
    while (!page.messages().isEmpty()) {
      assertThat(page.messages()).hasSizeLessThanOrEqualTo(50);
      all.addAll(0, page.messages());
      page = stack.history.page(p.ann(), p.chat(), Optional.of(page.messages().get(0).id()), 50);
    }
    assertThat(all)
        .extracting(Message::text)
        .containsExactlyElementsOf(sent.stream().map(Message::text).toList());
    assertThat(all).extracting(Message::createdAt).isSorted();

    MessageHistory.Page hundred =
        stack.history.page(p.bob(), p.chat(), Optional.of(sent.get(200).id()), 100);
    assertThat(hundred.messages()).extracting(Message::text).first().isEqualTo("message 101");
    assertThat(hundred.messages()).extracting(Message::text).last().isEqualTo("message 200");
  }

  @Test
  void pagesCrossGapsLeftByRefusedSends() {
    ChatHarness.Pair p = stack.pair();
    List<Message> older = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      older.add(send(p.ann(), p.chat(), "old " + i));
    }
    for (int i = 0; i < 700; i++) {
      stack.sequence.next(p.chat());
    }
    List<Message> newer = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      newer.add(send(p.bob(), p.chat(), "new " + i));
    }
    awaitStored(older.get(4).id());
    awaitStored(newer.get(2).id());
    Poll.until(
        DEADLINE,
        "all stored",
        () ->
            older.stream().allMatch(m -> stack.messageStore.find(m.id()).isPresent())
                && newer.stream().allMatch(m -> stack.messageStore.find(m.id()).isPresent()));

    assertThat(stack.history.page(p.ann(), p.chat(), Optional.empty(), 50).messages())
        .extracting(Message::text)
        .containsExactly("old 0", "old 1", "old 2", "old 3", "old 4", "new 0", "new 1", "new 2");
    assertThat(stack.history.page(p.ann(), p.chat(), Optional.of(newer.get(0).id()), 2).messages())
        .extracting(Message::text)
        .containsExactly("old 3", "old 4");
    assertThat(stack.history.page(p.ann(), p.chat(), Optional.empty(), 4).messages())
        .extracting(Message::text)
        .containsExactly("old 4", "new 0", "new 1", "new 2");
  }

  @Test
  void readingAPageMarksItSeenResetsTheCounterAndTellsTheSender() {
    ChatHarness.Pair p = stack.pair();
    List<Message> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sent.add(send(p.ann(), p.chat(), "unread " + i));
    }
    Message mine = send(p.bob(), p.chat(), "from bob");
    Poll.until(DEADLINE, "three unread for Bob", () -> chat(p.chat()).unreadFor(p.bob()) == 3);
    Poll.until(DEADLINE, "Bob's own message counted", () -> chat(p.chat()).unreadFor(p.ann()) == 1);
    // the counters are written just before the insert: wait for the messages themselves
    List<MessageId> all = new ArrayList<>(sent.stream().map(Message::id).toList());
    all.add(mine.id());
    Poll.until(DEADLINE, "all four stored", () -> stack.messageStore.findAll(all).size() == 4);

    MessageHistory.Page page = stack.history.page(p.bob(), p.chat(), Optional.empty(), 50);
    assertThat(page.messages()).hasSize(4);
    assertThat(page.messages())
        .filteredOn(m -> m.sender().equals(p.ann()))
        .allSatisfy(m -> assertThat(m.seen()).isTrue())
        .allSatisfy(m -> assertThat(m.seenAt()).isNotNull());
    assertThat(stack.messageStore.find(mine.id()).orElseThrow().seen()).isFalse();
    assertThat(stack.messageStore.find(sent.get(0).id()).orElseThrow().seen()).isTrue();
    assertThat(chat(p.chat()).unreadFor(p.bob())).isZero();
    assertThat(chat(p.chat()).unreadFor(p.ann())).isEqualTo(1);
    assertThat(stack.events.of(MessagesRead.class))
        .filteredOn(e -> e.chatId().equals(p.chat()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.readerId()).isEqualTo(p.bob());
              assertThat(e.senderId()).isEqualTo(p.ann());
              assertThat(e.messageIds())
                  .containsExactlyInAnyOrderElementsOf(sent.stream().map(Message::id).toList());
            });

    stack.history.page(p.bob(), p.chat(), Optional.empty(), 50);
    assertThat(stack.events.of(MessagesRead.class))
        .filteredOn(e -> e.chatId().equals(p.chat()))
        .hasSize(1);

    assertThat(stack.history.markRead(p.ann(), p.chat(), List.of(mine.id(), sent.get(0).id())))
        .containsExactly(mine.id());
    assertThat(chat(p.chat()).unreadFor(p.ann())).isZero();
  }

  @Test
  void aRetryWithTheSameClientIdMakesOneMessage() {
    ChatHarness.Pair p = stack.pair();
    Optional<ClientId> clientId = Optional.of(new ClientId("retry-1"));
    Message first = stack.messages.send(p.ann(), p.chat(), new MessageText("once"), clientId);
    Message early = stack.messages.send(p.ann(), p.chat(), new MessageText("once"), clientId);
    assertThat(early.id()).isEqualTo(first.id());
    awaitStored(first.id());
    Message again = stack.messages.send(p.ann(), p.chat(), new MessageText("once"), clientId);
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.text()).isEqualTo("once");
    Message other =
        stack.messages.send(
            p.bob(), p.chat(), new MessageText("once"), Optional.of(new ClientId("retry-1")));
    assertThat(other.id()).isNotEqualTo(first.id());
    awaitStored(first.id());
    awaitStored(other.id());
    Poll.until(DEADLINE, "both counted", () -> chat(p.chat()).unreadFor(p.ann()) == 1);
    assertThat(chat(p.chat()).unreadFor(p.bob())).isEqualTo(1);
    assertThat(stack.history.page(p.ann(), p.chat(), Optional.empty(), 50).messages())
        .extracting(Message::id)
        .containsExactly(first.id(), other.id());
    assertThat(stack.events.of(MessageSent.class))
        .filteredOn(e -> e.message().id().equals(first.id()))
        .hasSize(1);
  }

  @Test
  void aRetryFoundStoredTakesNoNumber() {
    ChatHarness.Pair p = stack.pair();
    Optional<ClientId> clientId = Optional.of(new ClientId("numbered-once"));
    Message first = stack.messages.send(p.ann(), p.chat(), new MessageText("once"), clientId);
    awaitStored(first.id());

    Message again = stack.messages.send(p.ann(), p.chat(), new MessageText("once"), clientId);
    Message next =
        stack.messages.send(p.ann(), p.chat(), new MessageText("next"), Optional.empty());

    assertThat(again).isEqualTo(first);
    assertThat(next.seq()).isEqualTo(first.seq() + 1);
  }

  @Test
  void aSendWithAClientIdIsRememberedForTheWindowAndThenIsANewSend() {
    ChatHarness.Pair p = stack.pair();
    ClientId clientId = new ClientId("late-retry");
    Message first =
        stack.messages.send(p.ann(), p.chat(), new MessageText("once"), Optional.of(clientId));
    Message plain =
        stack.messages.send(p.ann(), p.chat(), new MessageText("plain"), Optional.empty());
    assertThat(first.id().value()).isLessThan(plain.id().value());
    String key = RecentSends.key(p.chat(), p.ann(), clientId);
    assertThat(stack.redis.<String>call(jedis -> jedis.get(key))).isEqualTo(first.id().value());
    assertThat(stack.redis.<Long>call(jedis -> jedis.ttl(key))).isBetween(14 * 60L, 15 * 60L);

    stack.redis.call(jedis -> jedis.del(key));
    Message late =
        stack.messages.send(p.ann(), p.chat(), new MessageText("once"), Optional.of(clientId));

    assertThat(late.id()).isNotEqualTo(first.id());
    awaitStored(late.id());
    assertThat(stack.history.page(p.bob(), p.chat(), Optional.empty(), 50).messages())
        .extracting(Message::id)
        .containsExactly(first.id(), plain.id(), late.id());
  }

  @Test
  void aRedeliveredMessageIsStoredAndCountedOnce() throws Exception {
    ChatHarness.Pair p = stack.pair();
    Message sent = send(p.ann(), p.chat(), "twice");
    awaitStored(sent.id());
    Poll.until(DEADLINE, "counted", () -> chat(p.chat()).unreadFor(p.bob()) == 1);
    assertThat(stack.steps.store(List.of(new Addressed(sent, p.bob()))))
        .containsExactly(new Addressed(stack.messageStore.find(sent.id()).get(), p.bob()));
    stack.pipeline.accept(sent, p.bob());
    Message next = send(p.ann(), p.chat(), "after");
    awaitStored(next.id());
    Poll.until(DEADLINE, "the next one counted", () -> chat(p.chat()).unreadFor(p.bob()) == 2);
    assertThat(stack.history.page(p.ann(), p.chat(), Optional.empty(), 50).messages())
        .extracting(Message::text)
        .containsExactly("twice", "after");
    assertThat(chat(p.chat()).latestMessage().text()).isEqualTo("after");
  }

  @Test
  void aFirstSendHandedOverTheFirstTimeIsStoredWithoutLookingForAnEarlierCopy() {
    ChatHarness.Pair p = stack.pair();
    List<List<MessageId>> lookedFor = new ArrayList<>();
    MessageStore watched =
        new MessageStore(stack.mongo) {
          @Override
          public List<Message> findAll(List<MessageId> ids) {
            lookedFor.add(ids);
            return super.findAll(ids);
          }
        };
    MessageSteps steps =
        new MessageSteps(watched, stack.chatCounts, stack.sequence, stack.viewing, stack.events);
    Addressed first = new Addressed(unsent(p.ann(), p.chat(), "new"), p.bob()).asFirstSend();

    assertThat(steps.store(List.of(first), false)).hasSize(1);
    assertThat(lookedFor).isEmpty();

    // the broker hands it over again (the ack was lost): looked for, returned, not counted again
    assertThat(steps.store(List.of(first), true))
        .extracting(a -> a.message().id())
        .containsExactly(first.message().id());
    assertThat(lookedFor).containsExactly(List.of(first.message().id()));

    // a retried send with the same client id got the same id and a number of its own: its copy is
    // looked for even the first time the broker hands it over, and left out
    Addressed copy = new Addressed(first.message().withSeq(stack.sequence.next(p.chat())), p.bob());
    assertThat(steps.store(List.of(copy), false)).isEmpty();
    assertThat(lookedFor).hasSize(2);
    assertThat(chat(p.chat()).unreadFor(p.bob())).isEqualTo(1);
    assertThat(stack.history.page(p.ann(), p.chat(), Optional.empty(), 50).messages())
        .extracting(Message::text)
        .containsExactly("new");
  }

  @Test
  void anInsertThatFailsAfterTheCountIsCountedOnceOnRetry() {
    ChatHarness.Pair p = stack.pair();
    MessageSteps steps = stepsWhoseFirstInsertFails();
    Message message = unsent(p.ann(), p.chat(), "counted once");
    Message other = unsent(p.bob(), p.chat(), "and its answer");
    List<Addressed> batch = List.of(new Addressed(message, p.bob()), new Addressed(other, p.ann()));
    assertThatThrownBy(() -> steps.store(batch)).isInstanceOf(DependencyUnavailableException.class);
    assertThat(stack.messageStore.find(message.id())).isEmpty();
    assertThat(chat(p.chat()).unreadFor(p.bob())).isEqualTo(1); // counted, not stored yet

    assertThat(steps.store(batch))
        .extracting(a -> a.message().id())
        .containsExactly(message.id(), other.id());
    assertThat(steps.store(batch)).hasSize(2); // and a redelivery after that
    Chat counted = chat(p.chat());
    assertThat(counted.unreadFor(p.bob())).isEqualTo(1);
    assertThat(counted.unreadFor(p.ann())).isEqualTo(1);
    assertThat(counted.latestMessage())
        .isEqualTo(new Chat.LatestMessage("and its answer", p.bob()));
    assertThat(stack.history.page(p.ann(), p.chat(), Optional.empty(), 50).messages())
        .extracting(Message::text)
        .containsExactly("counted once", "and its answer");
  }

  @Test
  void aBatchOverManyChatsCountsEachOnceWhenItsCountFailsPartway() {
    List<ChatHarness.Pair> pairs = List.of(stack.pair(), stack.pair(), stack.pair(), stack.pair());
    ChatId failing = pairs.get(2).chat();
    AtomicBoolean failNext = new AtomicBoolean(true);
    ChatCounts flaky =
        new ChatCounts(stack.mongo) {
          @Override
          public boolean countAllFresh(Map<ChatId, List<NewMessage>> byChat, Set<ChatId> groups) {
            if (failNext.getAndSet(false)) { // the connection drops with one chat's write lost
              Map<ChatId, List<NewMessage>> others = new LinkedHashMap<>(byChat);
              others.remove(failing);
              super.countAllFresh(others, groups);
              throw new DependencyUnavailableException("MongoDB", new IOException("dropped"));
            }
            return super.countAllFresh(byChat, groups);
          }
        };
    MessageSteps steps =
        new MessageSteps(stack.messageStore, flaky, stack.sequence, stack.viewing, stack.events);
    List<Addressed> batch =
        pairs.stream()
            .map(p -> new Addressed(unsent(p.ann(), p.chat(), "to " + p.chat()), p.bob()))
            .toList();
    assertThatThrownBy(() -> steps.store(batch)).isInstanceOf(DependencyUnavailableException.class);
    assertThat(chat(failing).unreadFor(pairs.get(2).bob())).isZero();
    assertThat(chat(pairs.get(0).chat()).unreadFor(pairs.get(0).bob())).isEqualTo(1);

    assertThat(steps.store(batch)).hasSize(4);
    assertThat(steps.store(batch)).hasSize(4); // a redelivery after that
    for (ChatHarness.Pair p : pairs) {
      assertThat(chat(p.chat()).unreadFor(p.bob())).as("unread in " + p.chat()).isEqualTo(1);
      assertThat(chat(p.chat()).latestMessage().text()).isEqualTo("to " + p.chat());
    }
  }

  @Test
  void aRedeliveryThatJoinsCountedMessagesWithNewOnesCountsEachOnce() {
    ChatHarness.Pair p = stack.pair();
    ChatHarness.Pair other = stack.pair();
    MessageSteps steps = stepsWhoseFirstInsertFails();
    Addressed first = new Addressed(unsent(p.ann(), p.chat(), "first"), p.bob());
    assertThatThrownBy(() -> steps.store(List.of(first)))
        .isInstanceOf(DependencyUnavailableException.class); // counted, not stored
    Addressed second = new Addressed(unsent(p.ann(), p.chat(), "second"), p.bob());
    Addressed elsewhere =
        new Addressed(unsent(other.ann(), other.chat(), "elsewhere"), other.bob());

    assertThat(steps.store(List.of(first, second, elsewhere))).hasSize(3);

    assertThat(chat(p.chat()).unreadFor(p.bob())).isEqualTo(2);
    assertThat(chat(p.chat()).latestMessage().text()).isEqualTo("second");
    assertThat(chat(other.chat()).unreadFor(other.bob())).isEqualTo(1);
  }

  @Test
  void aRecordingSeesEachStoredBatchWithItsPhases() throws Exception {
    List<ChatHarness.Pair> pairs = List.of(stack.pair(), stack.pair());
    List<Addressed> batch = new ArrayList<>();
    for (ChatHarness.Pair p : pairs) {
      batch.add(new Addressed(unsent(p.ann(), p.chat(), "one"), p.bob()));
      batch.add(new Addressed(unsent(p.bob(), p.chat(), "two"), p.ann()));
    }
    Path file = Files.createTempFile("storage", ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("io.chatapp.StorageBatch");
      recording.start();
      stack.steps.store(batch);
      stack.steps.store(batch); // stored before: nothing to count or insert, no event
      recording.stop();
      recording.dump(file);
      List<RecordedEvent> events =
          RecordingFile.readAllEvents(file).stream()
              .filter(e -> e.getEventType().getName().equals("io.chatapp.StorageBatch"))
              .toList();
      assertThat(events).hasSize(1);
      RecordedEvent stored = events.get(0);
      assertThat(stored.getInt("messages")).isEqualTo(4);
      assertThat(stored.getInt("chats")).isEqualTo(2);
      long phases =
          stored.getLong("finding")
              + stored.getLong("viewers")
              + stored.getLong("counting")
              + stored.getLong("inserting");
      assertThat(stored.getLong("counting")).isPositive();
      assertThat(stored.getLong("inserting")).isPositive();
      assertThat(phases).isLessThanOrEqualTo(stored.getDuration().toNanos());
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void storageInEveryOrderCountsOnceAndKeepsTheNewestLatest() {
    List<List<Integer>> orders =
        List.of(
            List.of(0, 1, 2),
            List.of(0, 2, 1),
            List.of(1, 0, 2),
            List.of(1, 2, 0),
            List.of(2, 0, 1),
            List.of(2, 1, 0));
    for (List<Integer> order : orders) {
      ChatHarness.Pair p = stack.pair();
      List<Message> messages =
          List.of(
              unsent(p.ann(), p.chat(), "first"),
              unsent(p.ann(), p.chat(), "second"),
              unsent(p.ann(), p.chat(), "third"));
      for (int index : order) {
        List<Addressed> one = List.of(new Addressed(messages.get(index), p.bob()));
        stack.steps.store(one);
        stack.steps.store(one); // each handed over twice
      }
      Chat chat = chat(p.chat());
      assertThat(chat.unreadFor(p.bob())).as("order %s", order).isEqualTo(3);
      assertThat(chat.latestMessage().text()).as("order %s", order).isEqualTo("third");
      assertThat(stack.history.page(p.ann(), p.chat(), Optional.empty(), 50).messages())
          .extracting(Message::text)
          .containsExactly("first", "second", "third");
    }
  }

  @Test
  void twoStorageConsumersRacingOnOneChat() throws Exception {
    ChatHarness.Pair p = stack.pair();
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      messages.add(unsent(i % 2 == 0 ? p.ann() : p.bob(), p.chat(), "race " + i));
    }
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int consumer = 0; consumer < 2; consumer++) {
        List<Message> mine = new ArrayList<>(messages);
        if (consumer == 1) {
          java.util.Collections.reverse(mine);
        }
        done.add(
            two.submit(
                () ->
                    mine.forEach(
                        m ->
                            stack.steps.store(
                                List.of(
                                    new Addressed(
                                        m, m.sender().equals(p.ann()) ? p.bob() : p.ann()))))));
      }
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      two.shutdownNow();
    }
    Chat chat = chat(p.chat());
    assertThat(chat.unreadFor(p.bob())).isEqualTo(100);
    assertThat(chat.unreadFor(p.ann())).isEqualTo(100);
    assertThat(chat.latestMessage().text()).isEqualTo("race 199");
    assertThat(stack.history.page(p.ann(), p.chat(), Optional.empty(), 100).messages())
        .extracting(Message::text)
        .containsExactlyElementsOf(messages.stream().map(Message::text).toList().subList(100, 200));
  }

  @Test
  void aCounterThatFellBehindWhatIsStoredIsMovedPastIt() {
    ChatHarness.Pair p = stack.pair();
    List<Message> before = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      before.add(send(p.ann(), p.chat(), "before " + i));
    }
    before.forEach(m -> awaitStored(m.id()));
    stack
        .mongo
        .database()
        .getCollection("chats")
        .updateOne(
            com.mongodb.client.model.Filters.eq("_id", p.chat().value()),
            com.mongodb.client.model.Updates.set("seq", 2L)); // as a crash that lost writes would
    List<Message> after = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      after.add(send(p.ann(), p.chat(), "after " + i));
    }
    after.forEach(m -> awaitStored(m.id()));
    List<Message> history = stack.history.page(p.bob(), p.chat(), Optional.empty(), 50).messages();
    assertThat(history).hasSize(8);
    assertThat(history).extracting(Message::seq).doesNotHaveDuplicates();
    assertThat(history.subList(0, 5))
        .extracting(Message::text)
        .containsExactly("before 0", "before 1", "before 2", "before 3", "before 4");
    assertThat(chat(p.chat()).seq()).isGreaterThanOrEqualTo(8);
  }

  /** A message as a send makes it (with its sequence number), not handed to the pipeline. */
  /** Storage steps whose first insert fails as a dropped connection would, after the count. */
  private MessageSteps stepsWhoseFirstInsertFails() {
    AtomicBoolean failNext = new AtomicBoolean(true);
    MessageStore flaky =
        new MessageStore(stack.mongo) {
          @Override
          public Inserted insertAll(List<Message> batch) {
            if (failNext.getAndSet(false)) {
              throw new DependencyUnavailableException("MongoDB", new IOException("dropped"));
            }
            return super.insertAll(batch);
          }
        };
    return new MessageSteps(flaky, stack.chatCounts, stack.sequence, stack.viewing, stack.events);
  }

  private Message unsent(UserId from, ChatId chat, String text) {
    return new Message(
        MessageId.fresh(),
        chat,
        stack.sequence.next(chat),
        from,
        text,
        false,
        null,
        io.chatapp.chat.common.entity.IsoTime.now());
  }

  @Test
  void membersOnlyAndClearRefusals() {
    ChatHarness.Pair p = stack.pair();
    UserId eve = stack.userService.add("Eve");
    assertThatThrownBy(() -> send(eve, p.chat(), "hi"))
        .isInstanceOfSatisfying(
            Refusal.class, e -> assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(403));
    assertThatThrownBy(() -> stack.history.page(eve, p.chat(), Optional.empty(), 50))
        .isInstanceOfSatisfying(
            Refusal.class, e -> assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(403));
    assertThatThrownBy(() -> stack.history.markRead(eve, p.chat(), List.of()))
        .isInstanceOfSatisfying(
            Refusal.class, e -> assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(403));
    assertThatThrownBy(() -> send(p.ann(), ChatId.fresh(), "hi"))
        .isInstanceOfSatisfying(
            Refusal.class, e -> assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(404));
    assertThatThrownBy(
            () -> stack.history.page(p.ann(), p.chat(), Optional.of(MessageId.fresh()), 50))
        .isInstanceOfSatisfying(
            Refusal.class, e -> assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(400));
    assertThat(chat(p.chat()).seq()).isZero();
  }

  @Test
  void brokerDownIs503AndNothingHalfStored() throws Exception {
    try (ChatHarness down = new ChatHarness("amqp://guest:guest@127.0.0.1:1")) {
      UserId ann = down.userService.add("Ann");
      UserId bob = down.userService.add("Bob");
      ChatId chat = down.chats.start(ann, bob, ChatHarness.TOKEN).chat().id();
      Optional<ClientId> clientId = Optional.of(new ClientId("c1"));
      assertThatThrownBy(() -> down.messages.send(ann, chat, new MessageText("lost?"), clientId))
          .isInstanceOf(DependencyUnavailableException.class);
      assertThat(down.history.page(bob, chat, Optional.empty(), 50).messages()).isEmpty();
      Chat after = down.chatStore.find(chat).orElseThrow();
      assertThat(after.latestMessage()).isNull();
      assertThat(after.unreadFor(bob)).isZero();
      assertThat(down.events.of(MessageSent.class)).isEmpty();
    }
  }
}
