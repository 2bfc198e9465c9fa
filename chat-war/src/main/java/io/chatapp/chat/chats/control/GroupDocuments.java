package io.chatapp.chat.chats.control;

import com.mongodb.client.model.Updates;
import io.chatapp.chat.chats.entity.Group;
import io.chatapp.chat.chats.entity.GroupName;
import io.chatapp.chat.users.entity.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The group part of a chat document: {@code isGroup}, {@code name}, {@code admins}, each member's
 * read position ({@code read.<userId>: {seq, at}}) and delivered position ({@code
 * delivered.<userId>: seq}), and what each former member last saw ({@code former.<userId>}).
 */
final class GroupDocuments {

  static final String IS_GROUP = "isGroup";

  private GroupDocuments() {}

  /**
   * The {@code $max} fields that move each sender's read position up to their newest message of the
   * batch, as {@link GroupStore#read} writes one.
   */
  static Map<String, BsonDocument> sendersRead(List<ChatCounts.NewMessage> messages) {
    Map<UserId, ChatCounts.NewMessage> newest = new LinkedHashMap<>();
    messages.forEach(
        message -> newest.merge(message.sender(), message, (a, b) -> a.seq() >= b.seq() ? a : b));
    Map<String, BsonDocument> positions = new LinkedHashMap<>();
    newest.forEach(
        (sender, message) ->
            positions.put(readField(sender), readPosition(message.seq(), message.at())));
    return positions;
  }

  static Bson readUpTo(UserId user, long seq, Instant at) {
    return Updates.max(readField(user), readPosition(seq, at));
  }

  private static String readField(UserId user) {
    return "read." + user.value();
  }

  /**
   * A member's read position: {@code {seq, at}} compares by {@code seq} first, so under {@code
   * $max} the position and its time move together, and only forwards.
   */
  private static BsonDocument readPosition(long seq, Instant at) {
    return new BsonDocument("seq", new BsonInt64(seq))
        .append("at", new BsonDateTime(at.toEpochMilli()));
  }

  /** The group part of a chat document. */
  static Group toGroup(Document document) {
    Map<UserId, Group.ReadPosition> read = new HashMap<>();
    Document reads = document.get("read", Document.class);
    if (reads != null) {
      reads.forEach(
          (user, value) -> {
            if (value instanceof Document position) {
              read.put(
                  new UserId(user),
                  new Group.ReadPosition(
                      ChatStore.numberOr(position.get("seq"), 0L),
                      position.getDate("at").toInstant()));
            }
          });
    }
    Map<UserId, Long> delivered = new HashMap<>();
    Document deliveries = document.get("delivered", Document.class);
    if (deliveries != null) {
      deliveries.forEach(
          (user, seq) -> delivered.put(new UserId(user), ChatStore.numberOr(seq, 0L)));
    }
    Map<UserId, Group.Departure> former = new HashMap<>();
    Document departures = document.get("former", Document.class);
    if (departures != null) {
      departures.forEach(
          (user, value) -> {
            if (value instanceof Document left) {
              former.put(
                  new UserId(user),
                  new Group.Departure(
                      ChatStore.numberOr(left.get("seq"), 0L),
                      left.getDate("at").toInstant(),
                      new GroupName(left.getString("name")),
                      left.getString("text"),
                      new UserId(left.getString("sender"))));
            }
          });
    }
    return new Group(
        new GroupName(document.getString("name")),
        document.getList("admins", String.class, List.of()).stream().map(UserId::new).toList(),
        read,
        delivered,
        former);
  }
}
