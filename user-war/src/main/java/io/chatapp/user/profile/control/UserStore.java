package io.chatapp.user.profile.control;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.chatapp.platform.errors.DependencyUnavailableException;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.user.login.entity.Email;
import io.chatapp.user.profile.entity.SearchPage;
import io.chatapp.user.profile.entity.SearchText;
import io.chatapp.user.profile.entity.User;
import io.chatapp.user.profile.entity.UserId;
import io.chatapp.user.profile.entity.UserName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.eclipse.jnosql.databases.mongodb.mapping.MongoDBTemplate;

/**
 * The collection {@code users}. Reads and updates go through JNoSQL's template and the {@link User}
 * mapping; the two things JNoSQL cannot express go through the driver: the unique index on {@code
 * email} and the atomic find-or-create of a first login, which that index keeps to one user however
 * many logins race.
 */
@ApplicationScoped
public class UserStore {

  static final String COLLECTION = "users";
  private static final Logger LOG = Logger.getLogger(UserStore.class.getName());

  @Inject MongoDBTemplate template;
  @Inject MongoConnection mongo;

  private volatile boolean emailIndexed;

  public UserStore() {}

  /** For use outside the container: the driver-only part (index, find-or-create). */
  public UserStore(MongoConnection mongo) {
    this.mongo = mongo;
  }

  void createIndexAtStartup(@Observes Startup startup) {
    try {
      ensureEmailIndex();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The unique index on users.email is not there yet: {0}", e.toString());
    }
  }

  /** The user with this email, created on the spot (name = the part before {@code @}). */
  public User findOrCreate(Email email, Instant now) {
    ensureEmailIndex();
    Bson byEmail = Filters.eq("email", email.value());
    Bson onInsert =
        Updates.combine(
            Updates.setOnInsert("_id", new ObjectId()),
            Updates.setOnInsert("name", new UserName(initialName(email)).value()),
            Updates.setOnInsert("createdAt", Date.from(now)),
            Updates.setOnInsert("updatedAt", Date.from(now)));
    FindOneAndUpdateOptions upsert =
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
    return mongo.call(
        database -> {
          MongoCollection<Document> users = database.getCollection(COLLECTION);
          try {
            return fromDocument(users.findOneAndUpdate(byEmail, onInsert, upsert));
          } catch (MongoCommandException | MongoWriteException e) {
            if (!isDuplicateKey(e)) {
              throw e;
            }
            // Another first login of the same address won the race: take its user.
            return fromDocument(users.find(byEmail).first());
          }
        });
  }

  public Optional<User> find(UserId id) {
    return jnosql(() -> template.find(User.class, id.value()));
  }

  /** The users among these ids that exist, in no particular order. */
  public List<User> findAll(Collection<UserId> ids) {
    List<ObjectId> objectIds = ids.stream().distinct().map(UserId::objectId).toList();
    if (objectIds.isEmpty()) {
      return List.of();
    }
    return jnosql(() -> template.<User>select(User.class, Filters.in("_id", objectIds)).toList());
  }

  /**
   * One page of users whose name contains the text (any case), or whose email is the text when it
   * is a whole address; oldest account first.
   */
  public List<User> search(SearchText text, SearchPage page) {
    List<Bson> pipeline =
        List.of(
            Aggregates.match(searchFilter(text)),
            Aggregates.sort(Sorts.ascending("_id")),
            Aggregates.skip(page.skip()),
            Aggregates.limit(page.size()));
    return jnosql(() -> template.<User>aggregate(User.class, pipeline).toList());
  }

  static Bson searchFilter(SearchText text) {
    Bson byName = Filters.regex("name", literal(text.value()), "i");
    return text.wholeEmail()
        .map(email -> Filters.or(byName, Filters.eq("email", email.value())))
        .orElse(byName);
  }

  /** Gives the user a new name; empty when there is no such user. */
  public Optional<User> rename(UserId id, UserName name, Instant now) {
    return find(id)
        .map(
            user -> {
              user.rename(name, now);
              return jnosql(() -> template.update(user));
            });
  }

  private void ensureEmailIndex() {
    if (emailIndexed) {
      return;
    }
    mongo.call(
        database ->
            database
                .getCollection(COLLECTION)
                .createIndex(Indexes.ascending("email"), new IndexOptions().unique(true)));
    emailIndexed = true;
  }

  private static String initialName(Email email) {
    String local = email.localPart();
    return local.codePointCount(0, local.length()) <= UserName.MAX_LENGTH
        ? local
        : local.substring(0, local.offsetByCodePoints(0, UserName.MAX_LENGTH));
  }

  private static boolean isDuplicateKey(MongoException e) {
    return e.getCode() == 11000
        || e instanceof MongoWriteException write
            && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }

  private static User fromDocument(Document document) {
    return new User(
        new UserId(document.getObjectId("_id").toHexString()),
        document.getString("name"),
        document.getString("email"),
        document.getDate("createdAt").toInstant(),
        document.getDate("updatedAt").toInstant());
  }

  /** The text as a regular expression that matches it literally. */
  static String literal(String text) {
    return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
  }

  /** JNoSQL lets the driver's exceptions through: an unreachable server is a 503 here too. */
  private static <T> T jnosql(Supplier<T> work) {
    try {
      return work.get();
    } catch (MongoTimeoutException | MongoSocketException e) {
      throw new DependencyUnavailableException("MongoDB", e);
    }
  }
}
