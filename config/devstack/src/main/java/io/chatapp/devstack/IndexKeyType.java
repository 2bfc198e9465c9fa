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
 *
 * <p>It also compares two objects of one class by their natural order itself. H2's own path for
 * them is not thread-safe: it looks up the type of each of the two through a field that other
 * threads change, and when a concurrent comparison of another type changed it in between, it throws
 * "Can not compare" (seen as a 500 on a user lookup under load). The order is the one H2 uses.
 */
final class IndexKeyType extends ObjectDataType {

  static final IndexKeyType INSTANCE = new IndexKeyType();

  private static final int MAX_CACHED = 200_000;

  private final Map<KeyValue, byte[]> serialized = new ConcurrentHashMap<>();

  private IndexKeyType() {}

  @Override
  public int compare(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    if (a instanceof KeyValue left && b instanceof KeyValue right) {
      return compareNotNull(bytes(left), bytes(right));
    }
    if (a instanceof Comparable<?> && b != null && a.getClass() == b.getClass()) {
      @SuppressWarnings("unchecked")
      Comparable<Object> comparable = (Comparable<Object>) a;
      return comparable.compareTo(b);
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
