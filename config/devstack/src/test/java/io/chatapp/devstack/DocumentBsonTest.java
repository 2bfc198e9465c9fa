package io.chatapp.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stored documents encode to the same BSON as mongo-java-server's own encoder gives. */
class DocumentBsonTest {

  @Test
  void encodesAChatAsTheServersEncoderDoes() {
    List<String> counted = new ArrayList<>();
    for (int i = 0; i < 300; i++) { // past the index names kept ready
      counted.add(new org.bson.types.ObjectId().toHexString());
    }
    Document chat =
        new Document("_id", "c1")
            .append("unread", new Document("u1", 3).append("u2", 0L))
            .append("counted", counted)
            .append("latestMessage", new Document("text", "héllo 🙂 wörld").append("seq", 42L))
            .append("updatedAt", Instant.ofEpochMilli(1_796_599_512_299L))
            .append("members", new LinkedHashSet<>(List.of("u1", "u2")));

    assertThat(encoded(chat)).isEqualTo(expected(chat));
  }

  @Test
  void encodesEveryKindOfValueAsTheServersEncoderDoes() {
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      Document document =
          new Document("_id", new ObjectId())
              .append("ключ", "значение " + random.nextInt())
              .append("n", random.nextInt())
              .append("l", random.nextLong())
              .append("d", random.nextDouble())
              .append("b", random.nextBoolean())
              .append("none", null)
              .append("data", new BinData(new byte[] {1, 2, (byte) i}))
              .append("uuid", UUID.randomUUID())
              .append("lone surrogate", "a\uD800b")
              .append("", List.of())
              .append(
                  "nested", List.of(List.of(1, "x"), new Document("k", List.of(new Document()))));

      assertThat(encoded(document)).isEqualTo(expected(document));
    }
  }

  @Test
  void refusesWhatTheServersEncoderRefuses() {
    Document document = new Document("odd", new Object());

    assertThatThrownBy(() -> encoded(document)).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] encoded(Document document) {
    ByteBuf out = Unpooled.buffer();
    DocumentBson.write(document, out);
    return ByteBufUtil.getBytes(out);
  }

  private static byte[] expected(Document document) {
    ByteBuf out = Unpooled.buffer();
    BsonEncoder.encodeDocument(document, out);
    return ByteBufUtil.getBytes(out);
  }
}
