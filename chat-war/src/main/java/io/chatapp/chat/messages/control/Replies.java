package io.chatapp.chat.messages.control;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.ReplyTo;
import io.chatapp.platform.errors.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replies and what they quote. A reply stores its quote as it was sent ({@link ReplyTo}); a page of
 * history shows each quote as its original is now (edited, or deleted and without text), from one
 * lookup by id of the originals not on the page, so a page costs the same with or without replies.
 */
@ApplicationScoped
public class Replies {

  @Inject MessageStore messages;

  public Replies() {}

  /** For use outside the container (tests, benchmarks). */
  public Replies(MessageStore messages) {
    this.messages = messages;
  }

  /**
   * The quote of message {@code original} for a reply in {@code chat}: 400 when there is no such
   * message in that chat, or it was deleted.
   */
  public ReplyTo quote(ChatId chat, MessageId original) {
    Message quoted =
        messages
            .find(original)
            .filter(message -> message.chatId().equals(chat))
            .orElseThrow(() -> Refusal.badRequest("replyTo: no message with that id in this chat"));
    if (quoted.deleted()) {
      throw Refusal.badRequest("replyTo: that message was deleted");
    }
    return ReplyTo.of(quoted);
  }

  /** The page with each reply's quote as its original is now. */
  public List<Message> current(List<Message> page) {
    Map<MessageId, Message> originals = new HashMap<>();
    page.forEach(message -> originals.put(message.id(), message));
    List<MessageId> elsewhere =
        page.stream()
            .map(Message::replyTo)
            .filter(Objects::nonNull)
            .map(ReplyTo::id)
            .filter(id -> !originals.containsKey(id))
            .distinct()
            .toList();
    messages.findAll(elsewhere).forEach(message -> originals.put(message.id(), message));
    return page.stream()
        .map(
            message -> {
              Message original =
                  message.replyTo() == null ? null : originals.get(message.replyTo().id());
              return original == null ? message : message.withReplyTo(ReplyTo.of(original));
            })
        .toList();
  }
}
