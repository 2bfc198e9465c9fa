package io.chatapp.devstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2's own data type for the embedded server's maps, made cheap where the server's use of it is
 * costly; what it writes to the file is unchanged, so existing data files open as before.
 *
 * <p>Index keys ({@link KeyValue}, also the {@code _id} index) are not {@code Comparable}, so H2
 * compares two of them by Java-serializing both, on every step of every search: measured with JFR
 * at 200 msg/s, a fifth of the server's CPU, in every lookup by {@code _id} or unique key. This
 * type compares the same serialized bytes, in the same order, but serializes each key once (kept in
 * a bounded cache). It also tells H2's page cache the memory of a key or document as about what it
 * is, not H2's guess of 10 KB for any serialized object, so the cache holds what it can.
 */
final class IndexKeyType extends ObjectDataType {

  static final IndexKeyType INSTANCE = new IndexKeyType();

  private static final int MAX_CACHED = 200_000;

  private final Map<KeyValue, byte[]> serialized = new ConcurrentHashMap<>();

  private IndexKeyType() {}

  @Override
  public int compare(Object a, Object b) {
    if (a instanceof KeyValue left && b instanceof KeyValue right) {
      return left == right ? 0 : compareNotNull(bytes(left), bytes(right));
    }
    return super.compare(a, b);
  }

  @Override
  public int getMemory(Object obj) {
    if (obj instanceof KeyValue) {
      return 128;
    }
    if (obj instanceof Document) {
      return 1024;
    }
    return super.getMemory(obj);
  }

  private byte[] bytes(KeyValue key) {
    byte[] bytes = serialized.get(key);
    if (bytes == null) {
      if (serialized.size() >= MAX_CACHED) {
        serialized.clear();
      }
      bytes = serialize(key);
      serialized.put(key, bytes);
    }
    return bytes;
  }
}
