package io.chatapp.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server's H2 backend: journaled writes survive a crash, and old files still open. */
class JournaledH2BackendTest {

  @TempDir Path dir;

  @Test
  void journaledWritesSurviveACrashOfTheServer() {
    afterACrash(
        messages -> {
          MongoCollection<Document> journaled = messages.withWriteConcern(WriteConcern.JOURNALED);
          for (int i = 0; i < 300; i++) {
            journaled.insertOne(new Document("_id", "m" + i).append("text", "hello " + i));
          }
          List<Document> batch = new ArrayList<>();
          for (int i = 300; i < 1000; i++) {
            batch.add(new Document("_id", "m" + i).append("text", "hello " + i));
          }
          journaled.insertMany(batch);
        },
        messages -> {
          assertThat(messages.countDocuments()).isEqualTo(1000);
          assertThat(messages.find(Filters.eq("_id", "m999")).first())
              .containsEntry("text", "hello 999");
        });
  }

  @Test
  void documentsChangedAgainAndAgainAreInTheFileAsLastChanged() {
    afterACrash(
        chats -> {
          MongoCollection<Document> journaled = chats.withWriteConcern(WriteConcern.JOURNALED);
          for (int i = 0; i < 100; i++) {
            chats.insertOne(new Document("_id", "c" + i).append("unread", 0));
          }
          for (int round = 0; round < 30; round++) {
            for (int i = 0; i < 100; i += 1 + round % 3) {
              chats.updateOne(
                  Filters.eq("_id", "c" + i), com.mongodb.client.model.Updates.inc("unread", 1));
            }
            journaled.insertOne(new Document("_id", "commit" + round)); // commits them all
          }
        },
        chats -> {
          for (int i = 0; i < 100; i++) {
            int expected = 0;
            for (int round = 0; round < 30; round++) {
              expected += i % (1 + round % 3) == 0 ? 1 : 0;
            }
            assertThat(chats.find(Filters.eq("_id", "c" + i)).first())
                .containsEntry("unread", expected);
          }
        });
  }

  @Test
  void writesTheStoreWasCommittedWithAreNotAppliedAgainAfterACrash() {
    Path file = dir.resolve("committed.mv");
    Path journal = journalOf(file);
    JournaledH2Backend backend =
        new JournaledH2Backend(file.toString(), TimeUnit.HOURS.toMillis(1));
    byte[][] beforeTheCommit = new byte[1][];
    withServer(
        backend,
        chats -> {
          chats.insertOne(new Document("_id", "c1").append("unread", 0));
          for (int i = 0; i < 50; i++) {
            chats.updateOne(Filters.eq("_id", "c1"), Updates.inc("unread", 1));
          }
          beforeTheCommit[0] = read(journal);
          assertThat(beforeTheCommit[0]).isNotEmpty();
          backend.commit();
          assertThat(read(journal)).isEmpty();
          chats.updateOne(Filters.eq("_id", "c1"), Updates.inc("unread", 1));
          backend.getMvStore().closeImmediately();
        });
    // as if the crash came right after the commit was written, before the journal was emptied
    append(journal, beforeTheCommit[0]);

    reopenAndCheck(
        file,
        chats ->
            assertThat(chats.find(Filters.eq("_id", "c1")).first()).containsEntry("unread", 51));
  }

  @Test
  void everyWriteIsKeptExactlyOnceWhenTheCrashComesWhileCommitsAreWritten() {
    for (int run = 0; run < 5; run++) {
      Path file = dir.resolve("busy" + run + ".mv");
      JournaledH2Backend backend = new JournaledH2Backend(file.toString(), 2);
      int[] applied = new int[1];
      withServer(
          backend,
          chats -> {
            chats.insertOne(new Document("_id", "c").append("unread", 0));
            for (int i = 0; i < 1500; i++) {
              chats.updateOne(Filters.eq("_id", "c"), Updates.inc("unread", 1));
              chats.insertOne(new Document("_id", "m" + i));
              applied[0]++;
            }
            backend.getMvStore().closeImmediately();
          });
      reopenAndCheck(
          file,
          chats -> {
            assertThat(chats.find(Filters.eq("_id", "c")).first())
                .containsEntry("unread", applied[0]);
            assertThat(chats.countDocuments()).isEqualTo(applied[0] + 1L);
          });
    }
  }

  @Test
  void aWriteTheCrashCutShortInTheJournalIsLeftOutAndTheRestApplied() {
    Path file = dir.resolve("torn.mv");
    JournaledH2Backend backend =
        new JournaledH2Backend(file.toString(), TimeUnit.HOURS.toMillis(1));
    withServer(
        backend,
        messages -> {
          for (int i = 0; i < 20; i++) {
            messages.insertOne(new Document("_id", "m" + i));
          }
          backend.getMvStore().closeImmediately();
        });
    Path journal = journalOf(file);
    append(journal, java.util.Arrays.copyOf(read(journal), 30)); // a record's first bytes

    reopenAndCheck(
        file,
        messages -> {
          assertThat(messages.countDocuments()).isEqualTo(20);
          messages.insertOne(new Document("_id", "after"));
          assertThat(messages.countDocuments()).isEqualTo(21);
        });
  }

