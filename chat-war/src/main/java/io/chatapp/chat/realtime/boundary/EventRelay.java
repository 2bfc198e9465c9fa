package io.chatapp.chat.realtime.boundary;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.entity.ChatCreated;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.boundary.MessageJson;
import io.chatapp.chat.messages.control.MessageService;
import io.chatapp.chat.messages.entity.ChatRefresh;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageSent;
import io.chatapp.chat.messages.entity.MessagesRead;
import io.chatapp.chat.realtime.control.RealtimeBus;
import io.chatapp.chat.realtime.control.RealtimeBus.DeliveredLocally;
import io.chatapp.chat.realtime.entity.Frame;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Turns the service's domain events into the frames of the original socket protocol, for every
 * socket of the users concerned on any instance.
 */
@ApplicationScoped
public class EventRelay {

  private static final Logger LOG = Logger.getLogger(EventRelay.class.getName());

  @Inject RealtimeBus bus;
  @Inject MessageService messages;

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
          new RealtimeBus.GroupReceipt(
              event.chatId().value(),
              event.message().seq(),
              event.recipients(),
              event.message().createdAt().toEpochMilli()));
      return;
    }
    bus.message(
        List.of(event.recipientId(), event.senderId()),
        frame,
        new RealtimeBus.Receipt(
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
    var ids = JSON.createArrayBuilder();
    messageIds.forEach(id -> ids.add(id.value()));
    return Frame.of(
        "message:read",
        JSON.createObjectBuilder()
            .add("chatId", chatId.value())
            .add("messageIds", ids)
            .add("userId", reader.value())
            .build());
  }

  /**
   * ✓✓ delivered: recorded once, then told to each sender, one frame per chat; a message read on
   * arrival needs no such mark. The messages were stored before they were delivered, so there is
   * nothing to wait for.
   */
  void deliveredLocally(@ObservesAsync DeliveredLocally event) {
    try {
      List<RealtimeBus.Receipt> receipts = event.receipts();
      long oldest =
          receipts.stream().mapToLong(RealtimeBus.Receipt::sentAtMillis).min().orElseThrow();
      Set<String> fresh =
          messages
              .markDelivered(
                  receipts.stream()
                      .filter(receipt -> !receipt.read())
                      .map(receipt -> new MessageId(receipt.messageId()))
                      .toList(),
                  Instant.ofEpochMilli(oldest))
              .stream()
              .map(MessageId::value)
              .collect(Collectors.toSet());
      receipts.stream()
          .filter(receipt -> fresh.contains(receipt.messageId()))
          .collect(
              Collectors.groupingBy(
                  receipt -> List.of(receipt.sender().value(), receipt.chatId()),
                  LinkedHashMap::new,
                  Collectors.toList()))
          .forEach(
              (senderAndChat, delivered) -> {
                var ids = JSON.createArrayBuilder();
                delivered.forEach(receipt -> ids.add(receipt.messageId()));
                bus.toUsers(
                    List.of(delivered.get(0).sender()),
                    Frame.of(
                        "message:delivered",
                        JSON.createObjectBuilder()
                            .add("chatId", senderAndChat.get(1))
                            .add("messageIds", ids)
                            .build()));
              });
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Recording deliveries failed", e);
    }
  }
}
