package io.chatapp.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.reflect.Field;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 database of mongo-java-server with its data and index maps on {@link IndexKeyType}: each
 * map is opened here first, under the name {@link H2Database} gives it, and H2 hands that open map
 * to the server when it asks for it. The file format is the same. Its unique indexes also serve
 * queries with more conditions than their keys ({@link NarrowingUniqueIndex}), and its collections
 * tell {@link IndexKeyType} when a stored document changes ({@link FastH2Collection}) and match the
 * application's most frequent queries directly ({@link ConjunctionMatcher}).
 */
final class FastH2Database extends H2Database {

  private static final Logger LOG = Logger.getLogger(FastH2Database.class.getName());

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

  /** Opens a collection as {@link H2Database} does, under the same map names. */
  @Override
  protected MongoCollection<Object> openOrCreateCollection(
      String collectionName, CollectionOptions options) {
    String namespace = getFullCollectionNamespace(collectionName);
    MVMap<Object, Object> documents = open("databases." + namespace);
    @SuppressWarnings("unchecked")
    MVMap<Object, Document> data = (MVMap<Object, Document>) (MVMap<?, ?>) documents;
    return new FastH2Collection(
        this,
        collectionName,
        options,
        data,
        current().openMap("meta." + namespace),
        cursorRegistry);
  }

  /**
   * mongo-java-server's collection on H2, which tells {@link IndexKeyType} that a stored document
   * changes before it is put again, so that the bytes it keeps for it are not written. Its size in
   * bytes ({@code collStats}, {@code validate}) is counted when asked, not on every write: the
   * server encodes a document to count its bytes at each insert, and the old and the new document
   * at each update, then writes the total to the collection's meta map. JFR at 1,000 msg/s: 11 % of
   * the server's CPU samples in that counting, for a figure nothing of the application reads.
   */
  static final class FastH2Collection extends H2Collection {

    FastH2Collection(
        MongoDatabase database,
        String name,
        CollectionOptions options,
        MVMap<Object, Document> data,
        MVMap<String, Object> meta,
        CursorRegistry cursors) {
      super(database, name, options, data, meta, cursors);
      useMatcher(this, new ConjunctionMatcher());
    }

    /**
     * The server's collections keep their matcher in a private field, set in their constructor;
     * when a later version of the server has none, its own matcher stays, slower but the same.
     */
    private static void useMatcher(AbstractMongoCollection<?> collection, QueryMatcher matcher) {
      try {
        Field field = AbstractMongoCollection.class.getDeclaredField("matcher");
        field.setAccessible(true);
        field.set(collection, matcher);
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.log(Level.WARNING, "the server's own query matcher stays: " + e);
      }
    }

    @Override
    protected boolean tracksDataSize() {
      return false;
    }

    /** The BSON bytes of every document, counted now (a full pass: only an admin asks). */
    @Override
    protected int getDataSize() {
      ByteBuf buffer = Unpooled.buffer();
      long size = 0;
      try {
        for (DocumentWithPosition<Object> stored :
            (Iterable<DocumentWithPosition<Object>>) streamAllDocumentsWithPosition()::iterator) {
          BsonEncoder.encodeDocument(stored.getDocument(), buffer.clear());
          size += buffer.writerIndex();
        }
      } finally {
        buffer.release();
      }
      return (int) Math.min(Integer.MAX_VALUE, size);
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
      IndexKeyType.INSTANCE.changing(newDocument);
      super.handleUpdate(position, oldDocument, newDocument);
    }
  }

  private MVStore current() {
    return store != null ? store : CONSTRUCTING.get();
  }

  private MVMap<Object, Object> open(String map) {
    return current()
        .openMap(
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
