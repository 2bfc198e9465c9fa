package io.chatapp.chat.realtime.control;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.control.Contacts;
import io.chatapp.chat.chats.entity.ChatCreated;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.realtime.entity.Frame;
import io.chatapp.chat.users.control.LastSeen;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Presence as each user sees it: only the people they share a chat with, as changes. A socket gets
 * {@code getOnlineUsers} with its online contacts when it connects; after that {@code user:online
 * {userId}} and {@code user:offline {userId, lastSeen}} tell the contacts of whoever came or went,
 * on any instance. When a chat begins, its two members learn each other's state.
 */
@ApplicationScoped
public class ContactPresence {

  private static final Logger LOG = Logger.getLogger(ContactPresence.class.getName());

  @Inject Presence presence;
  @Inject Contacts contacts;
  @Inject LastSeen lastSeen;
  @Inject RealtimeBus bus;

  /** {@code getOnlineUsers}: those of the user's contacts online now. */
  Frame onlineContacts(UserId user) {
    var online = JSON.createArrayBuilder();
    presence.online(contacts.of(user)).forEach(contact -> online.add(contact.value()));
    return Frame.of("getOnlineUsers", online.build());
  }

  /** The user's first socket anywhere opened. */
  void cameOnline(UserId user) {
    bus.toUsers(contacts.of(user), online(user));
  }

  /** These users' last sockets closed (or their instance died): recorded, then told. */
  void wentOffline(Collection<UserId> users) {
    if (users.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    try {
      lastSeen.record(users, now);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not record when {0} users were last seen: {1}",
          new Object[] {users.size(), e.getMessage()});
    }
    for (UserId user : users) {
      bus.toUsers(contacts.of(user), offline(user, now));
    }
  }

  void chatStarted(@Observes ChatCreated event) {
    List<UserId> members = List.of(event.createdBy(), event.otherUserId());
    try {
      bus.forgetContacts(members);
      List<UserId> online = presence.online(members);
      Map<UserId, Instant> seen = online.size() == members.size() ? Map.of() : lastSeen.of(members);
      for (UserId member : members) {
        UserId other = member.equals(event.createdBy()) ? event.otherUserId() : event.createdBy();
        if (online.contains(other)) {
          bus.toUsers(List.of(member), online(other));
        } else if (seen.containsKey(other)) {
          bus.toUsers(List.of(member), offline(other, seen.get(other)));
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The members of a new chat were not told each other's presence", e);
    }
  }

  private static Frame online(UserId user) {
    return Frame.of("user:online", JSON.createObjectBuilder().add("userId", user.value()).build());
  }

  private static Frame offline(UserId user, Instant at) {
    return Frame.of(
        "user:offline",
        JSON.createObjectBuilder()
            .add("userId", user.value())
            .add("lastSeen", IsoTime.format(at))
            .build());
  }
}
