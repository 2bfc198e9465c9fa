package io.chatapp.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * Index keys read from and written as serialized bytes exactly as the JDK reads and writes them.
 */
class SerializedKeysTest {

  @Test
  void readsAndWritesOneValueKeysAsTheJdkDoes() {
    Random random = new Random(42);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      values.add(random.nextLong());
      values.add(random.nextInt());
      values.add(random.nextDouble() * 1e6 - 5e5);
      values.add(Long.toHexString(random.nextLong()) + ":" + i);
      values.add(new ObjectId());
    }
    values.addAll(List.of(true, false, "", "c1:5", "a".repeat(5_000), Long.MIN_VALUE, -0.0));
    for (Object value : values) {
      byte[] bytes = ObjectDataType.serialize(new KeyValue(value));

      KeyValue read = SerializedKeys.read(bytes);

      assertThat(read).as("%s", value).isEqualTo(ObjectDataType.deserialize(bytes));
      assertThat(read.get(0)).isExactlyInstanceOf(value.getClass());
      assertThat(ObjectDataType.serialize(read)).isEqualTo(bytes);
      assertThat(SerializedKeys.write(new KeyValue(value))).as("%s", value).isEqualTo(bytes);
    }
  }

  @Test
  void leavesOtherKeysToTheJdk() {
    List<KeyValue> others =
        List.of(
            new KeyValue("a", 1L),
            new KeyValue(1L, 1L),
            new KeyValue("é"),
            new KeyValue("nul\0"),
            new KeyValue("x".repeat(70_000)),
            new KeyValue((Object) null),
            new KeyValue(new Date(0)),
            new KeyValue((Object) List.of("a")));
    for (KeyValue key : others) {
      assertThat(SerializedKeys.read(ObjectDataType.serialize(key))).as("%s", key).isNull();
      assertThat(SerializedKeys.write(key)).as("%s", key).isNull();
    }
  }

  @Test
  void refusesBytesCutShortOrRunningOn() {
    byte[] bytes = ObjectDataType.serialize(new KeyValue(7L));
    for (int length = 0; length < bytes.length; length++) {
      assertThat(SerializedKeys.read(Arrays.copyOf(bytes, length))).isNull();
    }
    assertThat(SerializedKeys.read(Arrays.copyOf(bytes, bytes.length + 1))).isNull();
    byte[] string = ObjectDataType.serialize(new KeyValue("abc"));
    assertThat(SerializedKeys.read(Arrays.copyOf(string, string.length - 2))).isNull();
  }
}
