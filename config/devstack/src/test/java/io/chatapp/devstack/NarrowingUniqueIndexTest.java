package io.chatapp.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/** Queries with conditions beyond an index's keys are served by it, not by a collection scan. */
class NarrowingUniqueIndexTest {

  final MVStore store = MVStore.open(null);
  final MVMap<KeyValue, Object> map = store.openMap("ids");
  final NarrowingUniqueIndex ids =
      new NarrowingUniqueIndex(map, "_id_", List.of(new IndexKey("_id", true)), false);

  @Test
  void servesAQueryByItsKeyWithMoreConditions() {
    map.put(new KeyValue("c1"), 1L);
    map.put(new KeyValue("c2"), 2L);
    Document query =
        new Document("_id", "c2")
            .append("counted", new Document("$nin", List.of("m1")))
            .append("$or", List.of(new Document("a", 1), new Document("b", 2)));

    assertThat(ids.canHandle(query)).isTrue();
    assertThat(ids.getPositions(query)).containsExactly(2L);
    assertThat(ids.indexedPart(query)).isEqualTo(new Document("_id", "c2"));
  }

  @Test
  void servesTheSameQueryWrittenAsAnAndAsTheJavaDriverWritesIt() {
    assertThat(
            Filters.and(Filters.eq("_id", "c2"), Filters.nin("counted", List.of("m1")))
                .toBsonDocument()
                .keySet())
        .containsExactly("$and");
    map.put(new KeyValue("c1"), 1L);
    map.put(new KeyValue("c2"), 2L);
    Document query =
        new Document(
            "$and",
            List.of(
                new Document("counted", new Document("$nin", List.of("m1"))),
                new Document("$and", List.of(new Document("_id", "c2")))));

    assertThat(ids.canHandle(query)).isTrue();
    assertThat(ids.getPositions(query)).containsExactly(2L);
    assertThat(ids.indexedPart(query)).isEqualTo(new Document("_id", "c2"));
    assertThat(ids.canHandle(new Document("$and", List.of(new Document("counted", "m1")))))
        .isFalse();
    assertThat(ids.canHandle(new Document("$or", List.of(new Document("_id", "c1"))))).isFalse();
  }

  @Test
  void stillServesWhatTheServersOwnIndexServesAndNothingElse() {
    map.put(new KeyValue("c1"), 1L);

    assertThat(ids.canHandle(new Document("_id", "c1"))).isTrue();
    assertThat(ids.getPositions(new Document("_id", "c1"))).containsExactly(1L);
    assertThat(ids.canHandle(new Document("counted", "m1"))).isFalse();
    assertThat(ids.canHandle(new Document("_id", new Document("$gt", "c0")))).isFalse();
    assertThat(
            ids.canHandle(new Document("_id", new Document("$gt", "c0")).append("counted", "m1")))
        .isFalse();
  }

  @Test
  void tellsThatAnUpdateKeepsItsKeysAsTheServerDoes() {
    NarrowingUniqueIndex pairs =
        new NarrowingUniqueIndex(map, "pair", List.of(new IndexKey("pair", true)), true);
    ServersOwn own = new ServersOwn(List.of(new IndexKey("pair", true)));
    List<Object> values = new ArrayList<>();
    values.add(null);
    values.add("a|b");
    values.add("a|c");
    values.add(1);
    values.add(1.0);
    values.add(List.of("a", "b"));
    values.add(new Document("x", 1));
    int kept = 0;
    for (Object one : values) {
      for (Object other : values) {
        for (int presence = 0; presence < 4; presence++) {
          Document before = new Document("_id", "c1").append("unread", 1);
          Document after = new Document("_id", "c1").append("unread", 2);
          if ((presence & 1) != 0) {
            before.put("pair", one);
          }
          if ((presence & 2) != 0) {
            after.put("pair", other);
          }
          boolean same = own.keysEqual(before, after);
          assertThat(pairs.nullAwareEqualsKeys(before, after))
              .as("%s then %s", before, after)
              .isEqualTo(same);
          kept += same ? 1 : 0;
        }
      }
    }
    assertThat(kept).isPositive();
  }

  /** The server's own unique index, to compare with. */
  private static final class ServersOwn extends AbstractUniqueIndex<Object> {

    ServersOwn(List<IndexKey> keys) {
      super("pair", keys, true);
    }

    boolean keysEqual(Document before, Document after) {
      return super.nullAwareEqualsKeys(before, after);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
      return null;
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
      return true;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
      return List.of();
    }

    @Override
    protected Object getPosition(KeyValue key) {
      return null;
    }

    @Override
    public long getCount() {
      return 0;
    }

    @Override
    public long getDataSize() {
      return 0;
    }
  }
}
