package io.chatapp.chat.realtime.boundary;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.boundary.ChatJson;
import io.chatapp.chat.chats.entity.GroupEvents;
import io.chatapp.chat.messages.control.Deliveries;
import io.chatapp.chat.messages.entity.GroupMessagesRead;
import io.chatapp.chat.messages.entity.MemberDelivery;
import io.chatapp.chat.realtime.control.MembershipOrders;
import io.chatapp.chat.realtime.control.RealtimeBus;
import io.chatapp.chat.realtime.entity.DeliveredToMembers;
import io.chatapp.chat.realtime.entity.Frame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
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
  @Inject Deliveries deliveries;

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

  /** Members' sockets on this instance received group messages: their positions move. */
  void deliveredToMembers(@ObservesAsync DeliveredToMembers event) {
    try {
      deliveries.ofGroupMessages(
          event.deliveries().stream()
              .map(
                  delivery ->
                      new MemberDelivery(
                          delivery.chatId(),
                          delivery.member(),
                          delivery.seq(),
                          Instant.ofEpochMilli(delivery.sentAtMillis())))
              .toList());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Recording group deliveries failed", e);
    }
  }
}
