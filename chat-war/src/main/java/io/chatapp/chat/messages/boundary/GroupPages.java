package io.chatapp.chat.messages.boundary;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.Group;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.messages.control.MessageHistory;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.users.control.UserDirectory;
import io.chatapp.chat.users.entity.UserId;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A page of a group's history on the wire: each message with {@code readBy [{userId, at}]} and
 * {@code deliveredTo [userId]}, derived from the members' read and delivered positions as the page
 * was read (no per-message read flags exist in groups), and the members' profiles in place of the
 * 1:1 page's {@code user}.
 *
 * <p>Someone who left sees no members, and the receipts only as they stood when they left: the
 * reads made before then, and as delivered only those readers (a delivered position has no time).
 * The positions are the members' latest, so anything more would show who joined since and when the
 * others read last.
 */
final class GroupPages {

  private static final Comparator<UserId> BY_ID = Comparator.comparing(UserId::value);

  private GroupPages() {}

  static JsonObject toJson(
      MessageHistory.Page page, UserId viewer, UserDirectory users, String token) {
    Chat chat = page.chat();
    Group group = chat.group();
    Optional<Instant> leftAt =
        chat.isMember(viewer)
            ? Optional.empty()
            : group.departureOf(viewer).map(Group.Departure::at);
    var list = JSON.createArrayBuilder();
    for (Message message : page.messages()) {
      var readBy = JSON.createArrayBuilder();
      List<Group.Receipt> readers =
          group.readers(message.seq(), message.sender()).stream()
              .filter(receipt -> leftAt.map(left -> !receipt.at().isAfter(left)).orElse(true))
              .toList();
      readers.forEach(
          receipt ->
              readBy.add(
                  JSON.createObjectBuilder()
                      .add("userId", receipt.user().value())
                      .add("at", IsoTime.format(receipt.at()))));
      var deliveredTo = JSON.createArrayBuilder();
      (leftAt.isPresent()
              ? readers.stream().map(Group.Receipt::user).sorted(BY_ID).toList()
              : group.receivers(message.seq(), message.sender()))
          .forEach(u -> deliveredTo.add(u.value()));
      list.add(
          JSON.createObjectBuilder(MessageJson.of(message))
              .add("readBy", readBy)
              .add("deliveredTo", deliveredTo));
    }
    var members = JSON.createArrayBuilder();
    if (chat.isMember(viewer)) {
      var profiles = users.profiles(chat.users(), token);
      chat.users().forEach(user -> members.add(profiles.get(user)));
    }
    return JSON.createObjectBuilder().add("messages", list).add("members", members).build();
  }
}
