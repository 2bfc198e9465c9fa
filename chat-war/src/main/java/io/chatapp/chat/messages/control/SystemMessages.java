package io.chatapp.chat.messages.control;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.messages.entity.Addressed;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.DependencyUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The messages a group's changes write into it ({@code messageType: "system"}: "Alice added Bob"),
 * sent through the {@link MessagePipeline} like any message: stored, counted as the group's latest
 * message, delivered as {@code message:new} to the members it names.
 *
 * <p>Such a message tells of a change already made. When the pipeline cannot take it (the broker is
 * down), it takes the pipeline's steps here, in the request: stored, then handed on. A 503 there
 * would refuse a change that was made (its retry then meets "already a member", or makes a second
 * group), and leaving the message out would make a change nobody was told of.
 */
@ApplicationScoped
public class SystemMessages {

  private static final Logger LOG = Logger.getLogger(SystemMessages.class.getName());

  @Inject MessagePipeline pipeline;
  @Inject MessageSteps steps;

  public SystemMessages() {}

  /** For use outside the container (tests, benchmarks). */
  public SystemMessages(MessagePipeline pipeline, MessageSteps steps) {
    this.pipeline = pipeline;
    this.steps = steps;
  }

  /**
   * Posts {@code text} as the chat's message number {@code seq}, in {@code actor}'s name, for
   * {@code recipients}; returns once the pipeline has it, or once it is stored when the pipeline is
   * unavailable.
   */
  public Message post(ChatId chat, long seq, UserId actor, String text, List<UserId> recipients) {
    Message message =
        Message.system(
            MessageId.fresh(), chat, seq, actor, new MessageText(text).value(), IsoTime.now());
    Addressed addressed = Addressed.toGroup(message, recipients).asFirstSend();
    try {
      pipeline.accept(addressed);
    } catch (DependencyUnavailableException e) {
      LOG.log(
          Level.WARNING,
          "The pipeline is unavailable ({0}); storing the system message of chat {1} in the request",
          new Object[] {e.getMessage(), chat});
      // the broker may have taken it before failing to confirm: stored idempotently, as a retry
      steps.handOn(steps.store(List.of(addressed), true));
    }
    return message;
  }
}
