package io.chatapp.chat.realtime.boundary;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.boundary.ChatJson;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.chats.entity.GroupEvents;
import io.chatapp.chat.messages.control.MessageService;
import io.chatapp.chat.messages.entity.GroupMessagesRead;
import io.chatapp.chat.realtime.control.MembershipOrders;
import io.chatapp.chat.realtime.control.RealtimeBus;
import io.chatapp.chat.realtime.control.RealtimeBus.DeliveredToMembers;
import io.chatapp.chat.realtime.control.RealtimeBus.GroupDelivery;
import io.chatapp.chat.realtime.entity.Frame;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a group's domain events into frames for its members' sockets on any instance: {@code
 * chat:new}, {@code chat:updated}, {@code chat:removed} and {@code message:read}; makes every
 * instance forget a changed group's members; records group messages delivered to members' sockets
 * here as delivered positions.
 */
@ApplicationScoped
public class GroupRelay {

  private static final Logger LOG = Logger.getLogger(GroupRelay.class.getName());

  @Inject RealtimeBus bus;
  @Inject MembershipOrders memberships;
  @Inject MessageService messages;

  /**
   * {@code chat:updated {chatId, name, users, admins}} to the members, after every instance forgot.
   */
  void updated(@Observes GroupEvents.Updated event) {
    memberships.forgetMembers(event.chatId());
    bus.toUsers(
        event.users(),
        Frame.of(
            "chat:updated",
            JSON.createObjectBuilder()
                .add("chatId", event.chatId().value())
                .add("name", event.name().value())
                .add("users", ChatJson.ids(event.users()))
                .add("admins", ChatJson.ids(event.admins()))
                .build()));
  }

  /** {@code chat:new {chatId, createdBy}} to the people added, as for a new 1:1 chat. */
  void membersAdded(@Observes GroupEvents.MembersAdded event) {
    bus.toUsers(
        event.added(),
        Frame.of(
            "chat:new",
            JSON.createObjectBuilder()
                .add("chatId", event.chatId().value())
                .add("createdBy", event.addedBy().value())
                .add("isGroup", true)
                .build()));
  }

  /** {@code chat:removed {chatId}} to who left or was removed (all their sessions). */
  void memberRemoved(@Observes GroupEvents.MemberRemoved event) {
    bus.toUsers(
        List.of(event.removed()),
        Frame.of(
            "chat:removed",
            JSON.createObjectBuilder().add("chatId", event.chatId().value()).build()));
  }

  /** {@code message:read {chatId, messageIds, userId}} to the members. */
  void read(@Observes GroupMessagesRead event) {
    bus.toUsers(
        event.members(),
        EventRelay.readFrame(event.chatId(), event.messageIds(), event.readerId()));
  }

  /** Members' delivered positions move: one write per group. */
  void deliveredToMembers(@ObservesAsync DeliveredToMembers event) {
    try {
      Map<ChatId, Map<UserId, Long>> upTo = new HashMap<>();
      long oldest = Long.MAX_VALUE;
      for (GroupDelivery delivery : event.deliveries()) {
        upTo.computeIfAbsent(delivery.chatId(), chat -> new HashMap<>())
            .merge(delivery.member(), delivery.seq(), Math::max);
        oldest = Math.min(oldest, delivery.sentAtMillis());
      }
      messages.markGroupDelivered(upTo, Instant.ofEpochMilli(oldest));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Recording group deliveries failed", e);
    }
  }
}
