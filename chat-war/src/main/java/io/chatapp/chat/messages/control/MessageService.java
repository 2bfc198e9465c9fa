package io.chatapp.chat.messages.control;

import io.chatapp.chat.chats.control.ChatService;
import io.chatapp.chat.chats.control.ChatStore;
import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.control.DomainEvents;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.media.control.ImageStore;
import io.chatapp.chat.media.entity.ImageFile;
import io.chatapp.chat.messages.entity.Caption;
import io.chatapp.chat.messages.entity.ClientId;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageImage;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.messages.entity.MessagesRead;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sending, reading and marking messages read. Every operation costs a fixed number of lookups by
 * key: sending never reads the history, a page of history is one page.
 */
@ApplicationScoped
public class MessageService {

  @Inject ChatService chatService;
  @Inject ChatStore chats;
  @Inject MessageStore messages;
  @Inject MessagePipeline pipeline;
  @Inject DomainEvents events;
  @Inject ImageStore images;

  public MessageService() {}

  /** For use outside the container (tests, benchmarks). */
  public MessageService(
      ChatService chatService,
      ChatStore chats,
      MessageStore messages,
      MessagePipeline pipeline,
      DomainEvents events,
      ImageStore images) {
    this.chatService = chatService;
    this.chats = chats;
    this.messages = messages;
    this.pipeline = pipeline;
    this.events = events;
    this.images = images;
  }

  /** One page of a chat's history, oldest first, and the other member. */
  public record Page(List<Message> messages, UserId otherUser) {}

  /**
   * Sends a text message: returns once the broker confirmed it (503 otherwise). With a client id, a
   * retry returns the first message (publishing it again if the broker had not confirmed it).
   */
  public Message send(UserId sender, ChatId chatId, MessageText text, Optional<ClientId> clientId) {
    Chat chat = chatService.memberChat(sender, chatId);
    String clientKey = clientKey(sender, chatId, clientId);
    Optional<MessageStore.PendingSend> earlier = findSend(clientKey);
    if (earlier.isPresent()) {
      return resend(clientKey, earlier.get());
    }
    return publishNew(chat, sender, text.value(), null, clientKey);
  }

  /**
   * Sends an image message, its image stored first (Cloudinary or the local store): a store that
   * cannot take it is a 502/503 and no message. A retry with the same client id returns the first
   * message without storing the image again; an image stored by a send that then failed or lost a
   * race to a concurrent retry is removed again.
   */
  public Message sendImage(
      UserId sender, ChatId chatId, ImageFile image, Caption caption, Optional<ClientId> clientId) {
    Chat chat = chatService.memberChat(sender, chatId);
    String clientKey = clientKey(sender, chatId, clientId);
    Optional<MessageStore.PendingSend> earlier = findSend(clientKey);
    if (earlier.isPresent()) {
      return resend(clientKey, earlier.get());
    }
    MessageImage stored = images.store(chatId, image);
    try {
      return publishNew(chat, sender, caption.value(), stored, clientKey);
    } catch (RuntimeException e) {
      boolean remembered =
          clientKey != null
              && findSend(clientKey)
                  .map(send -> stored.equals(send.message().image()))
                  .orElse(false);
      if (!remembered) {
        images.delete(stored.publicId());
      }
      throw e;
    }
  }

  private Message publishNew(
      Chat chat, UserId sender, String text, MessageImage image, String clientKey) {
    UserId recipient = chat.otherThan(sender);
    Message message =
        new Message(
            MessageId.fresh(),
            chat.id(),
            chats.nextSeq(chat.id()),
            sender,
            text,
            image,
            false,
            null,
            IsoTime.now(),
            null);
    if (clientKey != null && !messages.rememberSend(clientKey, message, recipient)) {
      if (image != null) {
        images.delete(image.publicId());
      }
      return resend(clientKey, messages.findSend(clientKey).orElseThrow());
    }
    pipeline.publish(message, recipient);
    if (clientKey != null) {
      messages.markPublished(clientKey);
    }
    return message;
  }

  private static String clientKey(UserId sender, ChatId chatId, Optional<ClientId> clientId) {
    return clientId
        .map(id -> chatId.value() + ":" + sender.value() + ":" + id.value())
        .orElse(null);
  }

  private Optional<MessageStore.PendingSend> findSend(String clientKey) {
    return clientKey == null ? Optional.empty() : messages.findSend(clientKey);
  }

  /**
   * The {@code limit} messages before {@code before} (default: the newest), oldest first. The
   * caller's unseen messages on the page become seen, the caller's unread counter is reset, and the
   * sender hears of it ({@link MessagesRead}).
   */
  public Page history(UserId caller, ChatId chatId, Optional<MessageId> before, int limit) {
    Chat chat = chatService.memberChat(caller, chatId);
    long top = chat.seq();
    if (before.isPresent()) {
      Message anchor =
          messages
              .find(before.get())
              .filter(message -> message.chatId().equals(chatId))
              .orElseThrow(
                  () -> ApiException.badRequest("before: no message with that id in this chat"));
      top = anchor.seq() - 1;
    }
    List<Message> page = messages.page(chatId, top, limit);
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
    return new Page(page, other);
  }

  /**
   * The reader has seen these messages (the WebSocket's {@code message:read}, or a notice while
   * viewing the chat): marks those of the other member seen, resets the reader's unread counter,
   * tells the sender. Returns the ids that changed.
   */
  public List<MessageId> markRead(UserId reader, ChatId chatId, List<MessageId> ids) {
    Chat chat = chatService.memberChat(reader, chatId);
    if (ids.size() > 100) {
      throw ApiException.badRequest("At most 100 message ids at a time");
    }
    UserId other = chat.otherThan(reader);
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

  private Message resend(String clientKey, MessageStore.PendingSend earlier) {
    if (!earlier.published()) {
      pipeline.publish(earlier.message(), earlier.recipient());
      messages.markPublished(clientKey);
    }
    return earlier.message();
  }

  /** Records that the message reached a recipient's socket (for ✓✓ delivered). */
  public MessageStore.Delivery markDelivered(MessageId id) {
    return messages.markDelivered(id, IsoTime.now());
  }

  /** Whether the message is stored and already read. */
  public boolean isSeen(MessageId id) {
    return messages.find(id).map(Message::seen).orElse(false);
  }
}
