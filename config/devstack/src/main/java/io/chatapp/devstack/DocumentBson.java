package io.chatapp.devstack;

import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Encodes a stored document as BSON, the same bytes as mongo-java-server's {@link BsonEncoder},
 * without its garbage: it encodes an array by building a document of it, keyed by each index's
 * string, and every key and string through a {@code byte[]} of its own. JFR on the embedded server
 * at 1,000 msg/s: encoding documents when H2 writes their pages was 15 % of the server's
 * allocations (a chat's counted ids, 64 of them, at each update). Values other than documents,
 * arrays and strings are written by {@link BsonEncoder} itself.
 */
final class DocumentBson {

  /** The index names of array elements, as BSON keys: "0", "1", ... */
  private static final byte[][] INDEXES = new byte[256][];

  static {
    for (int i = 0; i < INDEXES.length; i++) {
      INDEXES[i] = String.valueOf(i).getBytes(StandardCharsets.US_ASCII);
    }
  }

  private DocumentBson() {}

  /** Writes the document to {@code out}, as {@link BsonEncoder#encodeDocument} does. */
  static void write(Map<String, ?> document, ByteBuf out) {
    int start = out.writerIndex();
    out.writeIntLE(0); // the length, written at the end
    for (Map.Entry<String, ?> field : document.entrySet()) {
      Object value = field.getValue();
      byte type = BsonEncoder.determineType(value);
      out.writeByte(type);
      writeCString(field.getKey(), out);
      writeValue(type, value, out);
    }
    end(start, out);
  }

  private static void writeArray(Collection<?> values, ByteBuf out) {
    int start = out.writerIndex();
    out.writeIntLE(0);
    int index = 0;
    for (Object value : values) {
      byte type = BsonEncoder.determineType(value);
      out.writeByte(type);
      if (index < INDEXES.length) {
        out.writeBytes(INDEXES[index]).writeByte(BsonConstants.STRING_TERMINATION);
      } else {
        writeCString(String.valueOf(index), out);
      }
      writeValue(type, value, out);
      index++;
    }
    end(start, out);
  }

  @SuppressWarnings("unchecked")
  private static void writeValue(byte type, Object value, ByteBuf out) {
    switch (type) {
      case BsonConstants.TYPE_EMBEDDED_DOCUMENT -> write((Map<String, ?>) value, out);
      case BsonConstants.TYPE_ARRAY -> writeArray((Collection<?>) value, out);
      case BsonConstants.TYPE_UTF8_STRING -> {
        String string = value.toString();
        out.writeIntLE(ByteBufUtil.utf8Bytes(string) + 1);
        ByteBufUtil.writeUtf8(out, string);
        out.writeByte(BsonConstants.STRING_TERMINATION);
      }
      default -> BsonEncoder.encodeValue(type, value, out);
    }
  }

  private static void writeCString(String key, ByteBuf out) {
    ByteBufUtil.writeUtf8(out, key);
    out.writeByte(BsonConstants.STRING_TERMINATION);
  }

  private static void end(int start, ByteBuf out) {
    out.writeByte(BsonConstants.TERMINATING_BYTE);
    out.setIntLE(start, out.writerIndex() - start);
  }
}
