package io.chatapp.chat.users.control;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.mongo.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * When each user was last online, kept in MongoDB ({@code lastSeen}: {@code {_id: userId, at}}) so
 * that it survives a reload, a restart and shows on every device. Written once per user going
 * offline, read by id.
 */
@ApplicationScoped
public class LastSeen {

  @Inject MongoConnection mongo;

  public LastSeen() {}

  /** For use outside the container (tests, benchmarks). */
  public LastSeen(MongoConnection mongo) {
    this.mongo = mongo;
  }

  /** These users were last online at {@code at}; a later time already recorded stays. */
  public void record(Collection<UserId> users, Instant at) {
    if (users.isEmpty()) {
      return;
    }
    List<UpdateOneModel<Document>> writes = new ArrayList<>();
    for (UserId user : users) {
      writes.add(
          new UpdateOneModel<>(
              Filters.eq("_id", user.value()),
              Updates.max("at", Date.from(at)),
              new UpdateOptions().upsert(true)));
    }
    mongo.call(db -> collection(db).bulkWrite(writes));
  }

  /** When each of the users that was ever seen was last online. */
  public Map<UserId, Instant> of(Collection<UserId> users) {
    Map<UserId, Instant> seen = new HashMap<>();
    if (users.isEmpty()) {
      return seen;
    }
    List<String> ids = users.stream().map(UserId::value).toList();
    mongo
        .call(db -> collection(db).find(Filters.in("_id", ids)).into(new ArrayList<>()))
        .forEach(
            document ->
                seen.put(
                    new UserId(document.getString("_id")), document.getDate("at").toInstant()));
    return seen;
  }

  private static com.mongodb.client.MongoCollection<Document> collection(
      com.mongodb.client.MongoDatabase db) {
    return db.getCollection("lastSeen");
  }
}
