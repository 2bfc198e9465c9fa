package io.chatapp.devstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2's own data type for the embedded server's maps, made cheap where the server's use of it is
 * costly. It reads every form H2 and its earlier versions wrote, so existing data files open as
 * they are; a file it wrote needs this type (or a later one) to be read.
 *
 * <p>Index keys ({@link KeyValue}, also the {@code _id} index) are not {@code Comparable}, so H2
 * compares two of them by Java-serializing both, on every step of every search: measured with JFR
 * at 200 msg/s, a fifth of the server's CPU, in every lookup by {@code _id} or unique key. This
 * type compares the same serialized bytes, in the same order, but serializes each key once (kept in
 * a bounded cache), and compares them with the JDK's vectorized {@link Arrays#compareUnsigned}:
 * H2's byte-by-byte loop walked the long prefix all serialized keys share (the class descriptors)
 * on every step, 17 % of the server's CPU samples at 1,000 msg/s. Two keys whose bytes the identity
 * table below does not hold both are, when each is one ASCII string, compared in that order without
 * their bytes ({@link SerializedKeys#compareStrings}): finding the bytes by content was 15 % of the
 * server's CPU samples at 1,000 msg/s (the leaves of an index of random ids, pages read back from
 * the file), and past the bounded cache they were serialized again ({@code bench/index-lookup}: 8.6
 * µs a lookup among 200,000 random ids and 13.6 µs among 1,000,000, 4.5 and 7.0 µs with this). It
 * also tells H2's page cache the memory of a key or document as about what it is, not H2's guess of
 * 10 KB for any serialized object, so the cache holds what it can.
 *
 * <p>It also compares two objects of one class by their natural order itself. H2's own path for
 * them is not thread-safe: it looks up the type of each of the two through a field that other
 * threads change, and when a concurrent comparison of another type changed it in between, it throws
 * "Can not compare" (seen as a 500 on a user lookup under load). The order is the one H2 uses.
 *
 * <p>It writes documents as BSON (tag {@value #TAG_BSON_DOCUMENT}, then the length and the bytes)
 * instead of H2's Java serialization, and reads both forms, so files written before still open. JFR
 * at 100 and 1,000 msg/s: H2's serialization thread took 58 % of the server's CPU, in {@code
 * ObjectOutputStream}, while holding the store lock that a journaled commit waits for; those
 * commits waited up to 735 ms, the messages' p99 at 100 msg/s was 378 ms. For the same reason an
 * {@code ObjectId} is written as its 12 bytes (tag {@value #TAG_OBJECT_ID}), an index key alone as
 * the serialized bytes already kept for comparing it, in H2's own form, and a page's index keys as
 * a run of the prefixes they share (tag {@value #TAG_KEY_RUN}).
 */
final class IndexKeyType extends ObjectDataType {

  static final IndexKeyType INSTANCE = new IndexKeyType();

  /** Serialized keys kept at most ({@link TwoGenerationCache}: two generations of half this). */
  private static final int MAX_CACHED = 200_000;

  /** Tags H2's own types leave free (they use 0-14, 19 and 32 and up). */
  static final int TAG_BSON_DOCUMENT = 20;

  static final int TAG_OBJECT_ID = 21;

  /** H2's tag of a Java-serialized value. */
  private static final int TYPE_SERIALIZED_OBJECT = 19;

  /**
   * The tag of a page's index keys written as a run ({@link #write(WriteBuffer, Object, int)}),
   * where an array of values written one by one starts with the first one's tag.
   */
  static final int TAG_KEY_RUN = 22;

  private static final byte[] NONE = new byte[0];

  private final LongAdder serializations = new LongAdder();

  private final LongAdder runsEncoded = new LongAdder();

  private final TwoGenerationCache<KeyValue, byte[]> serialized =
      new TwoGenerationCache<>(MAX_CACHED / 2);

  /**
   * The same bytes by identity, in a direct-mapped table: a page's keys are the same objects search
   * after search, and looking them up by content cost most of the server's time in comparisons
   * ({@code KeyValue}'s hash and equality walk its values on every call; JFR at 1,000 msg/s: a
   * quarter of the server's CPU in that map). A slot holds the last key that landed in it; a miss
   * falls back to the map by content. Entries are immutable, so a racing read sees a whole entry or
   * an older one, and then just misses.
   */
  private final Entry[] byIdentity = new Entry[1 << 18];

  private record Entry(KeyValue key, byte[] bytes) {}

  /**
   * The last key runs written ({@link #write(WriteBuffer, Object, int)}), by the identity of the
   * page's array of keys, an array a slot. H2 never changes a page's array of keys in place: a page
   * that gains, loses or replaces a key gets a new array, and a copy of a page (every commit copies
   * each page on the path to what changed) shares its original's. So the pages above a changed leaf
   * write the same keys commit after commit: JFR at 1,000 msg/s put 17.5 % of the server's CPU
   * samples in writing the keys of pages above the leaves, 2.9 % with this (the leaves' own keys,
   * about 10 %, change and are written anew). A slot holds the last array that landed in it, and
   * keeps that array from the collector until another takes the slot; entries are immutable, so a
   * racing read sees a whole entry or misses.
   */
  private final AtomicReferenceArray<Run> runs = new AtomicReferenceArray<>(1 << 12);

  private record Run(Object[] keys, int len, byte[] bytes) {}

  /** Documents' BSON as last written or read, by identity, a document a slot ({@link #bson}). */
  private final AtomicReferenceArray<Object> encoded = new AtomicReferenceArray<>(1 << 12);

  private record Encoded(Document document, byte[] bson) {}

  /**
   * Each writing thread's buffer to encode documents in, reused: a fresh Netty buffer a document,
   * grown to its size, was 7 % of the server's CPU samples at 1,000 msg/s (most of the writes are
   * H2's, on one thread). One that grew past {@link #MAX_SCRATCH} for a large document is dropped.
   */
  private static final ThreadLocal<ByteBuf> SCRATCH =
      ThreadLocal.withInitial(() -> Unpooled.buffer(16 * 1024));

  private static final int MAX_SCRATCH = 1 << 20;

  private IndexKeyType() {}

  @Override
  public int compare(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    if (a instanceof KeyValue left && b instanceof KeyValue right) {
      byte[] leftBytes = known(left);
      byte[] rightBytes = leftBytes == null ? null : known(right);
      if (rightBytes == null) {
        int strings = SerializedKeys.compareStrings(left, right);
        if (strings != SerializedKeys.UNDECIDED) {
          return strings;
        }
        leftBytes = bytes(left);
        rightBytes = bytes(right);
      }
      return Integer.signum(Arrays.compareUnsigned(leftBytes, rightBytes));
    }
    // the keys of documents (their _id) and of H2's own maps, told by their class alone: asking a
    // value for an interface (Comparable) makes JDK 17 walk the interfaces of its class on a miss
    if (a instanceof String left && b instanceof String right) {
      return left.compareTo(right);
    }
    if (a instanceof Long left && b instanceof Long right) {
      return left.compareTo(right);
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

  @Override
  public void write(WriteBuffer buffer, Object value) {
    if (value instanceof Document document) {
      byte[] bson = bson(document);
      if (bson == null) { // a value BSON has no type for: H2's form keeps it
        super.write(buffer, value);
        return;
      }
      buffer.put((byte) TAG_BSON_DOCUMENT).putVarInt(bson.length).put(bson);
      return;
    }
    if (value instanceof ObjectId id) {
      buffer.put((byte) TAG_OBJECT_ID).put(id.toByteArray());
      return;
    }
    if (value instanceof KeyValue key) {
      byte[] bytes = bytes(key);
      buffer.put((byte) TYPE_SERIALIZED_OBJECT).putVarInt(bytes.length).put(bytes);
      return;
    }
    super.write(buffer, value);
  }

  /**
   * Writes a page's index keys as a run: each key as the length of the prefix its serialized bytes
   * share with the key before it, then the rest of them. A page's keys are in the order of those
   * bytes, and all of them start with the same class descriptors, about 140 of a key's 170 bytes;
   * keys of one chat share even more. Written one by one, those bytes were most of what each commit
   * wrote (JFR at 1,000 msg/s: a quarter of the server's CPU samples in writing index keys, and the
   * file grew by 3-11 KiB a message). The order of the keys and the bytes they are compared by stay
   * as they were. A page of keys of one ASCII string each is written from the strings ({@link
   * SerializedKeys#writeRunEntry}), the same bytes without finding each key's: since comparing such
   * keys stopped filling the identity table, finding them by content at each commit was 10 % of the
   * server's CPU samples at 1,000 msg/s. Arrays of anything else are written as H2 writes them.
   */
  @Override
  public void write(WriteBuffer buffer, Object storage, int len) {
    Object[] values = cast(storage);
    int slot = System.identityHashCode(values) & (runs.length() - 1);
    Run known = runs.get(slot);
    if (known != null && known.keys() == values && known.len() == len) {
      buffer.put(known.bytes());
      return;
    }
    if (len < 2 || !allKeys(values, len)) {
      super.write(buffer, storage, len);
      return;
    }
    runsEncoded.increment();
    int start = buffer.position();
    buffer.put((byte) TAG_KEY_RUN);
    String[] strings = SerializedKeys.strings(values, len);
    if (strings != null) { // the same bytes, from the strings themselves
      for (int i = 0; i < len; i++) {
        SerializedKeys.writeRunEntry(buffer, i == 0 ? null : strings[i - 1], strings[i]);
      }
    } else {
      byte[] previous = NONE;
      for (int i = 0; i < len; i++) {
        byte[] bytes = bytes((KeyValue) values[i]);
        int mismatch = Arrays.mismatch(previous, bytes);
        int shared = mismatch < 0 ? bytes.length : mismatch; // -1: the same bytes
        buffer.putVarInt(shared).putVarInt(bytes.length - shared);
        buffer.put(bytes, shared, bytes.length - shared);
        previous = bytes;
      }
    }
    byte[] run = new byte[buffer.position() - start];
    buffer.getBuffer().get(start, run);
    runs.set(slot, new Run(values, len, run));
  }

  /** Reads a page's values as {@link #write(WriteBuffer, Object, int)} wrote them, or as H2 did. */
  @Override
  public void read(ByteBuffer buffer, Object storage, int len) {
    if (len == 0 || buffer.get(buffer.position()) != TAG_KEY_RUN) {
      super.read(buffer, storage, len);
      return;
    }
    buffer.get();
    Object[] values = cast(storage);
    byte[] previous = NONE;
    for (int i = 0; i < len; i++) {
      int shared = DataUtils.readVarInt(buffer);
      int rest = DataUtils.readVarInt(buffer);
      byte[] bytes = Arrays.copyOf(previous, shared + rest);
      buffer.get(bytes, shared, rest);
      values[i] = fromSerialized(bytes);
      previous = bytes;
    }
  }

  private static boolean allKeys(Object[] values, int len) {
    for (int i = 0; i < len; i++) {
      if (!(values[i] instanceof KeyValue)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Object read(ByteBuffer buffer) {
    int tag = buffer.get(buffer.position());
    if (tag == TAG_OBJECT_ID) {
      buffer.get();
      byte[] id = new byte[12];
      buffer.get(id);
      return new ObjectId(id);
    }
    if (tag == TYPE_SERIALIZED_OBJECT) {
      return readSerialized(buffer);
    }
    if (tag != TAG_BSON_DOCUMENT) {
      return super.read(buffer);
    }
    buffer.get();
    byte[] bson = new byte[DataUtils.readVarInt(buffer)];
    buffer.get(bson);
    Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    encoded.set(slot(document), new Encoded(document, bson));
    return document;
  }

  /**
   * A stored document is about to change in place (mongo-java-server updates the document object
   * its map holds, then puts it again): the bytes kept for it are dropped first, so that no write
   * after the put can use them.
   */
  void changing(Document document) {
    encoded.set(slot(document), new Object());
  }

  /**
   * The document's BSON, or null when it holds a value BSON has no type for. Kept by identity until
   * the document changes ({@link #changing}): a page is written whole, so each commit wrote every
   * document of each leaf it changed again (JFR at 1,000 msg/s: 18 % of the server's CPU in BSON
   * encoding there, most of it chats nobody wrote to). A writer that raced a change keeps nothing:
   * it only replaces the slot it saw.
   */
  private byte[] bson(Document document) {
    int slot = slot(document);
    Object seen = encoded.get(slot);
    if (seen instanceof Encoded known && known.document() == document) {
      return known.bson();
    }
    ByteBuf buffer = SCRATCH.get().clear();
    try {
      DocumentBson.write(document, buffer);
      byte[] bson = new byte[buffer.readableBytes()];
      buffer.readBytes(bson);
      encoded.compareAndSet(slot, seen, new Encoded(document, bson));
      return bson;
    } catch (RuntimeException notBson) {
      return null;
    } finally {
      if (buffer.capacity() > MAX_SCRATCH) {
        SCRATCH.remove();
      }
    }
  }

  /**
   * A Java-serialized value, read as H2 reads it; an index key keeps the bytes it was read from, so
   * it is not serialized again to be compared or written back. H2's compaction rewrites old pages
   * whose keys nobody used lately: at 1,000 msg/s ({@code bench/store-growth}), once the file held
   * a minute and a half of messages, that was 5-15 thousand Java serializations a second, growing
   * with the file.
   */
  private Object readSerialized(ByteBuffer buffer) {
    buffer.get();
    byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
    buffer.get(bytes);
    return fromSerialized(bytes);
  }

  /**
   * A Java-serialized value; an index key keeps the bytes it was read from. Keys of one plain value
   * are read without the JDK's deserialization ({@link SerializedKeys}).
   */
  private Object fromSerialized(byte[] bytes) {
    KeyValue plain = SerializedKeys.read(bytes);
    Object value = plain != null ? plain : deserialize(bytes);
    if (value instanceof KeyValue key) {
      serialized.put(key, bytes);
      byIdentity[slot(key)] = new Entry(key, bytes);
    }
    return value;
  }

  /** How many keys were Java-serialized so far, for tests and benchmarks. */
  long serializations() {
    return serializations.sum();
  }

  /** How many pages' key runs were encoded so far (not written from {@link #runs}), for tests. */
  long runsEncoded() {
    return runsEncoded.sum();
  }

  private byte[] bytes(KeyValue key) {
    byte[] known = known(key);
    if (known != null) {
      return known;
    }
    byte[] bytes = serialized.get(key, this::serializeKey);
    byIdentity[slot(key)] = new Entry(key, bytes);
    return bytes;
  }

  /** The key's bytes if the identity table has them, else null. */
  private byte[] known(KeyValue key) {
    Entry known = byIdentity[slot(key)];
    return known != null && known.key() == key ? known.bytes() : null;
  }

  private byte[] serializeKey(KeyValue key) {
    serializations.increment();
    byte[] plain = SerializedKeys.write(key);
    return plain != null ? plain : serialize(key);
  }

  private int slot(KeyValue key) {
    return System.identityHashCode(key) & (byIdentity.length - 1);
  }

  private int slot(Document document) {
    return System.identityHashCode(document) & (encoded.length() - 1);
  }
}
