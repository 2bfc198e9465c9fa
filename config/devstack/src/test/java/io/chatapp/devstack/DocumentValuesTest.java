package io.chatapp.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** How the embedded server's documents are written to its file and read back. */
class DocumentValuesTest {

  private static Document message(int i) {
    return new Document("_id", new ObjectId())
        .append("chatId", "65f0c0ffee0000000000000" + (i % 10))
        .append("seq", (long) i)
        .append("text", "héllo 👋 " + i)
        .append("seen", false)
        .append("count", i)
        .append("ratio", 0.5)
        .append("createdAt", Instant.ofEpochMilli(1_700_000_000_000L + i))
        .append("none", null)
        .append("users", List.of("a", "b"))
        .append("latestMessage", new Document("text", "hi").append("sender", "a"));
  }

  private static Object roundTrip(ObjectDataType writer, ObjectDataType reader, Object value) {
    WriteBuffer buffer = new WriteBuffer();
    writer.write(buffer, value);
    writer.write(buffer, "after"); // the next value of the page must still be found where it is
    ByteBuffer written = buffer.getBuffer();
    written.flip();
    Object read = reader.read(written);
    assertThat(reader.read(written)).isEqualTo("after");
    assertThat(written.hasRemaining()).isFalse();
    return read;
  }

  @Test
  void documentsComeBackEqual() {
    Document document = message(7);
    Object read = roundTrip(IndexKeyType.INSTANCE, IndexKeyType.INSTANCE, document);
    assertThat(read).isEqualTo(document);
    assertThat(((Document) read).keySet()).containsExactlyElementsOf(document.keySet());
  }

  @Test
  void documentsWrittenByH2ItselfStillRead() {
    Document document = message(3);
    assertThat(roundTrip(new ObjectDataType(), IndexKeyType.INSTANCE, document))
        .isEqualTo(document);
  }

  @Test
  void idsAndIndexKeysComeBackEqual() {
    ObjectId id = new ObjectId();
    assertThat(roundTrip(IndexKeyType.INSTANCE, IndexKeyType.INSTANCE, id)).isEqualTo(id);
    assertThat(roundTrip(new ObjectDataType(), IndexKeyType.INSTANCE, id)).isEqualTo(id);
    KeyValue key = new KeyValue("65f0c0ffee00000000000001", 42L);
    assertThat(roundTrip(IndexKeyType.INSTANCE, new ObjectDataType(), key)).isEqualTo(key);
  }

  @Test
  void otherValuesAreWrittenAsH2Does() {
    for (Object value : new Object[] {42L, "text", 3, List.of(1, 2)}) {
      assertThat(roundTrip(IndexKeyType.INSTANCE, new ObjectDataType(), value)).isEqualTo(value);
    }
  }

  @Test
  void aDocumentBsonCannotHoldIsStillStored() {
    Document odd =
        new Document("value", new java.math.BigInteger("123456789012345678901234567890"));
    assertThat(roundTrip(IndexKeyType.INSTANCE, IndexKeyType.INSTANCE, odd)).isEqualTo(odd);
  }

  /** Not a timing test: prints how much smaller (and, in the log, faster) the BSON form is. */
  @Test
  void bsonIsSmallerThanJavaSerialization() {
    WriteBuffer bson = new WriteBuffer();
    WriteBuffer java = new WriteBuffer();
    for (int i = 0; i < 1000; i++) {
      IndexKeyType.INSTANCE.write(bson, message(i));
      new ObjectDataType().write(java, message(i));
    }
    assertThat(bson.position()).isLessThan(java.position() / 2);
  }
}
