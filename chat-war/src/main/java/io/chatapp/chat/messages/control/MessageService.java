package io.chatapp.chat.messages.control;

import io.chatapp.chat.chats.control.ChatMembers;
import io.chatapp.chat.chats.control.ChatSequence;
import io.chatapp.chat.chats.control.ChatService;
import io.chatapp.chat.chats.control.ChatStore;
import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.control.DomainEvents;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.media.control.ImageStore;
import io.chatapp.chat.media.entity.ImageFile;
import io.chatapp.chat.messages.entity.Addressed;
import io.chatapp.chat.messages.entity.Caption;
import io.chatapp.chat.messages.entity.ClientId;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageImage;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.messages.entity.MessagesRead;
import io.chatapp.chat.messages.entity.ReplyTo;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sending, reading and marking messages read. Every operation costs a fixed number of lookups by
 * key: sending never reads the history, a page of history is one page. A send is one Redis round
 * trip (the chat's next sequence number, {@link ChatSequence}, and the claim of its client id,
 * {@link RecentSends}) and one confirmed publish, with no database round trip; membership comes
 * from {@link io.chatapp.chat.chats.control.ChatMembers}. Only a retry looks the message up.
 */
@ApplicationScoped
public class MessageService {

  @Inject ChatService chatService;
  @Inject ChatStore chats;
  @Inject ChatSequence sequence;
  @Inject MessageStore messages;
  @Inject MessagePipeline pipeline;
  @Inject SendAdmission admission;
  @Inject SendRate rate;
  @Inject DomainEvents events;
  @Inject ImageStore images;
  @Inject GroupReads groupReads;
  @Inject Replies replies;
  @Inject RecentSends recentSends;

  public MessageService() {}

  /** For use outside the container (tests, benchmarks). */
  public MessageService(
      ChatService chatService,
      ChatStore chats,
      ChatSequence sequence,
      MessageStore messages,
      MessagePipeline pipeline,
      SendAdmission admission,
      SendRate rate,
      DomainEvents events,
      ImageStore images) {
    this.chatService = chatService;
    this.chats = chats;
    this.sequence = sequence;
    this.messages = messages;
    this.pipeline = pipeline;
    this.admission = admission;
    this.rate = rate;
    this.events = events;
    this.images = images;
    this.replies = new Replies(messages);
  }

  /** Outside the container, with sends by client id (tests, benchmarks). */
  public MessageService recentSends(RecentSends recentSends) {
    this.recentSends = recentSends;
    return this;
  }

  /** Outside the container, with group read state (tests, benchmarks). */
  public MessageService groupReads(GroupReads groupReads) {
    this.groupReads = groupReads;
    return this;
  }

  /**
   * One page of a chat's history, oldest first, the other member ({@code null} in a group) and the
   * chat as it was read (a group's read positions give its messages' {@code readBy}).
   */
  public record Page(List<Message> messages, UserId otherUser, Chat chat) {

    public Page(List<Message> messages, UserId otherUser) {
      this(messages, otherUser, null);
    }
  }

  /**
   * Sends a text message: returns once the pipeline has it (503 otherwise, or when the service is
   * at capacity). With a client id, a retry within {@link RecentSends}' window returns the same
   * message, never a second one.
   */
  public Message send(UserId sender, ChatId chatId, MessageText text, Optional<ClientId> clientId) {
    return send(sender, chatId, text, clientId, Optional.empty());
  }

  /**
   * Sends a text message, a reply to {@code replyTo} when given (400 when that is not a message of
   * this chat, or was deleted): the message carries its quote.
   */
  public Message send(
      UserId sender,
      ChatId chatId,
      MessageText text,
      Optional<ClientId> clientId,
      Optional<MessageId> replyTo) {
    return send(sender, chatId, text.value(), clientId, replyTo, () -> null);
  }

  /**
   * Sends an image message, its image stored first (Cloudinary or the local store): a store that
   * cannot take it is a 502/503 and no message. A retry with the same client id returns the stored
   * message, and the image it stored again is removed, as is an image whose send then failed.
   */
  public Message sendImage(
      UserId sender, ChatId chatId, ImageFile image, Caption caption, Optional<ClientId> clientId) {
    return sendImage(sender, chatId, image, caption, clientId, Optional.empty());
  }

  /** Sends an image message, a reply to {@code replyTo} when given. */
  public Message sendImage(
      UserId sender,
      ChatId chatId,
      ImageFile image,
      Caption caption,
      Optional<ClientId> clientId,
      Optional<MessageId> replyTo) {
    return send(
        sender, chatId, caption.value(), clientId, replyTo, () -> images.store(chatId, image));
  }

  /**
   * The message stored for an earlier try of this send, if any: the answer to a retry that is
   * refused now (a reply whose original was deleted between the tries) but was taken then.
   */
  private Optional<Message> storedBefore(ChatId chatId, UserId sender, ClientId clientId) {
    return recentSends.earlier(chatId, sender, clientId).flatMap(messages::find);
  }

