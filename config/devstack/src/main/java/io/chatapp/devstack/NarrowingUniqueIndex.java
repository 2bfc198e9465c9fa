package io.chatapp.devstack;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's unique index on an H2 map, which also serves a query that has a condition on
 * each of its keys and more besides, as MongoDB's do: say {@code {_id: id, counted: {$nin:
 * [...]}}}, or the same as {@code {$and: [{_id: id}, {counted: ...}]}}, which is how the Java
 * driver writes {@code Filters.and}. The server's own index takes only a query on exactly its keys;
 * any other went through every document of the collection (JFR at 1,000 msg/s: a tenth of the
 * server's CPU went into scanning every chat for each chat's count update, growing with the number
 * of chats). It finds the documents by the indexed conditions alone; the server then matches each
 * found document against the whole query, as it does after every index.
 */
final class NarrowingUniqueIndex extends AbstractUniqueIndex<Object> {

  private static final String AND = "$and";

  private final MVMap<KeyValue, Object> map;

  NarrowingUniqueIndex(
      MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.map = map;
  }

  @Override
  public synchronized boolean canHandle(Document query) {
    return super.canHandle(query) || super.canHandle(indexedPart(query));
  }

  @Override
  public synchronized Iterable<Object> getPositions(Document query) {
    return super.canHandle(query)
        ? super.getPositions(query)
        : super.getPositions(indexedPart(query));
  }

  /**
   * The query's conditions on this index's keys, when it has one on each (at its top level or in an
   * {@code $and}); else the query. Every document that matches the query matches these (the
   * conditions of a query, and of an {@code $and}, all hold at once).
   */
  Document indexedPart(Document query) {
    Map<String, Object> conditions = query;
    if (query.containsKey(AND)) {
      conditions = new HashMap<>();
      collect(query, conditions);
    }
    if (!conditions.keySet().containsAll(keySet())) {
      return query;
    }
    Document part = new Document();
    for (String key : keys()) {
      part.put(key, conditions.get(key));
    }
    return part;
  }

  /** The conditions that all hold for a match, by field: the first one of each field. */
  private static void collect(Document query, Map<String, Object> conditions) {
    query.forEach(
        (field, condition) -> {
          if (AND.equals(field) && condition instanceof List<?> all) {
            all.stream()
                .filter(Document.class::isInstance)
                .forEach(each -> collect((Document) each, conditions));
          } else {
            conditions.putIfAbsent(field, condition);
          }
        });
  }

  /**
   * Whether an update leaves this index's keys as they were. The server asks twice an update and
   * index (to check it, then to apply it), and each time derives the keys of the old and the new
   * document ({@code getKeyValues}): JFR at 1,000 msg/s, a fifth of the server's allocations, on
   * chats whose count changes and whose keys never do. Keys that are top-level fields, present in
   * both documents and equal in both, derive equal keys; anything else is left to the server.
   */
  @Override
  protected boolean nullAwareEqualsKeys(Document before, Document after) {
    for (String key : keys()) {
      if (key.contains(".")
          || before.containsKey(key) != after.containsKey(key)
          || !Objects.equals(before.get(key), after.get(key))) {
        return super.nullAwareEqualsKeys(before, after);
      }
    }
    return true;
  }

  @Override
  protected Object removeDocument(KeyValue key) {
    return map.remove(key);
  }

  @Override
  protected boolean putKeyPosition(KeyValue key, Object position) {
    return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
  }

  @Override
  protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
    return map.entrySet();
  }

  @Override
  protected Object getPosition(KeyValue key) {
    return map.get(key);
  }

  @Override
  public long getCount() {
    return map.sizeAsLong();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }
}
