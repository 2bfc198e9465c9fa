package io.chatapp.devstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Reads and writes the index keys the embedded server's indexes hold, a single string, number,
 * boolean or ObjectId, in their Java-serialized form without the JDK's serialization. {@link
 * IndexKeyType} keeps keys in that form on disk and compares them by it. Every page read from the
 * file deserialized each of its keys with a fresh {@code ObjectInputStream}, and every new key was
 * serialized with an {@code ObjectOutputStream}: JFR at 1,000 msg/s ({@code bench/store-growth}),
 * 16 % and 6 % of the server's allocations, the first mostly under compaction reading old pages
 * back (the server's young collections stall every storage round trip).
 *
 * <p>A key of one value is always the same bytes around the value: the stream's header and the
 * class descriptors of {@code KeyValue}, its list, and the value's class. Those bytes are taken
 * from keys serialized by the JDK when the class loads, so they are exactly what {@code
 * ObjectOutputStream} writes here, and files keep their bytes and order. For a key of any other
 * shape (several values, a long or non-ASCII string, another type) both methods return null, and
 * the caller leaves it to the JDK.
 */
final class SerializedKeys {

  /** Everything before the value of a one-value key: up to the list's element count. */
  private static final byte[] HEADER;

  /** Ends the list's data, after the value. */
  private static final byte END = 0x78; // TC_ENDBLOCKDATA

  private static final byte TC_STRING = 0x74;

  private static final List<Shape> SHAPES;

  static {
    byte[] sample = ObjectDataType.serialize(new KeyValue("x"));
    int string = sample.length - 1 - 3 - 1; // TC_STRING, its length (2 bytes), "x", END
    HEADER = Arrays.copyOf(sample, string);
    SHAPES =
        List.of(
            shape(0L, 8, ByteBuffer::getLong, (buffer, value) -> buffer.putLong((Long) value)),
            shape(0, 4, ByteBuffer::getInt, (buffer, value) -> buffer.putInt((Integer) value)),
            shape(
                0.0, 8, ByteBuffer::getDouble, (buffer, value) -> buffer.putDouble((Double) value)),
            shape(
                false,
                1,
                buffer -> buffer.get() != 0,
                (buffer, value) -> buffer.put((byte) ((Boolean) value ? 1 : 0))),
            shape(
                new ObjectId(new byte[12]),
                12,
                SerializedKeys::objectId,
                (buffer, value) -> buffer.put(((ObjectId) value).toByteArray())));
  }

  private SerializedKeys() {}

  /** {@link #compareStrings}'s answer when the keys' bytes must decide. */
  static final int UNDECIDED = Integer.MIN_VALUE;

  /**
   * The order of two keys' serialized bytes, told without the bytes when each key is one ASCII
   * string (the ids and message keys of every index here), else {@link #UNDECIDED}. Their bytes are
   * the same header, the string's length in two bytes (big-endian), then its characters: so the
   * shorter string comes first, and strings of one length come in the order of their characters.
   */
  static int compareStrings(KeyValue a, KeyValue b) {
    String left = asciiString(a);
    String right = left == null ? null : asciiString(b);
    if (right == null) {
      return UNDECIDED;
    }
    int byLength = Integer.compare(left.length(), right.length());
    return byLength != 0 ? byLength : Integer.signum(left.compareTo(right));
  }

  /**
   * The strings of the first {@code len} values when each is a key of one string {@link
   * #writeString} writes; else null.
   */
  static String[] strings(Object[] values, int len) {
    String[] strings = new String[len];
    for (int i = 0; i < len; i++) {
      strings[i] = values[i] instanceof KeyValue key ? asciiString(key) : null;
      if (strings[i] == null) {
        return null;
      }
    }
    return strings;
  }

  /**
   * Writes a key of a page's run ({@link IndexKeyType}) from its string, without its serialized
   * bytes: how many of them it shares with the key before it ({@code before}, null for the first),
   * how many follow, then those. Both are strings {@link #writeString} writes ({@link #strings}),
   * so their bytes differ first in the length (two bytes) or, for strings of one length, at the
   * first character that differs. The bytes written are those a run of their serialized bytes
   * holds.
   */
  static void writeRunEntry(WriteBuffer buffer, String before, String value) {
    int length = value.length();
    int lengthAt = HEADER.length + 1; // after the header and TC_STRING
    int total = lengthAt + 2 + length + 1;
    int shared;
    if (before == null) {
      shared = 0;
    } else if ((before.length() >>> 8) != (length >>> 8)) {
      shared = lengthAt;
    } else if (before.length() != length) {
      shared = lengthAt + 1;
    } else {
      int differs = firstDifference(before, value);
      shared = differs < 0 ? total : lengthAt + 2 + differs;
    }
    buffer.putVarInt(shared).putVarInt(total - shared);
    int at = shared;
    if (at < HEADER.length) {
      buffer.put(HEADER, at, HEADER.length - at);
      at = HEADER.length;
    }
    if (at == HEADER.length) {
      buffer.put(TC_STRING);
      at++;
    }
    if (at == lengthAt) {
      buffer.put((byte) (length >>> 8));
      at++;
    }
    if (at == lengthAt + 1) {
      buffer.put((byte) length);
      at++;
    }
    for (int i = at - (lengthAt + 2); i < length; i++) {
      buffer.put((byte) value.charAt(i));
    }
    if (shared < total) {
      buffer.put(END);
    }
  }

  /** The first index where two strings of one length differ, or -1. */
  private static int firstDifference(String a, String b) {
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return i;
      }
    }
    return -1;
  }

  /** The key's one value, when it is a string {@link #writeString} writes; else null. */
  private static String asciiString(KeyValue key) {
    return key.size() == 1 && key.get(0) instanceof String value && isShortAscii(value)
        ? value
        : null;
  }

  /**
   * Whether the JDK serializes this string as its characters, one byte each, after a two-byte
   * length: ASCII without NUL (modified UTF-8 writes NUL in two bytes), at most 65,535 of them.
   */
  private static boolean isShortAscii(String value) {
    if (value.length() > 0xffff) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0 || c > 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** The key these bytes hold, or null when they are not of a shape read here. */
  static KeyValue read(byte[] bytes) {
    int at = HEADER.length;
    if (bytes.length <= at || Arrays.mismatch(bytes, 0, at, HEADER, 0, at) >= 0) {
      return null;
    }
    if (bytes[at] == TC_STRING) {
      return readString(bytes, at + 1);
    }
    for (Shape shape : SHAPES) {
      Object value = shape.read(bytes, at);
      if (value != null) {
        return new KeyValue(value);
      }
    }
    return null;
  }

  /** The key's Java-serialized bytes, or null when it is not of a shape written here. */
  static byte[] write(KeyValue key) {
    if (key.size() != 1) {
      return null;
    }
    Object value = key.get(0);
    if (value == null) {
      return null;
    }
    if (value instanceof String string) {
      return writeString(string);
    }
    for (Shape shape : SHAPES) {
      if (shape.type() == value.getClass()) {
        return shape.write(value);
      }
    }
    return null;
  }

  private static byte[] writeString(String value) {
    if (!isShortAscii(value)) { // modified UTF-8 beyond ASCII, or a long string: left to the JDK
      return null;
    }
    int length = value.length();
    byte[] bytes = new byte[HEADER.length + 3 + length + 1];
    System.arraycopy(HEADER, 0, bytes, 0, HEADER.length);
    int at = HEADER.length;
    bytes[at] = TC_STRING;
    bytes[at + 1] = (byte) (length >>> 8);
    bytes[at + 2] = (byte) length;
    for (int i = 0; i < length; i++) {
      bytes[at + 3 + i] = (byte) value.charAt(i);
    }
    bytes[bytes.length - 1] = END;
    return bytes;
  }

  private static KeyValue readString(byte[] bytes, int at) {
    if (bytes.length < at + 2) {
      return null;
    }
    int length = ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    int start = at + 2;
    if (bytes.length != start + length + 1 || bytes[start + length] != END) {
      return null;
    }
    for (int i = start; i < start + length; i++) {
      if (bytes[i] <= 0) { // modified UTF-8 beyond ASCII: left to the JDK
        return null;
      }
    }
    return new KeyValue(new String(bytes, start, length, StandardCharsets.US_ASCII));
  }

  private static ObjectId objectId(ByteBuffer buffer) {
    byte[] id = new byte[12];
    buffer.get(id);
    return new ObjectId(id);
  }

  /** A value's class, its descriptor as serialized, then its data of a fixed size. */
  private record Shape(
      Class<?> type,
      byte[] descriptor,
      int size,
      Function<ByteBuffer, Object> reader,
      BiConsumer<ByteBuffer, Object> writer) {

    Object read(byte[] bytes, int at) {
      int end = at + descriptor.length;
      if (bytes.length != end + size + 1
          || bytes[end + size] != END
          || Arrays.mismatch(bytes, at, end, descriptor, 0, descriptor.length) >= 0) {
        return null;
      }
      return reader.apply(ByteBuffer.wrap(bytes, end, size));
    }

    byte[] write(Object value) {
      ByteBuffer bytes = ByteBuffer.allocate(HEADER.length + descriptor.length + size + 1);
      bytes.put(HEADER).put(descriptor);
      writer.accept(bytes, value);
      return bytes.put(END).array();
    }
  }

  /** The shape of a key holding a value like {@code sample}, whose data is {@code size} bytes. */
  private static Shape shape(
      Object sample,
      int size,
      Function<ByteBuffer, Object> reader,
      BiConsumer<ByteBuffer, Object> writer) {
    byte[] bytes = ObjectDataType.serialize(new KeyValue(sample));
    if (Arrays.mismatch(bytes, 0, HEADER.length, HEADER, 0, HEADER.length) >= 0) {
      throw new IllegalStateException("unexpected serialized form of " + sample.getClass());
    }
    byte[] descriptor = Arrays.copyOfRange(bytes, HEADER.length, bytes.length - size - 1);
    return new Shape(sample.getClass(), descriptor, size, reader, writer);
  }
}