  @Test
  void aFileWrittenByThePlainBackendOpensWithItsIndexes() throws Exception {
    Path file = dir.resolve("old.mv");
    H2Backend plain = new H2Backend(file.toString());
    withServer(
        plain,
        messages -> {
          messages.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
          for (int i = 0; i < 500; i++) {
            messages.insertOne(new Document("_id", "m" + i).append("key", "chat:" + i));
          }
        });
    plain.close();
    assertThat(Files.size(file)).isPositive();

    reopenAndCheck(
        file,
        messages -> {
          for (int i = 0; i < 500; i += 37) {
            assertThat(messages.find(Filters.eq("_id", "m" + i)).first())
                .containsEntry("key", "chat:" + i);
            assertThat(messages.find(Filters.in("key", "chat:" + i, "chat:none")).first())
                .containsEntry("_id", "m" + i);
          }
          assertThatThrownBy(
                  () -> messages.insertOne(new Document("_id", "other").append("key", "chat:7")))
              .isInstanceOfSatisfying(
                  MongoWriteException.class,
                  e ->
                      assertThat(e.getError().getCategory())
                          .isEqualTo(ErrorCategory.DUPLICATE_KEY));
          messages.insertOne(new Document("_id", "m500").append("key", "chat:500"));
          assertThat(messages.countDocuments()).isEqualTo(501);
        });
  }

  @Test
  void anUpdateByIdWithMoreConditionsAppliesOnlyWhileTheyHold() {
    JournaledH2Backend backend = new JournaledH2Backend(dir.resolve("counted.mv").toString());
    withServer(
        backend,
        chats -> {
          for (int i = 0; i < 100; i++) {
            chats.insertOne(new Document("_id", "c" + i).append("unread", 0));
          }
          var once =
              Filters.and(Filters.eq("_id", "c42"), Filters.nin("counted", List.of("m1", "m2")));
          var count =
              com.mongodb.client.model.Updates.combine(
                  com.mongodb.client.model.Updates.inc("unread", 2),
                  com.mongodb.client.model.Updates.pushEach("counted", List.of("m1", "m2")));

          assertThat(chats.updateOne(once, count).getMatchedCount()).isEqualTo(1);
          assertThat(chats.updateOne(once, count).getMatchedCount()).isZero();
          assertThat(
                  chats
                      .updateOne(
                          Filters.and(Filters.eq("_id", "c999"), Filters.nin("counted", "m1")),
                          count)
                      .getMatchedCount())
              .isZero();
          assertThat(chats.find(Filters.eq("_id", "c42")).first()).containsEntry("unread", 2);
          assertThat(chats.countDocuments(Filters.eq("unread", 2))).isEqualTo(1);
        });
    backend.close();
  }

  @Test
  void collectionsMatchWithTheDirectMatcher() throws Exception {
    JournaledH2Backend backend = new JournaledH2Backend(dir.resolve("matcher.mv").toString());
    de.bwaldvogel.mongo.MongoCollection<?> chats =
        backend.resolveDatabase("chat").createCollectionOrThrowIfExists("chats");
    Field matcher = AbstractMongoCollection.class.getDeclaredField("matcher");
    matcher.setAccessible(true);

    assertThat(matcher.get(chats)).isInstanceOf(ConjunctionMatcher.class);
    backend.close();
  }

  @Test
  void collStatsGivesTheBytesOfTheDocumentsAsTheyAreNow() {
    JournaledH2Backend backend = new JournaledH2Backend(dir.resolve("stats.mv").toString());
    withDatabase(
        backend,
        database -> {
          MongoCollection<Document> chats = database.getCollection("chats");
          for (int i = 0; i < 50; i++) {
            chats.insertOne(new Document("_id", "c" + i).append("unread", 0));
          }
          chats.updateOne(
              Filters.eq("_id", "c7"),
              com.mongodb.client.model.Updates.set("latest", "a longer text than before"));
          chats.deleteOne(Filters.eq("_id", "c9"));
          long expected = 0;
          for (Document chat : chats.find()) {
            expected += new RawBsonDocument(chat, new DocumentCodec()).getByteBuffer().remaining();
          }

          Document stats = database.runCommand(new Document("collStats", "chats"));

          assertThat(stats.get("count", Number.class).longValue()).isEqualTo(49);
          assertThat(stats.get("size", Number.class).longValue()).isEqualTo(expected);
        });
    backend.close();
  }

  /**
   * Writes to a server on a new file, stops it as {@code kill -9} would (nothing more is written),
   * then checks what a server on the same file finds.
   */
  private void afterACrash(
      Consumer<MongoCollection<Document>> writes, Consumer<MongoCollection<Document>> check) {
    Path file = dir.resolve("crash.mv");
    JournaledH2Backend backend = new JournaledH2Backend(file.toString());
    withServer(
        backend,
        collection -> {
          writes.accept(collection);
          backend.getMvStore().closeImmediately();
        });
    reopenAndCheck(file, check);
  }

  private static Path journalOf(Path store) {
    return store.resolveSibling(store.getFileName() + ".journal");
  }

  private static void append(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes, StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Opens a server on the file a crashed one used, as a restart would, and checks what it finds.
   */
  private static void reopenAndCheck(Path file, Consumer<MongoCollection<Document>> check) {
    JournaledH2Backend reopened = new JournaledH2Backend(file.toString());
    withServer(reopened, check);
    reopened.close();
  }

  private static void withServer(H2Backend backend, Consumer<MongoCollection<Document>> work) {
    withDatabase(backend, database -> work.accept(database.getCollection("messages")));
  }

  private static void withDatabase(H2Backend backend, Consumer<MongoDatabase> work) {
    MongoServer server = new MongoServer(backend);
    InetSocketAddress address = server.bind();
    try (MongoClient client =
        MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
      work.accept(client.getDatabase("chat"));
    } finally {
      server.shutdownNow();
    }
  }
}
