package io.chatapp.chat.realtime.boundary;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.entity.ChatCreated;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.boundary.MessageJson;
import io.chatapp.chat.messages.control.Deliveries;
import io.chatapp.chat.messages.entity.ChatRefresh;
import io.chatapp.chat.messages.entity.Delivery;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageSent;
import io.chatapp.chat.messages.entity.MessagesDelivered;
import io.chatapp.chat.messages.entity.MessagesRead;
import io.chatapp.chat.realtime.control.RealtimeBus;
import io.chatapp.chat.realtime.entity.DeliveredLocally;
import io.chatapp.chat.realtime.entity.Frame;
import io.chatapp.chat.realtime.entity.GroupReceipt;
import io.chatapp.chat.realtime.entity.Receipt;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
  @Inject Deliveries deliveries;

  void chatCreated(@Observes ChatCreated event) {
    bus.toUsers(
        List.of(event.otherUserId()),
        Frame.of(
            "chat:new",
            JSON.createObjectBuilder()
                .add("chatId", event.chatId().value())
                .add("createdBy", event.createdBy().value())
                .build()));
  }

  /**
   * {@code message:new} to both members' sockets: the recipient's and the sender's other tabs. The
   * instance holding a recipient's socket records it delivered, unless it was read already. In a
   * group: to every member it was sent to, and the sender; each member's delivered position moves.
   */
  void messageSent(@Observes MessageSent event) {
    Frame frame =
        Frame.of(
            "message:new",
            JSON.createObjectBuilder()
                .add("message", MessageJson.of(event.message()))
                .add("chatId", event.chatId().value())
                .add("senderId", event.senderId().value())
                .build());
    if (event.inGroup()) {
      List<UserId> to = new ArrayList<>(event.recipients());
      to.add(event.senderId());
      bus.groupMessage(
          to,
          frame,
          new GroupReceipt(
              event.chatId().value(),
              event.message().seq(),
              event.recipients(),
              event.message().createdAt().toEpochMilli()));
      return;
    }
    bus.message(
        List.of(event.recipientId(), event.senderId()),
        frame,
        new Receipt(
            event.message().id().value(),
            event.chatId().value(),
            event.recipientId(),
            event.senderId(),
            event.message().createdAt().toEpochMilli(),
            event.message().seen()));
  }

  /**
   * {@code chat:refresh} to a recipient not looking at the chat: the chat list moves and counts.
   */
  void chatRefresh(@Observes ChatRefresh event) {
    bus.toUsers(
        List.of(event.recipientId()),
        Frame.of(
            "chat:refresh",
            JSON.createObjectBuilder()
                .add("chatId", event.message().chatId().value())
                .add("message", MessageJson.of(event.message()))
                .build()));
  }

  void messagesRead(@Observes MessagesRead event) {
    bus.toUsers(
        List.of(event.senderId()), readFrame(event.chatId(), event.messageIds(), event.readerId()));
  }

  /** {@code message:read {chatId, messageIds, userId}}: {@code reader} read these messages. */
  static Frame readFrame(ChatId chatId, List<MessageId> messageIds, UserId reader) {
    return Frame.of(
        "message:read",
        JSON.createObjectBuilder()
            .add("chatId", chatId.value())
            .add("messageIds", ids(messageIds))
            .add("userId", reader.value())
            .build());
  }

  /** {@code message:delivered {chatId, messageIds}} to the sender (✓✓ in grey). */
  void messagesDelivered(@Observes MessagesDelivered event) {
    bus.toUsers(
        List.of(event.senderId()),
        Frame.of(
            "message:delivered",
            JSON.createObjectBuilder()
                .add("chatId", event.chatId().value())
                .add("messageIds", ids(event.messageIds()))
                .build()));
  }

  private static JsonArrayBuilder ids(List<MessageId> messageIds) {
    JsonArrayBuilder ids = JSON.createArrayBuilder();
    messageIds.forEach(id -> ids.add(id.value()));
    return ids;
  }

  /**
   * Recipients' sockets on this instance received new messages: recorded off the threads that hand
   * out frames. A failure only costs the ✓✓ marks, which the next page load shows.
   */
  void deliveredLocally(@ObservesAsync DeliveredLocally event) {
    try {
      deliveries.ofMessages(
          event.receipts().stream()
              .map(
                  receipt ->
                      new Delivery(
                          new MessageId(receipt.messageId()),
                          new ChatId(receipt.chatId()),
                          receipt.sender(),
                          Instant.ofEpochMilli(receipt.sentAtMillis()),
                          receipt.read()))
              .toList());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Recording deliveries failed", e);
    }
  }
}
