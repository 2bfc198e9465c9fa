package io.chatapp.chat.chats.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.chats.entity.Group;
import io.chatapp.chat.chats.entity.GroupName;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.platform.mongo.PairKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Group chats in the {@code chats} collection, beside the 1:1 chats of {@link ChatStore} and read
 * by it. Every write is one update by {@code _id} (the embedded server scans for anything else).
 * Adding and removing members and renaming are conditional on the group being as the service
 * decided from ({@link #asSeen}): of two admins changing a group at the same instant, one wins and
 * the other is told (so a group never exceeds its size or ends without an admin, and each change's
 * system message goes to the members of its time). Read and delivered positions are {@code $max}es:
 * they never move back, whichever instance writes last.
 *
 * <p>A group's {@code pairKey} is {@code group:<chatId>}: the unique index over it stays unique,
 * and user-war, which looks 1:1 chats up by the key of two user ids, never finds a group.
 */
@ApplicationScoped
public class GroupStore {

  @Inject MongoConnection mongo;
  @Inject ChatStore chats;

  public GroupStore() {}

  /** For use outside the container (tests, benchmarks). */
  public GroupStore(MongoConnection mongo, ChatStore chats) {
    this.mongo = mongo;
    this.chats = chats;
  }

  /** A new group {@code id} of {@code members} (its creator first), its creator the only admin. */
  public Chat create(ChatId id, GroupName name, UserId creator, List<UserId> members) {
    chats.ensureIndexes();
    Date now = new Date();
    List<String> users = new ArrayList<>();
    users.add(creator.value());
    members.forEach(member -> users.add(member.value()));
    Document chat =
        new Document("_id", id.value())
            .append(PairKey.FIELD, "group:" + id.value())
            .append(GroupDocuments.IS_GROUP, true)
            .append("name", name.value())
            .append("users", users)
            .append("admins", List.of(creator.value()))
            .append("latest", null)
            .append("unread", new Document())
            .append("read", new Document())
            .append("delivered", new Document())
            .append("former", new Document())
            .append("seq", 0L)
            .append("createdAt", now)
            .append("updatedAt", now);
    mongo.call(db -> groups().insertOne(chat));
    list(id, users.stream().map(UserId::new).toList());
    return ChatStore.toChat(chat);
  }

  /**
   * Adds members (at the end: they are the newest), who no longer count as having left, and whose
   * read position starts at {@code seq}; false, changing nothing, when the group is no longer as
   * {@code seen}.
   */
  public boolean add(Chat seen, List<UserId> added, long seq, Instant at) {
    List<Bson> updates = new ArrayList<>();
    updates.add(Updates.addEachToSet("users", added.stream().map(UserId::value).toList()));
    added.forEach(user -> updates.add(Updates.unset("former." + user.value())));
    added.forEach(user -> updates.add(GroupDocuments.readUpTo(user, seq, at)));
    if (!updateIf(seen.id(), asSeen(seen), Updates.combine(updates))) {
      return false;
    }
    list(seen.id(), added);
    return true;
  }

  /**
   * Takes {@code user} out of the group as it was {@code seen}, with the admins as they are then,
   * and remembers up to where they may read ({@code departure}); false, changing nothing, when the
   * group is no longer as seen.
   */
  public boolean remove(Chat seen, UserId user, List<UserId> admins, Group.Departure departure) {
    return updateIf(
        seen.id(),
        asSeen(seen),
        Updates.combine(
            Updates.pull("users", user.value()),
            Updates.set("admins", admins.stream().map(UserId::value).toList()),
            Updates.set(
                "former." + user.value(),
                new Document("seq", departure.seq())
                    .append("at", Date.from(departure.at()))
                    .append("name", departure.name().value())
                    .append("text", departure.text())
                    .append("sender", departure.sender().value()))));
  }

  /** Renames the group as it was {@code seen}; false, changing nothing, when it is no longer so. */
  public boolean rename(Chat seen, GroupName name) {
    return updateIf(seen.id(), asSeen(seen), Updates.set("name", name.value()));
  }

  /** The member has read up to {@code seq}: one write, never moving the position back. */
  public void read(ChatId id, UserId user, long seq, Instant at) {
    update(id, GroupDocuments.readUpTo(user, seq, at));
  }

  /** These members' devices got the chat's messages up to these numbers: one write. */
  public void delivered(ChatId id, Map<UserId, Long> upTo) {
    if (upTo.isEmpty()) {
      return;
    }
    List<Bson> updates = new ArrayList<>();
    upTo.forEach((user, seq) -> updates.add(Updates.max("delivered." + user.value(), seq)));
    update(id, Updates.combine(updates));
  }

  private void update(ChatId id, Bson update) {
    mongo.call(db -> groups().updateOne(Filters.eq("_id", id.value()), update));
  }

  /**
   * The group as a change decided it from: its members, admins and name. Every change of the
   * members, admins or name is written only if the group is still so, and takes its system
   * message's number before: so of two changes made at once, either one is refused (409) or the
   * second read the group after the first was written, and their messages are numbered in that
   * order, each sent to the members of its time (an admin removed meanwhile renames nothing, and
   * someone removed is not told of a change numbered after their removal).
   */
  private static Bson asSeen(Chat seen) {
    return Filters.and(
        Filters.eq("users", values(seen.users())),
        Filters.eq("admins", values(seen.group().admins())),
        Filters.eq("name", seen.group().name().value()));
  }

  private boolean updateIf(ChatId id, Bson condition, Bson update) {
    Bson filter = Filters.and(Filters.eq("_id", id.value()), condition);
    return mongo.call(db -> groups().updateOne(filter, update)).getMatchedCount() == 1;
  }

  private static List<String> values(List<UserId> users) {
    return users.stream().map(UserId::value).toList();
  }

  /** The group in each member's chat list: one round trip for all of them. */
  private void list(ChatId id, List<UserId> users) {
    if (users.isEmpty()) {
      return;
    }
    List<UpdateOneModel<Document>> writes =
        users.stream()
            .map(
                user ->
                    new UpdateOneModel<Document>(
                        Filters.eq("_id", user.value()),
                        Updates.addToSet("chats", id.value()),
                        new UpdateOptions().upsert(true)))
            .toList();
    mongo.call(db -> db.getCollection("userChats").bulkWrite(writes));
  }

  private MongoCollection<Document> groups() {
    return mongo.database().getCollection("chats");
  }
}
