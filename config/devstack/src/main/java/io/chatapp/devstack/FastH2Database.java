package io.chatapp.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 database of mongo-java-server with its data and index maps on {@link IndexKeyType}: each
 * map is opened here first, under the name {@link H2Database} gives it, and H2 hands that open map
 * to the server when it asks for it. The file format is the same. Its unique indexes also serve
 * queries with more conditions than their keys ({@link NarrowingUniqueIndex}).
 */
final class FastH2Database extends H2Database {

  /**
   * The super constructor opens the existing collections before this object's fields are set; until
   * then the store comes from the thread that constructs it.
   */
  private static final ThreadLocal<MVStore> CONSTRUCTING = new ThreadLocal<>();

  private final MVStore store;

  FastH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
    super(databaseName, constructing(store), cursors);
    this.store = store;
    CONSTRUCTING.remove();
  }

  @Override
  protected Index<Object> openOrCreateUniqueIndex(
      String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
    MVMap<Object, Object> map =
        open(getFullCollectionNamespace(collectionName) + "._index_" + indexName);
    @SuppressWarnings("unchecked")
    MVMap<KeyValue, Object> byKey = (MVMap<KeyValue, Object>) (MVMap<?, ?>) map;
    return new NarrowingUniqueIndex(byKey, indexName, keys, sparse);
  }

  @Override
  protected MongoCollection<Object> openOrCreateCollection(
      String collectionName, CollectionOptions options) {
    open("databases." + getFullCollectionNamespace(collectionName));
    return super.openOrCreateCollection(collectionName, options);
  }

  private MVMap<Object, Object> open(String map) {
    MVStore current = store != null ? store : CONSTRUCTING.get();
    return current.openMap(
        map,
        new MVMap.Builder<Object, Object>()
            .keyType(IndexKeyType.INSTANCE)
            .valueType(IndexKeyType.INSTANCE));
  }

  private static MVStore constructing(MVStore store) {
    CONSTRUCTING.set(store);
    return store;
  }
}
