package io.chatapp.chat.messages.control;

import io.chatapp.chat.chats.control.ChatMembers;
import io.chatapp.chat.chats.control.ChatSequence;
import io.chatapp.chat.chats.control.ChatService;
import io.chatapp.chat.chats.entity.ChatId;
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
import io.chatapp.chat.messages.entity.ReplyTo;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sending a message, text or image, as a reply or not. A send costs a fixed number of lookups by
 * key and never reads the history. A send is one Redis round trip (the chat's next sequence number,
 * {@link ChatSequence}, and the claim of its client id, {@link RecentSends}) and one confirmed
 * publish, with no database round trip; membership comes from {@link
 * io.chatapp.chat.chats.control.ChatMembers}. Only a retry looks the message up.
 */
@ApplicationScoped
public class MessageService {

  @Inject ChatService chatService;
  @Inject ChatSequence sequence;
  @Inject MessageStore messages;
  @Inject MessagePipeline pipeline;
  @Inject SendAdmission admission;
  @Inject SendRate rate;
  @Inject ImageStore images;
  @Inject Replies replies;
  @Inject RecentSends recentSends;

  public MessageService() {}

  /** For use outside the container (tests, benchmarks). */
  public MessageService(
      ChatService chatService,
      ChatSequence sequence,
      MessageStore messages,
      MessagePipeline pipeline,
      SendAdmission admission,
      SendRate rate,
      ImageStore images) {
    this.chatService = chatService;
    this.sequence = sequence;
    this.messages = messages;
    this.pipeline = pipeline;
    this.admission = admission;
    this.rate = rate;
    this.images = images;
    this.replies = new Replies(messages);
  }

  /** Outside the container, with sends by client id (tests, benchmarks). */
  public MessageService recentSends(RecentSends recentSends) {
    this.recentSends = recentSends;
    return this;
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
    return sendImage(sender, chatId, () -> image, caption, clientId, replyTo);
  }

  /**
   * Sends an image message whose image is read and decoded ({@code image}, which may refuse it)
   * only once the send is allowed: the sender is a member of the chat (403/404), within their rate
   * (429) and admitted (503): decoding takes heap and CPU, which no one who may not send to the
   * chat must get the server to spend.
   */
  public Message sendImage(
      UserId sender,
      ChatId chatId,
      Supplier<ImageFile> image,
      Caption caption,
      Optional<ClientId> clientId,
      Optional<MessageId> replyTo) {
    return send(
        sender,
        chatId,
        caption.value(),
        clientId,
        replyTo,
        () -> images.store(chatId, image.get()));
  }

  /**
   * The message stored for an earlier try of this send, if any: the answer to a retry that is
   * refused now (a reply whose original was deleted between the tries) but was taken then.
   */
  private Optional<Message> storedBefore(ChatId chatId, UserId sender, ClientId clientId) {
    return recentSends.earlier(chatId, sender, clientId).flatMap(messages::find);
  }

  /**
   * A send: membership, the reply's quote, the sender's rate and admission come before the image
   * (if any) is decoded and stored, so a refusal decodes and stores nothing. The send is numbered,
   * and its client id claimed, in one round trip; a retry found stored is answered with what was
   * stored (and an image stored again is removed).
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
}
