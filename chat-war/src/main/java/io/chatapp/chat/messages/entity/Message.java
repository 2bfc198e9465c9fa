package io.chatapp.chat.messages.entity;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;
import java.time.Instant;

/**
 * A text or image message ({@code image} null for text; an image message's text may be empty).
 * {@code seq} is its place in the chat (1, 2, 3, ...), given when it is sent; pages of history are
 * read by it, never by scanning. Clients never see it. {@code deliveredAt} is when it first reached
 * one of the recipient's sockets (✓✓ delivered, before ✓✓ read). A {@code system} message is one
 * the service writes into a group when its members change ("Alice added Bob"); its sender is who
 * did it. A reply carries the message it quotes ({@code replyTo}, else null); {@code editedAt} is
 * when its sender last edited it; a deleted message keeps only its place, chat, sender and time
 * ({@code MessageJson}).
 */
public record Message(
    MessageId id,
    ChatId chatId,
    long seq,
    UserId sender,
    String text,
    MessageImage image,
    boolean seen,
    Instant seenAt,
    Instant createdAt,
    Instant deliveredAt,
    boolean system,
    ReplyTo replyTo,
    Instant editedAt,
    boolean deleted,
    Reactions reactions) {

  public static final String TYPE_TEXT = "text";
  public static final String TYPE_IMAGE = "image";
  public static final String TYPE_SYSTEM = "system";

  /** What the chat list shows for an image message, with or without text. */
  public static final String IMAGE_PREVIEW = "\uD83D\uDCF7 Image";

  public Message {
    if (text == null) {
      throw new IllegalArgumentException("text is required (empty for an image alone)");
    }
    reactions = reactions == null ? Reactions.NONE : reactions;
  }

  /** A text or image message as sent (not a system one): not edited, deleted nor reacted to. */
  public Message(
      MessageId id,
      ChatId chatId,
      long seq,
      UserId sender,
      String text,
      MessageImage image,
      boolean seen,
      Instant seenAt,
      Instant createdAt,
      Instant deliveredAt) {
    this(
        id,
        chatId,
        seq,
        sender,
        text,
        image,
        seen,
        seenAt,
        createdAt,
        deliveredAt,
        false,
        null,
        null,
        false,
        Reactions.NONE);
  }

  /** A system message of a group: what changed, said by the service in {@code actor}'s name. */
  public static Message system(
      MessageId id, ChatId chatId, long seq, UserId actor, String text, Instant createdAt) {
    return new Message(
        id,
        chatId,
        seq,
        actor,
        text,
        null,
        false,
        null,
        createdAt,
        null,
        true,
        null,
        null,
        false,
        Reactions.NONE);
  }

  /** A text message not delivered yet. */
  public Message(
      MessageId id,
      ChatId chatId,
      long seq,
      UserId sender,
      String text,
      boolean seen,
      Instant seenAt,
      Instant createdAt) {
    this(id, chatId, seq, sender, text, null, seen, seenAt, createdAt, null);
  }

  /** The same message at another place in its chat. */
  public Message withSeq(long newSeq) {
    return copy(newSeq, seen, seenAt, replyTo);
  }

  public Message withSeen(Instant at) {
    return copy(seq, true, at, replyTo);
  }

  /** The same message quoting {@code quoted} (as it is now), or nothing. */
  public Message withReplyTo(ReplyTo quoted) {
    return copy(seq, seen, seenAt, quoted);
  }

  private Message copy(long newSeq, boolean newSeen, Instant newSeenAt, ReplyTo newReplyTo) {
    return new Message(
        id,
        chatId,
        newSeq,
        sender,
        text,
        image,
        newSeen,
        newSeenAt,
        createdAt,
        deliveredAt,
        system,
        newReplyTo,
        editedAt,
        deleted,
        reactions);
  }

  /** {@code "image"}, {@code "text"} or {@code "system"}. */
  public String messageType() {
    if (system) {
      return TYPE_SYSTEM;
    }
    return image == null ? TYPE_TEXT : TYPE_IMAGE;
  }

  /** What the chat list shows of it as the latest message. */
  public String preview() {
    return image == null ? text : IMAGE_PREVIEW;
  }

  /** Delivered once it reached a recipient's socket, and certainly once it was read. */
  public boolean delivered() {
    return deliveredAt != null || seen;
  }
}
