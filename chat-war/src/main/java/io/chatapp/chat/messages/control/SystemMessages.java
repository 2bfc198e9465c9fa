package io.chatapp.chat.messages.control;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.messages.entity.Addressed;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The messages a group's changes write into it ({@code messageType: "system"}: "Alice added Bob"),
 * sent through the {@link MessagePipeline} like any message: stored, counted as the group's latest
 * message, delivered as {@code message:new} to the members it names.
 */
@ApplicationScoped
public class SystemMessages {

  @Inject MessagePipeline pipeline;

  public SystemMessages() {}

  /** For use outside the container (tests, benchmarks). */
  public SystemMessages(MessagePipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * Posts {@code text} as the chat's message number {@code seq}, in {@code actor}'s name, for
   * {@code recipients}; returns once the pipeline has it.
   */
  public Message post(ChatId chat, long seq, UserId actor, String text, List<UserId> recipients) {
    Message message =
        Message.system(
            MessageId.fresh(), chat, seq, actor, new MessageText(text).value(), IsoTime.now());
    pipeline.accept(Addressed.toGroup(message, recipients).asFirstSend());
    return message;
  }
}
