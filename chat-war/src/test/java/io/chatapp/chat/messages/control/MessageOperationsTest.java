package io.chatapp.chat.messages.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.chat.chats.boundary.ChatJson;
import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.media.control.ImageInspector;
import io.chatapp.chat.media.control.MediaLimits;
import io.chatapp.chat.media.entity.PublicId;
import io.chatapp.chat.messages.boundary.MessageJson;
import io.chatapp.chat.messages.broker.Envelope;
import io.chatapp.chat.messages.entity.Caption;
import io.chatapp.chat.messages.entity.ClientId;
import io.chatapp.chat.messages.entity.Delivery;
import io.chatapp.chat.messages.entity.EditWindow;
import io.chatapp.chat.messages.entity.Emoji;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageDeleted;
import io.chatapp.chat.messages.entity.MessageEdited;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageSent;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.messages.entity.MessagesDelivered;
import io.chatapp.chat.messages.entity.ReactionsChanged;
import io.chatapp.chat.support.ChatHarness;
import io.chatapp.chat.support.HarnessTest;
import io.chatapp.chat.support.TestImages;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.platform.rest.RefusalMapper;
import io.chatapp.testsupport.Poll;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Editing, deleting, replying to and reacting to messages outside the container, on the real
 * things: the pipeline on RabbitMQ stores the messages, the embedded MongoDB-compatible server
 * keeps them, the local image store holds their images.
 */