  /**
   * A send: admission comes before the image (if any) is stored, so a refusal stores nothing. The
   * send is numbered, and its client id claimed, in one round trip; a retry found stored is
   * answered with what was stored (and an image stored again is removed).
   */
  private Message send(
      UserId sender,
      ChatId chatId,
      String text,
      Optional<ClientId> clientId,
      Optional<MessageId> replyTo,
      Supplier<MessageImage> storeImage) {
    ChatMembers.Membership members = chatService.membership(sender, chatId);
    ReplyTo quoted;
    try {
      quoted = replyTo.map(original -> replies.quote(chatId, original)).orElse(null);
    } catch (Refusal refused) {
      return clientId.flatMap(id -> storedBefore(chatId, sender, id)).orElseThrow(() -> refused);
    }
    rate.take(sender);
    try (SendAdmission.Permit permit = admission.admit()) {
      MessageImage image = storeImage.get();
      try {
        MessageId fresh = MessageId.fresh();
        ChatSequence.Numbered numbered =
            sequence.next(chatId, clientId.map(id -> recentSends.claim(chatId, sender, id, fresh)));
        Optional<MessageId> retried = numbered.claimedBefore().map(MessageId::new);
        Optional<Message> earlier = retried.flatMap(messages::find);
        if (earlier.isPresent()) {
          discard(image);
          return earlier.get();
        }
        Message message =
            new Message(
                    retried.orElse(fresh),
                    chatId,
                    retried.isEmpty() ? numbered.number() : sequence.next(chatId),
                    sender,
                    text,
                    image,
                    false,
                    null,
                    IsoTime.now(),
                    null)
                .withReplyTo(quoted);
        Addressed addressed =
            members.group()
                ? Addressed.toGroup(message, membersOnceNumbered(sender, chatId))
                : new Addressed(message, members.others(sender).get(0));
        pipeline.accept(retried.isEmpty() ? addressed.asFirstSend() : addressed);
        return message;
      } catch (RuntimeException e) {
        discard(image);
        throw e;
      }
    }
  }

  /**
   * A group's other members as they are once the message has its number, read again (from the
   * members cache, which every instance is told to forget on a change): a member removed while the
   * send was under way, which an image upload can make a minute, gets nothing sent after the
   * removal, and a sender removed meanwhile is refused (403; the number stays a gap). What is left
   * is the few milliseconds between a removal taking its number and writing the members. A 1:1
   * chat's members never change.
   */
  private List<UserId> membersOnceNumbered(UserId sender, ChatId chatId) {
    return chatService.membership(sender, chatId).others(sender);
  }

  private void discard(MessageImage image) {
    if (image != null) {
      images.delete(image.publicId());
    }
  }

  /**
   * The {@code limit} messages before {@code before} (default: the newest), oldest first. The
   * caller's unseen messages on the page become seen, the caller's unread counter is reset, and the
   * sender hears of it ({@link MessagesRead}).
   */
  public Page history(UserId caller, ChatId chatId, Optional<MessageId> before, int limit) {
    Chat chat = chatService.readableChat(caller, chatId);
    long top = chat.visibleTop(caller);
    if (before.isPresent()) {
      Message anchor =
          messages
              .find(before.get())
              .filter(message -> message.chatId().equals(chatId))
              .orElseThrow(
                  () -> Refusal.badRequest("before: no message with that id in this chat"));
      top = Math.min(top, anchor.seq() - 1);
    }
    List<Message> page = messages.page(chatId, top, limit);
    if (chat.isGroup()) {
      groupReads.pageRead(caller, chat, page);
      return new Page(replies.current(page), null, chat);
    }
    UserId other = chat.otherThan(caller);
    List<MessageId> unseen =
        page.stream()
            .filter(message -> message.sender().equals(other) && !message.seen())
            .map(Message::id)
            .toList();
    Instant now = IsoTime.now();
    messages.markSeen(unseen, now);
    if (chat.unreadFor(caller) != 0) {
      chats.resetUnread(chatId, caller);
    }
    if (!unseen.isEmpty()) {
      events.fire(new MessagesRead(chatId, caller, other, unseen));
      Set<MessageId> marked = new HashSet<>(unseen);
      page =
          page.stream()
              .map(message -> marked.contains(message.id()) ? message.withSeen(now) : message)
              .toList();
    }
    return new Page(replies.current(page), other, chat);
  }

  /**
   * The reader has seen these messages (the WebSocket's {@code message:read}, or a notice while
   * viewing the chat): marks those of the other member seen, resets the reader's unread counter,
   * tells the sender. Returns the ids that changed.
   */
  public List<MessageId> markRead(UserId reader, ChatId chatId, List<MessageId> ids) {
    ChatMembers.Membership members = chatService.membership(reader, chatId);
    if (ids.size() > 100) {
      throw Refusal.badRequest("At most 100 message ids at a time");
    }
    if (members.group()) {
      return groupReads.markRead(reader, chatId, ids, members);
    }
    UserId other = members.others(reader).get(0);
    List<MessageId> changed =
        messages.findAll(ids).stream()
            .filter(m -> m.chatId().equals(chatId) && m.sender().equals(other) && !m.seen())
            .map(Message::id)
            .toList();
    messages.markSeen(changed, IsoTime.now());
    chats.resetUnread(chatId, reader);
    if (!changed.isEmpty()) {
      events.fire(new MessagesRead(chatId, reader, other, changed));
    }
    return changed;
  }
}
