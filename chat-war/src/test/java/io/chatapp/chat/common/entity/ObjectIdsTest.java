package io.chatapp.chat.common.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ObjectIdsTest {

  @Test
  void aDerivedIdIsTheFirstTwelveBytesOfTheSourcesSha256() {
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS
    // 180-2)
    assertThat(ObjectIds.derived("abc")).isEqualTo("ba7816bf8f01cfea414140de");
    assertThat(ObjectIds.derived("")).isEqualTo("e3b0c44298fc1c149afbf4c8");
    assertThat(ObjectIds.derived("\u00e9"))
        .as("hashed as UTF-8")
        .isEqualTo("4a99557e4033c3539de2eb65");
  }

  @Test
  void threadsDerivingAtOnceGetWhatOneThreadGets() throws Exception {
    List<String> sources = IntStream.range(0, 2_000).mapToObj(i -> "chat:" + i).toList();
    List<String> alone = sources.stream().map(ObjectIds::derived).toList();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> runs =
          IntStream.range(0, 8)
              .mapToObj(
                  t -> threads.submit(() -> sources.stream().map(ObjectIds::derived).toList()))
              .toList();
      for (Future<List<String>> run : runs) {
        assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(alone);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void anIdIsTwentyFourHexDigitsInLowerCase() {
    assertThat(ObjectIds.require("ABCDEF0123456789abcdef01", "id"))
        .isEqualTo("abcdef0123456789abcdef01");
    assertThatThrownBy(() -> ObjectIds.require("abcdef0123456789abcdef0g", "chatId"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chatId must be a 24-character hex id");
    assertThatThrownBy(() -> ObjectIds.require(null, "id"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
