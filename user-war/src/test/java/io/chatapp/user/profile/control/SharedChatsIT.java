package io.chatapp.user.profile.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.chatapp.devstack.EmbeddedMongo;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.platform.mongo.PairKey;
import io.chatapp.user.login.entity.Email;
import io.chatapp.user.profile.entity.SearchText;
import io.chatapp.user.profile.entity.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two reads behind a search, against the MongoDB-compatible server through the real driver: the
 * search filter (a part of an address finds nobody by it, a whole one finds its owner), and the
 * shared chats, read from chat documents as chat-war writes them (under its unique pair key).
 */
class SharedChatsIT {

  static EmbeddedMongo server;
  static MongoConnection mongo;
  static SharedChats sharedChats;

  @BeforeAll
  static void start() {
    server = EmbeddedMongo.startInMemory();
    mongo = new MongoConnection(server.uri(), "shared-chats-it");
    sharedChats = new SharedChats(mongo);
    mongo
        .database()
        .getCollection("chats")
        .createIndex(Indexes.ascending(PairKey.FIELD), new IndexOptions().unique(true));
  }

  @AfterAll
  static void stop() {
    mongo.close();
    server.close();
  }

  @Test
  void onlyThoseWhoWroteInAChatAreContacts() {
    UserId ann = UserId.newId();
    UserId bob = UserId.newId();
    UserId eve = UserId.newId();
    UserId zoe = UserId.newId();
    UserId mallory = UserId.newId();
    chatBetween(bob, ann, List.of(bob, ann));
    chatBetween(eve, zoe, List.of(eve, zoe));
    chatBetween(mallory, ann, List.of(mallory));

    assertThat(sharedChats.among(ann, List.of(bob, eve, zoe, mallory)))
        .containsExactlyInAnyOrder(bob, mallory);
    assertThat(sharedChats.among(bob, List.of(ann))).containsExactly(ann);
    assertThat(sharedChats.among(mallory, List.of(ann)))
        .as("a chat Mallory opened and Ann never wrote in")
        .isEmpty();
    assertThat(sharedChats.among(eve, List.of(ann, bob))).isEmpty();
    assertThat(sharedChats.among(ann, List.of(ann))).as("nobody to look up").isEmpty();
    assertThat(sharedChats.among(ann, List.of())).isEmpty();
  }

  @Test
  void searchesMatchNamesAndOnlyWholeAddresses() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    UserStore users = new UserStore(mongo);
    users.findOrCreate(new Email("carol." + tag + "@example.com"), Instant.now());
    users.findOrCreate(new Email("dave." + tag + "@example.com"), Instant.now());

    assertThat(names("carol." + tag + "@EXAMPLE.com"))
        .as("the whole address finds its owner, whose name does not contain it")
        .containsExactly("carol." + tag);
    assertThat(names("." + tag + "@")).as("a part of an address finds nobody").isEmpty();
    assertThat(names("@example.com")).isEmpty();
    assertThat(names(tag.toUpperCase())).containsExactlyInAnyOrder("carol." + tag, "dave." + tag);
    assertThat(names("carol.")).contains("carol." + tag);
  }

  private static List<String> names(String typed) {
    return mongo
        .database()
        .getCollection("users")
        .find(UserStore.searchFilter(new SearchText(typed)))
        .map(user -> user.getString("name"))
        .into(new ArrayList<>());
  }

  private static void chatBetween(UserId a, UserId b, List<UserId> spoke) {
    mongo
        .database()
        .getCollection("chats")
        .insertOne(
            new Document("_id", UUID.randomUUID().toString())
                .append(PairKey.FIELD, PairKey.of(a.value(), b.value()))
                .append("users", List.of(a.value(), b.value()))
                .append("spoke", spoke.stream().map(UserId::value).toList()));
  }
}