class MessageOperationsTest extends HarnessTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private MessageEdits edits;
  private MessageReactions reactions;
  private ImageInspector inspector;

  @BeforeAll
  void start() throws Exception {
    MessageChangeStore changes = new MessageChangeStore(stack.mongo);
    edits = edits(EditWindow.ofMinutes(15));
    reactions = new MessageReactions(stack.messageStore, changes, stack.chats, stack.events);
    inspector = new ImageInspector(new MediaLimits(5 * 1024 * 1024, 40_000_000));
  }

  private MessageEdits edits(EditWindow window) {
    return new MessageEdits(
        stack.messageStore,
        new MessageChangeStore(stack.mongo),
        stack.chats,
        stack.chatStore,
        stack.localImages,
        stack.events,
        window);
  }

  private Message sent(UserId from, ChatId chat, String text) {
    return stored(stack.messages.send(from, chat, new MessageText(text), Optional.empty()));
  }

  /** A {@code width} × {@code height} image with {@code caption}, stored and counted. */
  private Message imageSent(UserId from, ChatId chat, String caption, int width, int height)
      throws Exception {
    return stored(
        stack.messages.sendImage(
            from,
            chat,
            inspector.inspect(TestImages.png(width, height)),
            new Caption(caption),
            Optional.empty()));
  }

  private Message stored(Message message) {
    Poll.until(
        DEADLINE,
        "message " + message.id() + " stored",
        () -> stack.messageStore.find(message.id()).isPresent());
    Poll.until(
        DEADLINE,
        "chat counted up to " + message.seq(),
        () -> stack.chatStore.find(message.chatId()).orElseThrow().seq() >= message.seq());
    return stack.messageStore.find(message.id()).orElseThrow();
  }

  private Message inHistory(UserId reader, ChatId chat, MessageId id) {
    return stack.history.page(reader, chat, Optional.empty(), 100).messages().stream()
        .filter(message -> message.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private Chat.LatestMessage latest(ChatId chat) {
    return stack.chatStore.find(chat).orElseThrow().latestMessage();
  }

  private static void refused(int status, String message, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            Refusal.class, e -> assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(status))
        .hasMessage(message);
  }

  /**
   * Messages that reached their recipient's socket are marked delivered once, and their sender is
   * told once per chat; one read on arrival needs no mark, and a second report changes nothing.
   */
  @Test
  void aMessageIsMarkedDeliveredOnceAndItsSenderIsToldOnce() {
    ChatHarness.Pair p = stack.pair();
    Message one = sent(p.ann(), p.chat(), "one");
    Message two = sent(p.ann(), p.chat(), "two");
    Message readAtOnce = sent(p.bob(), p.chat(), "three");
    List<Delivery> reached =
        List.of(
            new Delivery(one.id(), p.chat(), p.ann(), one.createdAt(), false),
            new Delivery(two.id(), p.chat(), p.ann(), two.createdAt(), false),
            new Delivery(readAtOnce.id(), p.chat(), p.bob(), readAtOnce.createdAt(), true));

    stack.deliveries.ofMessages(reached);
    stack.deliveries.ofMessages(reached); // another socket of the recipient: nothing new

    assertThat(
            stack.events.of(MessagesDelivered.class).stream()
                .filter(told -> told.chatId().equals(p.chat())))
        .containsExactly(new MessagesDelivered(p.chat(), p.ann(), List.of(one.id(), two.id())));
    assertThat(stack.messageStore.find(one.id()).orElseThrow().deliveredAt()).isNotNull();
    assertThat(stack.messageStore.find(two.id()).orElseThrow().deliveredAt()).isNotNull();
    assertThat(stack.messageStore.find(readAtOnce.id()).orElseThrow().deliveredAt()).isNull();
  }

  @Test
  void theSenderEditsTheLatestMessageAndTheChatListFollows() {
    ChatHarness.Pair p = stack.pair();
    Message original = sent(p.ann(), p.chat(), "see you at 8");
    Message edited = edits.edit(p.ann(), original.id(), new Caption("  see you at 9  "));

    assertThat(edited.text()).isEqualTo("see you at 9");
    assertThat(edited.editedAt()).isNotNull();
    assertThat(MessageJson.of(edited).getString("editedAt")).isNotBlank();
    Message read = inHistory(p.bob(), p.chat(), original.id());
    assertThat(read.text()).isEqualTo("see you at 9");
    assertThat(read.editedAt()).isEqualTo(edited.editedAt());
    assertThat(latest(p.chat())).isEqualTo(new Chat.LatestMessage("see you at 9", p.ann()));
    assertThat(stack.events.of(MessageEdited.class))
        .anySatisfy(
            event -> {
              assertThat(event.message().id()).isEqualTo(original.id());
              assertThat(event.message().text()).isEqualTo("see you at 9");
              assertThat(event.members()).containsExactlyInAnyOrder(p.ann(), p.bob());
            });

    MongoConnection again = new MongoConnection(stack.mongoServer.uri(), "chat");
    try {
      assertThat(new MessageStore(again).find(original.id()).orElseThrow().text())
          .as("kept in the database, not in memory")
          .isEqualTo("see you at 9");
    } finally {
      again.close();
    }

    Message later = sent(p.bob(), p.chat(), "ok");
    assertThat(latest(p.chat())).isEqualTo(new Chat.LatestMessage("ok", p.bob()));
    edits.edit(p.ann(), original.id(), new Caption("see you at 10"));
    assertThat(latest(p.chat()))
        .as("an edit of an older message leaves the latest alone")
        .isEqualTo(new Chat.LatestMessage("ok", p.bob()));
    assertThat(inHistory(p.ann(), p.chat(), later.id()).text()).isEqualTo("ok");
  }

  @Test
  void editsAreRefusedClearly() throws Exception {
    ChatHarness.Pair p = stack.pair();
    UserId outsider = stack.userService.add("Eve");
    Message message = sent(p.ann(), p.chat(), "mine");

    refused(
        403,
        "You can only edit your own messages",
        () -> edits.edit(p.bob(), message.id(), new Caption("hijacked")));
    refused(
        403,
        "You are not a member of this chat",
        () -> edits.edit(outsider, message.id(), new Caption("hijacked")));
    MessageId unknown = MessageId.fresh();
    refused(
        404, "No message with id " + unknown, () -> edits.edit(p.ann(), unknown, new Caption("x")));
    refused(
        400, "text must not be empty", () -> edits.edit(p.ann(), message.id(), new Caption("   ")));
    Thread.sleep(5);
    refused(
        403,
        "A message can only be edited within 0 minutes of sending it",
        () -> edits(EditWindow.ofMinutes(0)).edit(p.ann(), message.id(), new Caption("late")));
    assertThat(stack.messageStore.find(message.id()).orElseThrow().text()).isEqualTo("mine");
    assertThat(stack.messageStore.find(message.id()).orElseThrow().editedAt()).isNull();
  }

  @Test
  void anImagesCaptionIsEditedOrTakenAwayAndItIsStillListedAsAnImage() throws Exception {
    ChatHarness.Pair p = stack.pair();
    Message image = imageSent(p.ann(), p.chat(), "the view", 40, 30);
    Message edited = edits.edit(p.ann(), image.id(), new Caption(""));
    assertThat(edited.text()).isEmpty();
    assertThat(edited.image()).isEqualTo(image.image());
    assertThat(latest(p.chat()).text()).isEqualTo("📷 Image");
  }

  @Test
  void deletingKeepsAMarkerRemovesTheImageAndTellsEveryMemberOnce() throws Exception {
    ChatHarness.Pair p = stack.pair();
    Message before = sent(p.bob(), p.chat(), "earlier");
    Message image = imageSent(p.ann(), p.chat(), "oops", 40, 30);
    PublicId publicId = new PublicId(image.image().publicId());
    assertThat(stack.mediaRecords.find(publicId)).isPresent();
    reactions.toggle(p.bob(), image.id(), new Emoji("😂"));

    refused(403, "You can only delete your own messages", () -> edits.delete(p.bob(), image.id()));
    Message deleted = edits.delete(p.ann(), image.id());

    JsonObject json = MessageJson.of(deleted);
    assertThat(json.keySet()).containsExactly("_id", "chatId", "sender", "deleted", "createdAt");
    assertThat(json.getBoolean("deleted")).isTrue();
    Message read = inHistory(p.bob(), p.chat(), image.id());
    assertThat(MessageJson.of(read)).isEqualTo(json);
    assertThat(read.text()).isEmpty();
    assertThat(read.image()).isNull();
    assertThat(read.reactions().isEmpty()).isTrue();
    assertThat(inHistory(p.bob(), p.chat(), before.id()).text()).isEqualTo("earlier");
    assertThat(stack.mediaRecords.find(publicId)).as("gone from the image store").isEmpty();
    try (var files = Files.list(stack.mediaDir)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .noneMatch(name -> name.startsWith(publicId.value()));
    }
    assertThat(latest(p.chat())).isEqualTo(new Chat.LatestMessage("", p.ann(), true, "image"));
    JsonObject listed =
        ChatJson.of(stack.chatStore.find(p.chat()).orElseThrow(), p.bob())
            .getJsonObject("latestMessage");
    assertThat(listed.getBoolean("deleted")).isTrue();
    assertThat(listed.getString("text")).isEmpty();
    assertThat(stack.events.of(MessageDeleted.class))
        .filteredOn(event -> event.messageId().equals(image.id()))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.chatId()).isEqualTo(p.chat());
              assertThat(event.members()).containsExactlyInAnyOrder(p.ann(), p.bob());
            });

    assertThat(MessageJson.of(edits.delete(p.ann(), image.id())))
        .as("deleting again answers the same")
        .isEqualTo(json);
    assertThat(stack.events.of(MessageDeleted.class))
        .filteredOn(event -> event.messageId().equals(image.id()))
        .as("and tells no one again")
        .hasSize(1);
    refused(
        409,
        "This message was deleted",
        () -> edits.edit(p.ann(), image.id(), new Caption("back")));
    refused(
        409,
        "This message was deleted",
        () -> reactions.toggle(p.bob(), image.id(), new Emoji("👍")));

    sent(p.bob(), p.chat(), "what was that?");
    assertThat(latest(p.chat())).isEqualTo(new Chat.LatestMessage("what was that?", p.bob()));
    refused(403, "You can only delete your own messages", () -> edits.delete(p.ann(), before.id()));
  }

  @Test
  void theChatListShowsTheLastChangeOfItsLatestMessage() throws Exception {
    ChatHarness.Pair p = stack.pair();
    Message message = sent(p.ann(), p.chat(), "one");
    edits.edit(p.ann(), message.id(), new Caption("two"));
    Thread.sleep(5);
    edits.edit(p.ann(), message.id(), new Caption("a"));
    assertThat(latest(p.chat()))
        .as("a later edit wins, whatever its text")
        .isEqualTo(new Chat.LatestMessage("a", p.ann()));
    edits.delete(p.ann(), message.id());
    assertThat(latest(p.chat())).isEqualTo(new Chat.LatestMessage("", p.ann(), true));
    stack.chatStore.latestChanged(p.chat(), message.seq(), "late edit", false, message.createdAt());
    assertThat(latest(p.chat()))
        .as("an edit that raced with the deletion never brings the text back")
        .isEqualTo(new Chat.LatestMessage("", p.ann(), true));
  }

  @Test
  void deletingAnOlderMessageLeavesTheLatestAlone() {
    ChatHarness.Pair p = stack.pair();
    Message older = sent(p.ann(), p.chat(), "first");
    sent(p.ann(), p.chat(), "second");
    edits.delete(p.ann(), older.id());
    assertThat(latest(p.chat())).isEqualTo(new Chat.LatestMessage("second", p.ann()));
  }

  @Test
  void aReplyQuotesItsOriginalAsItIsNow() throws Exception {
    ChatHarness.Pair p = stack.pair();
    Message original = sent(p.ann(), p.chat(), "x".repeat(150));
    Message reply =
        stored(
            stack.messages.send(
                p.bob(),
                p.chat(),
                new MessageText("agreed"),
                Optional.empty(),
                Optional.of(original.id())));
    assertThat(reply.replyTo().id()).isEqualTo(original.id());
    assertThat(reply.replyTo().sender()).isEqualTo(p.ann());
    assertThat(reply.replyTo().text()).isEqualTo("x".repeat(100));
    assertThat(MessageJson.of(reply).getJsonObject("replyTo").getString("text")).hasSize(100);
    Poll.until(
        DEADLINE,
        "message:new with the quote",
        () ->
            stack.events.of(MessageSent.class).stream()
                .anyMatch(
                    event ->
                        event.message().id().equals(reply.id())
                            && reply.replyTo().equals(event.message().replyTo())));
    assertThat(Envelope.parseAll(new Envelope(reply, p.ann()).toBytes()).get(0).message())
        .isEqualTo(reply);

    Message image = imageSent(p.ann(), p.chat(), null, 20, 20);
    Message toImage =
        stored(
            stack.messages.sendImage(
                p.bob(),
                p.chat(),
                inspector.inspect(TestImages.png(20, 20)),
                new Caption("nice"),
                Optional.empty(),
                Optional.of(image.id())));
    assertThat(toImage.replyTo().text()).isEqualTo("📷 Image");

    edits.edit(p.ann(), original.id(), new Caption("changed my mind"));
    assertThat(inHistory(p.bob(), p.chat(), reply.id()).replyTo().text())
        .isEqualTo("changed my mind");
    edits.delete(p.ann(), original.id());
    JsonObject quote =
        MessageJson.of(inHistory(p.bob(), p.chat(), reply.id())).getJsonObject("replyTo");
    assertThat(quote.getString("_id")).isEqualTo(original.id().value());
    assertThat(quote.getString("sender")).isEqualTo(p.ann().value());
    assertThat(quote.containsKey("text")).as("no text once the original is deleted").isFalse();
    assertThat(quote.getBoolean("deleted")).isTrue();

    replyRefused(p, original.id(), "replyTo: that message was deleted");
    ChatHarness.Pair other = stack.pair();
    Message elsewhere = sent(other.ann(), other.chat(), "another chat");
    replyRefused(p, elsewhere.id(), "replyTo: no message with that id in this chat");
    replyRefused(p, MessageId.fresh(), "replyTo: no message with that id in this chat");
  }

  @Test
  void aRetriedReplyWhoseOriginalWasDeletedSinceGetsTheMessageItsFirstTryStored() {
    ChatHarness.Pair p = stack.pair();
    Message original = sent(p.ann(), p.chat(), "dinner at eight?");
    Optional<ClientId> clientId = Optional.of(new ClientId("reply-" + UUID.randomUUID()));
    Message reply = stored(reply(p, original.id(), clientId));
    edits.delete(p.ann(), original.id());

    assertThat(reply(p, original.id(), clientId)).isEqualTo(reply);
    Message next = sent(p.bob(), p.chat(), "anything else?"); // stored after whatever came before
    assertThat(next.seq()).as("the retry took no number").isEqualTo(reply.seq() + 1);
    assertThat(stack.history.page(p.bob(), p.chat(), Optional.empty(), 100).messages())
        .as("the retry sent nothing more")
        .extracting(Message::id)
        .containsExactly(original.id(), reply.id(), next.id());
    refused(
        400,
        "replyTo: that message was deleted",
        () -> reply(p, original.id(), Optional.of(new ClientId("reply-" + UUID.randomUUID()))));
  }

  @Test
  void reactionsToggleOnePerPersonAndEveryMemberHears() {
    ChatHarness.Pair p = stack.pair();
    UserId outsider = stack.userService.add("Eve");
    Message message = sent(p.ann(), p.chat(), "party at mine");

    Message once = reactions.toggle(p.bob(), message.id(), new Emoji("👍"));
    assertThat(MessageJson.reactions(once.reactions()).toString())
        .isEqualTo("{\"👍\":[\"" + p.bob().value() + "\"]}");
    reactions.toggle(p.ann(), message.id(), new Emoji("👍"));
    Message replaced = reactions.toggle(p.bob(), message.id(), new Emoji("❤️"));
    assertThat(replaced.reactions().byUser())
        .as("one per person: Bob's heart took the place of his thumb")
        .containsOnly(
            java.util.Map.entry(p.ann(), new Emoji("👍")),
            java.util.Map.entry(p.bob(), new Emoji("❤️")));
    Message takenBack = reactions.toggle(p.ann(), message.id(), new Emoji("👍"));
    assertThat(MessageJson.reactions(takenBack.reactions()).toString())
        .isEqualTo("{\"❤️\":[\"" + p.bob().value() + "\"]}");
    assertThat(
            MessageJson.of(inHistory(p.ann(), p.chat(), message.id())).getJsonObject("reactions"))
        .isEqualTo(MessageJson.reactions(takenBack.reactions()));

    List<ReactionsChanged> heard =
        stack.events.of(ReactionsChanged.class).stream()
            .filter(event -> event.messageId().equals(message.id()))
            .toList();
    assertThat(heard).hasSize(4);
    assertThat(heard.get(3).reactions()).isEqualTo(takenBack.reactions());
    assertThat(heard.get(3).members()).containsExactlyInAnyOrder(p.ann(), p.bob());

    refused(
        403,
        "You are not a member of this chat",
        () -> reactions.toggle(outsider, message.id(), new Emoji("👍")));
    MessageId unknown = MessageId.fresh();
    refused(
        404,
        "No message with id " + unknown,
        () -> reactions.toggle(p.ann(), unknown, new Emoji("👍")));
    Message last = reactions.toggle(p.bob(), message.id(), new Emoji("❤️"));
    assertThat(last.reactions().isEmpty()).isTrue();
    assertThat(MessageJson.of(inHistory(p.ann(), p.chat(), message.id())).containsKey("reactions"))
        .isFalse();
  }

  /** Bob's reply "see you then" to {@code original} in his chat with Ann. */
  private Message reply(ChatHarness.Pair p, MessageId original, Optional<ClientId> clientId) {
    return stack.messages.send(
        p.bob(), p.chat(), new MessageText("see you then"), clientId, Optional.of(original));
  }

  /** Bob's reply to {@code original} in his chat with Ann is a 400 saying {@code why}. */
  private void replyRefused(ChatHarness.Pair p, MessageId original, String why) {
    refused(
        400,
        why,
        () ->
            stack.messages.send(
                p.bob(), p.chat(), new MessageText("?"), Optional.empty(), Optional.of(original)));
  }
}
