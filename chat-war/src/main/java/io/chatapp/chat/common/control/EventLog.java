package io.chatapp.chat.common.control;

import io.chatapp.chat.chats.entity.ChatCreated;
import io.chatapp.chat.messages.entity.ChatRefresh;
import io.chatapp.chat.messages.entity.MessageSent;
import io.chatapp.chat.messages.entity.MessagesRead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Logs every domain event at FINE (ids only, never a message text), to trace the pipeline. */
@ApplicationScoped
public class EventLog {

  private static final Logger LOG = Logger.getLogger(EventLog.class.getName());

  void chatCreated(@Observes ChatCreated event) {
    LOG.log(Level.FINE, "chat:new {0} by {1}", new Object[] {event.chatId(), event.createdBy()});
  }

  void messageSent(@Observes MessageSent event) {
    LOG.log(
        Level.FINE,
        "message:new {0} in {1} for {2}",
        new Object[] {event.message().id(), event.chatId(), event.recipientId()});
  }

  void chatRefresh(@Observes ChatRefresh event) {
    LOG.log(
        Level.FINE,
        "chat:refresh {0} for {1}",
        new Object[] {event.message().chatId(), event.recipientId()});
  }

  void messagesRead(@Observes MessagesRead event) {
    LOG.log(
        Level.FINE,
        "message:read {0} messages in {1} by {2}",
        new Object[] {event.messageIds().size(), event.chatId(), event.readerId()});
  }
}
