package io.chatapp.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** The data type all maps of the embedded server share, used by many threads at once. */
class IndexKeyTypeTest {

  /** A value H2 stores Java-serialized, like the server's ObjectId. */
  record Id(long value) implements Serializable, Comparable<Id> {
    @Override
    public int compareTo(Id other) {
      return Long.compare(value, other.value);
    }
  }

  @Test
  void comparesSerializedValuesWhileOtherThreadsHandleOtherTypes() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        boolean ids = t % 2 == 0;
        runs.add(
            threads.submit(
                () -> {
                  long sum = 0;
                  for (int i = 0; i < 200_000; i++) {
                    sum +=
                        ids
                            ? IndexKeyType.INSTANCE.compare(new Id(i), new Id(i + 1))
                            : IndexKeyType.INSTANCE.getMemory(i % 2 == 0 ? "a" + i : (long) i);
                  }
                  return sum;
                }));
      }
      assertThat(runs.get(0).get(60, TimeUnit.SECONDS)).isEqualTo(-200_000);
      for (Future<Long> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aKeyReadFromTheFileIsNotSerializedAgainToBeComparedOrWritten() {
    // written as H2 itself writes it, as an old page holds a key nobody used since
    KeyValue first = new KeyValue("chat-" + System.nanoTime(), 7L);
    KeyValue second = new KeyValue("chat-" + System.nanoTime(), 8L);
    WriteBuffer file = new WriteBuffer();
    new ObjectDataType().write(file, first);
    new ObjectDataType().write(file, second);
    ByteBuffer page = file.getBuffer().flip();
    long before = IndexKeyType.INSTANCE.serializations();

    KeyValue readFirst = (KeyValue) IndexKeyType.INSTANCE.read(page);
    KeyValue readSecond = (KeyValue) IndexKeyType.INSTANCE.read(page);
    int order = IndexKeyType.INSTANCE.compare(readFirst, readSecond);
    WriteBuffer rewritten = new WriteBuffer();
    IndexKeyType.INSTANCE.write(rewritten, readFirst);
    IndexKeyType.INSTANCE.write(rewritten, readSecond);

    assertThat(List.of(readFirst, readSecond)).containsExactly(first, second);
    assertThat(order).isEqualTo(new ObjectDataType().compare(first, second));
    assertThat(rewritten.getBuffer().flip()).isEqualTo(page.rewind());
    assertThat(IndexKeyType.INSTANCE.serializations()).isEqualTo(before);
  }

  @Test
  void aPagesKeysAreWrittenAsARunAndReadBackAsTheyWere() {
    // a page's keys: each once, in order
    Set<KeyValue> keys = new TreeSet<>(IndexKeyType.INSTANCE::compare);
    keys.addAll(mixedKeys(new Random(11), 200));
    Object[] page = keys.toArray();
    WriteBuffer run = new WriteBuffer();
    IndexKeyType.INSTANCE.write(run, page, page.length);
    WriteBuffer oneByOne = new WriteBuffer();
    new ObjectDataType().write(oneByOne, page, page.length);

    Object[] read = new Object[page.length];
    IndexKeyType.INSTANCE.read(run.getBuffer().flip(), read, read.length);
    Object[] readOld = new Object[page.length];
    IndexKeyType.INSTANCE.read(oneByOne.getBuffer().flip(), readOld, readOld.length);

    assertThat(run.getBuffer().get(0)).isEqualTo((byte) IndexKeyType.TAG_KEY_RUN);
    assertThat(read).containsExactly(page);
    assertThat(readOld).as("a page written before runs").containsExactly(page);
    assertThat(run.getBuffer().limit())
        .as("bytes of the run against those of the keys one by one")
        .isLessThan(oneByOne.getBuffer().limit() / 3);
    for (int i = 1; i < read.length; i++) {
      assertThat(IndexKeyType.INSTANCE.compare(read[i - 1], read[i])).isNegative();
    }
  }

  @Test
  void aPageWrittenAgainWithTheSameKeysReusesItsRunAndAChangedPageIsEncodedAnew() {
    Set<KeyValue> keys = new TreeSet<>(IndexKeyType.INSTANCE::compare);
    keys.addAll(mixedKeys(new Random(12), 60));
    Object[] page = keys.toArray();
    long before = IndexKeyType.INSTANCE.runsEncoded();

    ByteBuffer first = written(page, page.length);
    ByteBuffer copied = written(page, page.length); // a copy of the page shares its keys
    long afterTwo = IndexKeyType.INSTANCE.runsEncoded();
    ByteBuffer fewer = written(page, page.length - 1);
    Object[] lost = Arrays.copyOf(page, page.length - 1); // H2: a new array when a key goes
    ByteBuffer newArray = written(lost, lost.length);

    assertThat(afterTwo - before).isEqualTo(1);
    assertThat(IndexKeyType.INSTANCE.runsEncoded() - afterTwo).isEqualTo(2);
    assertThat(copied).isEqualTo(first);
    assertThat(read(first, page.length)).containsExactly(page);
    assertThat(read(fewer, lost.length)).containsExactly(lost);
    assertThat(read(newArray, lost.length)).containsExactly(lost);
  }

  @Test
  void aPageOfStringKeysIsWrittenAsTheRunOfTheirSerializedBytes() {
    Random random = new Random(13);
    Set<KeyValue> keys = new TreeSet<>(IndexKeyType.INSTANCE::compare);
    for (int i = 0; i < 400; i++) {
      keys.add(
          new KeyValue(
              switch (i % 4) {
                case 0 -> new UUID(random.nextLong(), random.nextLong()).toString();
                case 1 -> "chat-" + random.nextInt(5) + ":" + random.nextInt(100_000);
                case 2 -> "x".repeat(random.nextInt(600)); // lengths past 255: two length bytes
                default -> Long.toHexString(random.nextLong());
              }));
    }
    Object[] page = keys.toArray();
    // the run as its definition has it: each key's JDK-serialized bytes after the key before
    WriteBuffer expected = new WriteBuffer();
    expected.put((byte) IndexKeyType.TAG_KEY_RUN);
    byte[] previous = new byte[0];
    for (Object key : page) {
      byte[] bytes = ObjectDataType.serialize(key);
      int mismatch = Arrays.mismatch(previous, bytes);
      int shared = mismatch < 0 ? bytes.length : mismatch;
      expected.putVarInt(shared).putVarInt(bytes.length - shared);
      expected.put(bytes, shared, bytes.length - shared);
      previous = bytes;
    }

    assertThat(written(page, page.length)).isEqualTo(expected.getBuffer().flip());
    assertThat(read(written(page, page.length), page.length)).containsExactly(page);
  }

  private static ByteBuffer written(Object[] page, int len) {
    WriteBuffer buffer = new WriteBuffer();
    IndexKeyType.INSTANCE.write(buffer, page, len);
    return buffer.getBuffer().flip();
  }

  private static Object[] read(ByteBuffer page, int len) {
    Object[] read = new Object[len];
    IndexKeyType.INSTANCE.read(page.duplicate(), read, len);
    return read;
  }

  @Test
  void anArrayOfOtherValuesIsWrittenAsH2WritesIt() {
    Object[] positions = {1L, 2L, 300L, -4L};
    WriteBuffer ours = new WriteBuffer();
    IndexKeyType.INSTANCE.write(ours, positions, positions.length);
    WriteBuffer h2 = new WriteBuffer();
    new ObjectDataType().write(h2, positions, positions.length);

    assertThat(ours.getBuffer().flip()).isEqualTo(h2.getBuffer().flip());
    Object[] read = new Object[positions.length];
    IndexKeyType.INSTANCE.read(ours.getBuffer(), read, read.length);
    assertThat(read).containsExactly(positions);
  }

  @Test
  void writesADocumentsBytesAgainUntilItIsSaidToChange() {
    de.bwaldvogel.mongo.bson.Document chat =
        new de.bwaldvogel.mongo.bson.Document("_id", "c" + System.nanoTime()).append("unread", 1);
    ByteBuffer first = written(chat);

    chat.put("unread", 2); // as mongo-java-server updates a stored document in place
    ByteBuffer unsaid = written(chat);
    IndexKeyType.INSTANCE.changing(chat);
    ByteBuffer said = written(chat);

    assertThat(unsaid).isEqualTo(first);
    assertThat(said).isNotEqualTo(first);
    assertThat((de.bwaldvogel.mongo.bson.Document) IndexKeyType.INSTANCE.read(said))
        .containsEntry("unread", 2);
  }

  private static ByteBuffer written(Object value) {
    WriteBuffer buffer = new WriteBuffer();
    IndexKeyType.INSTANCE.write(buffer, value);
    return buffer.getBuffer().flip();
  }

  @Test
  void ordersLikeH2() {
    ObjectDataType h2 = new ObjectDataType();
    Object[][] pairs = {
      {new Id(1), new Id(2)}, {"b", "a"}, {3L, 3L}, {2, "x"}, {1.5, -2.0}, {new Id(5), "s"}
    };
    for (Object[] pair : pairs) {
      assertThat(Integer.signum(IndexKeyType.INSTANCE.compare(pair[0], pair[1])))
          .isEqualTo(Integer.signum(h2.compare(pair[0], pair[1])));
    }
  }

  @Test
  void ordersIndexKeysAsH2OrdersTheirSerializedBytes() {
    List<KeyValue> keys = new ArrayList<>(mixedKeys(new Random(7), 300));
    keys.add(new KeyValue("x".repeat(0xffff)));
    keys.add(new KeyValue("x".repeat(0x10000)));
    ObjectDataType h2 = new ObjectDataType();
    for (KeyValue a : keys) {
      for (KeyValue b : keys) {
        int expected =
            Integer.signum(ObjectDataType.compareNotNull(h2.serialize(a), h2.serialize(b)));
        assertThat(IndexKeyType.INSTANCE.compare(a, b)).isEqualTo(expected);
      }
    }
  }

  /**
   * Index keys of the shapes the server makes: ids, a chat's message keys, strings of any length,
   * and compound keys with a number and a string or null; and strings the bytes must order: beyond
   * ASCII (two bytes a character, or a NUL).
   */
  private static List<KeyValue> mixedKeys(Random random, int count) {
    List<KeyValue> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(
          switch (i % 9) {
            case 0 -> new KeyValue(new ObjectId());
            case 1 -> new KeyValue("chat-" + random.nextInt(50), (long) random.nextInt(1000));
            case 2 -> new KeyValue("x".repeat(random.nextInt(40)));
            case 3 -> new KeyValue("chat-" + random.nextInt(5) + ":" + random.nextInt(100_000));
            case 4 -> new KeyValue(new UUID(random.nextLong(), random.nextLong()).toString());
            case 5 ->
                new KeyValue(Long.toHexString(random.nextLong()).substring(random.nextInt(8)));
            case 6 ->
                new KeyValue(
                    switch (random.nextInt(3)) {
                      case 0 -> "é" + random.nextInt(100);
                      case 1 -> "a\0" + random.nextInt(10);
                      default -> "\u00ff" + "z".repeat(random.nextInt(3));
                    });
            case 7 -> new KeyValue(random.nextInt(100));
            default -> new KeyValue(random.nextLong(), random.nextInt(3) == 0 ? null : "v" + i);
          });
    }
    return keys;
  }
}
