package io.chatapp.chat.realtime.control;

import io.chatapp.chat.chats.entity.ChatCreated;
import io.chatapp.chat.messages.control.MessageService;
import io.chatapp.chat.messages.control.MessageStore;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageNotice;
import io.chatapp.chat.messages.entity.MessageSent;
import io.chatapp.chat.messages.entity.MessagesRead;
import io.chatapp.chat.realtime.control.RealtimeBus.DeliveredLocally;
import io.chatapp.chat.realtime.entity.Frame;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the service's domain events into the frames of the original socket protocol, for every
 * socket of the users concerned on any instance.
 */
@ApplicationScoped
public class EventRelay {

  private static final Logger LOG = Logger.getLogger(EventRelay.class.getName());

  @Inject RealtimeBus bus;
  @Inject Viewing viewing;
  @Inject MessageService messages;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService scheduler;

  void chatCreated(@Observes ChatCreated event) {
    bus.toUsers(
        List.of(event.otherUserId()),
        Frame.of(
            "chat:new",
            Json.createObjectBuilder()
                .add("chatId", event.chatId().value())
                .add("createdBy", event.createdBy().value())
                .build()));
  }

  /** {@code message:new} to both members' sockets: the recipient's and the sender's other tabs. */
  void messageSent(@Observes MessageSent event) {
    bus.message(
        List.of(event.recipientId(), event.senderId()),
        Frame.of(
            "message:new",
            Json.createObjectBuilder()
                .add("message", event.message().toJson())
                .add("chatId", event.chatId().value())
                .add("senderId", event.senderId().value())
                .build()),
        new DeliveredLocally(
            event.message().id().value(),
            event.chatId().value(),
            event.recipientId(),
            event.senderId()));
  }

  /**
   * A recipient looking at the chat has read the message at once; one who is not gets {@code
   * chat:refresh} so the chat list moves and counts. Throwing makes the notification queue retry
   * later (the message may not be stored yet).
   */
  void messageNotice(@Observes MessageNotice event) {
    if (viewing.isViewing(event.recipientId(), event.chatId())) {
      List<MessageId> read =
          messages.markRead(event.recipientId(), event.chatId(), List.of(event.message().id()));
      if (read.isEmpty() && !messages.isSeen(event.message().id())) {
        throw new IllegalStateException("Message not stored yet; marking it read later");
      }
      return;
    }
    bus.toUsers(
        List.of(event.recipientId()),
        Frame.of(
            "chat:refresh",
            Json.createObjectBuilder()
                .add("chatId", event.chatId().value())
                .add("message", event.message().toJson())
                .build()));
  }

  void messagesRead(@Observes MessagesRead event) {
    var ids = Json.createArrayBuilder();
    event.messageIds().forEach(id -> ids.add(id.value()));
    bus.toUsers(
        List.of(event.senderId()),
        Frame.of(
            "message:read",
            Json.createObjectBuilder()
                .add("chatId", event.chatId().value())
                .add("messageIds", ids)
                .build()));
  }

  /** ✓✓ delivered: recorded once, then told to the sender. Retried while not yet stored. */
  void deliveredLocally(@ObservesAsync DeliveredLocally event) {
    markDelivered(event, 1);
  }

  private void markDelivered(DeliveredLocally event, int attempt) {
    try {
      MessageStore.Delivery delivery = messages.markDelivered(new MessageId(event.messageId()));
      if (delivery == MessageStore.Delivery.NOT_STORED_YET && attempt < 10) {
        scheduler.schedule(
            () -> markDelivered(event, attempt + 1), attempt * 500L, TimeUnit.MILLISECONDS);
      } else if (delivery == MessageStore.Delivery.MARKED) {
        bus.toUsers(
            List.of(event.sender()),
            Frame.of(
                "message:delivered",
                Json.createObjectBuilder()
                    .add("chatId", event.chatId())
                    .add("messageIds", Json.createArrayBuilder().add(event.messageId()))
                    .build()));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Recording a delivery failed", e);
    }
  }
}
