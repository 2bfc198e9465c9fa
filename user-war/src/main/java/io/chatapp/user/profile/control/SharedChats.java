package io.chatapp.user.profile.control;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.platform.mongo.PairKey;
import io.chatapp.user.profile.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Who has written to a user in a 1:1 chat, read (never written) from chat-war's collection {@code
 * chats} in the same database ({@code MONGODB_URI}, {@code MONGODB_DATABASE}): user-war may show
 * such a contact's email. A chat alone is not enough: anyone may open one with anyone by id, and a
 * chat opened with every user found by a search listed every email (found by review). A chat counts
 * once the other member sent a message in it (chat-war keeps its senders in {@code spoke}). Reading
 * the shared database, rather than asking chat-war over HTTP, keeps the services from calling each
 * other in a circle (chat-war asks user-war for profiles). One query a search however many results:
 * the pair keys of the caller with each of them, under chat-war's unique index (which the embedded
 * server uses for {@code $in} too).
 */
@ApplicationScoped
public class SharedChats {

  static final String COLLECTION = "chats";

  /** chat-war's field of the members who sent a message in the chat. */
  static final String SPOKE = "spoke";

  @Inject MongoConnection mongo;

  public SharedChats() {}

  /** For use outside the container (tests). */
  public SharedChats(MongoConnection mongo) {
    this.mongo = mongo;
  }

  /** Those of {@code others} who have written to {@code user} in their 1:1 chat. */
  public Set<UserId> among(UserId user, Collection<UserId> others) {
    Map<String, UserId> byKey = new HashMap<>();
    for (UserId other : others) {
      if (!other.equals(user)) {
        byKey.put(PairKey.of(user.value(), other.value()), other);
      }
    }
    if (byKey.isEmpty()) {
      return Set.of();
    }
    List<Document> found =
        mongo.call(
            database ->
                database
                    .getCollection(COLLECTION)
                    .find(Filters.in(PairKey.FIELD, byKey.keySet()))
                    .projection(
                        Projections.fields(
                            Projections.include(PairKey.FIELD, SPOKE), Projections.excludeId()))
                    .into(new ArrayList<>()));
    Set<UserId> contacts = new HashSet<>();
    for (Document chat : found) {
      UserId other = byKey.get(chat.getString(PairKey.FIELD));
      if (other != null && chat.getList(SPOKE, String.class, List.of()).contains(other.value())) {
        contacts.add(other);
      }
    }
    return contacts;
  }
}
