package io.chatapp.user.profile.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devstack.EmbeddedMongo;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.user.login.entity.Email;
import io.chatapp.user.profile.entity.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Find-or-create against the MongoDB-compatible server, through the real driver: one user per
 * address, however many first logins race.
 */
class UserStoreIT {

  static EmbeddedMongo server;
  static MongoConnection mongo;
  static UserStore store;

  @BeforeAll
  static void start() {
    server = EmbeddedMongo.startInMemory();
    mongo = new MongoConnection(server.uri(), "user-store-it");
    store = new UserStore(mongo);
  }

  @AfterAll
  static void stop() {
    mongo.close();
    server.close();
  }

  @Test
  void aFirstLoginCreatesTheUserAndLaterOnesFindIt() {
    Instant now = Instant.parse("2025-06-01T12:00:00.123Z");
    User created = store.findOrCreate(new Email("Ann.Lee@Example.com"), now);

    assertThat(created.name()).isEqualTo("ann.lee");
    assertThat(created.email()).isEqualTo("ann.lee@example.com");
    assertThat(created.createdAt()).isEqualTo(now);
    assertThat(created.updatedAt()).isEqualTo(now);

    User again = store.findOrCreate(new Email("ANN.LEE@example.com"), now.plusSeconds(60));
    assertThat(again.id()).isEqualTo(created.id());
    assertThat(again.createdAt()).isEqualTo(now);

    Document stored =
        mongo
            .database()
            .getCollection("users")
            .find(new Document("email", "ann.lee@example.com"))
            .first();
    assertThat(stored.get("_id")).isInstanceOf(org.bson.types.ObjectId.class);
    assertThat(stored.get("createdAt")).isInstanceOf(java.util.Date.class);
  }

  @Test
  void theEmailIndexIsUnique() {
    store.findOrCreate(new Email("index@example.com"), Instant.now());
    List<Document> indexes =
        mongo.database().getCollection("users").listIndexes().into(new ArrayList<>());
    assertThat(indexes)
        .anySatisfy(
            index -> {
              assertThat(index.get("key", Document.class)).containsKey("email");
              assertThat(index.getBoolean("unique")).isTrue();
            });
  }

  @Test
  void concurrentFirstLoginsMakeOneUser() throws Exception {
    Email email = new Email("race@example.com");
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Callable<User>> logins = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      logins.add(() -> store.findOrCreate(email, Instant.now()));
    }
    List<String> ids = new ArrayList<>();
    try {
      for (Future<User> user : pool.invokeAll(logins)) {
        ids.add(user.get().id().value());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ids).hasSize(10).containsOnly(ids.get(0));
    assertThat(
            mongo
                .database()
                .getCollection("users")
                .countDocuments(new Document("email", email.value())))
        .isEqualTo(1);
  }

  @Test
  void aLongLocalPartGivesAFiftyCharacterName() {
    User user = store.findOrCreate(new Email("a".repeat(64) + "@example.com"), Instant.now());
    assertThat(user.name()).hasSize(50);
  }
}
