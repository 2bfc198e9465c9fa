package io.chatapp.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The direct path answers as the server's own matcher does, on every document and query tried. */
class ConjunctionMatcherTest {

  final ConjunctionMatcher matcher = new ConjunctionMatcher();
  final DefaultQueryMatcher server = new DefaultQueryMatcher();
  final Random random = new Random(42);

  @Test
  void matchesAsTheServerDoesOnGeneratedDocumentsAndQueries() {
    int matched = 0;
    for (int i = 0; i < 20_000; i++) {
      Document document = document();
      Document query = query();

      boolean expected = server.matches(document, query);
      assertThat(matcher.matches(document, query))
          .as("%s against %s", query, document)
          .isEqualTo(expected);
      if (expected) {
        matched++;
        assertThat(matcher.matchPosition(document, query))
            .as("position of %s in %s", query, document)
            .isEqualTo(server.matchPosition(document, query));
      }
    }
    assertThat(matched).as("queries that matched").isBetween(2_000, 18_000);
  }

  @Test
  void countsAChatOnlyWhileNoneOfTheBatchWasCounted() {
    Document chat = new Document("_id", "c1").append("counted", List.of("m1", "m2", "m3"));

    assertThat(matcher.matches(chat, guard("c1", "m4", "m5"))).isTrue();
    assertThat(matcher.matches(chat, guard("c1", "m4", "m3"))).isFalse();
    assertThat(matcher.matches(chat, guard("c2", "m4"))).isFalse();
    assertThat(matcher.matches(new Document("_id", "c1"), guard("c1", "m1"))).isTrue();
    assertThat(matcher.matchPosition(chat, guard("c1", "m4"))).isNull();
  }

  /** {@code Filters.and(eq("_id", chat), nin("counted", ids))} as the Java driver sends it. */
  private static Document guard(String chat, String... ids) {
    return new Document(
        "$and",
        List.of(
            new Document("_id", chat),
            new Document("counted", new Document("$nin", List.of(ids)))));
  }

  private Document document() {
    Document document = new Document("_id", random.nextInt(5) == 0 ? new ObjectId() : word());
    for (String field : List.of("counted", "tags", "name")) {
      switch (random.nextInt(6)) {
        case 0 -> {} // missing
        case 1 -> document.put(field, null);
        case 2 -> document.put(field, word());
        case 3 -> document.put(field, random.nextInt(3));
        case 4 -> document.put(field, List.of(word(), List.of(word()), 7));
        default -> {
          List<Object> words = new ArrayList<>();
          for (int i = random.nextInt(6); i > 0; i--) {
            words.add(word());
          }
          document.put(field, words);
        }
      }
    }
    return document;
  }

  private Document query() {
    Document query = new Document();
    List<Object> and = new ArrayList<>();
    for (String field : List.of("_id", "counted", "tags", "name")) {
      Object condition =
          switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> word();
            case 2 -> new Document("$nin", List.of(word(), word()));
            case 3 -> new Document("$nin", List.of(word(), 3)); // not strings: the server's path
            default -> new Document("$in", List.of(word())); // another operator: the server's path
          };
      if (condition == null) {
        continue;
      }
      if (random.nextBoolean()) {
        query.put(field, condition);
      } else {
        and.add(new Document(field, condition));
      }
    }
    if (!and.isEmpty()) {
      query.put("$and", and);
    }
    return query;
  }

  /** One of a few words, so that equal ones are frequent. */
  private String word() {
    return "w" + random.nextInt(4);
  }
}
