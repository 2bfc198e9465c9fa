package io.chatapp.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The cache of serialized index keys: bounded, and what is used stays. */
class TwoGenerationCacheTest {

  final AtomicInteger computed = new AtomicInteger();
  final Function<Integer, String> compute =
      key -> {
        computed.incrementAndGet();
        return "v" + key;
      };
  final TwoGenerationCache<Integer, String> cache = new TwoGenerationCache<>(100);

  @Test
  void computesAValueOnceWhileItIsHeld() {
    assertThat(cache.get(1, compute)).isEqualTo("v1");
    assertThat(cache.get(1, compute)).isEqualTo("v1");

    assertThat(computed).hasValue(1);
  }

  @Test
  void keepsWhatIsUsedWhileManyOthersComeAndGo() {
    for (int key = 0; key < 10_000; key++) {
      cache.get(-1, compute); // used all along
      cache.get(key, compute);
    }

    assertThat(computed).hasValue(10_001);
    assertThat(cache.size()).isLessThanOrEqualTo(200);
  }

  @Test
  void forgetsWhatWasNotUsedForTwoGenerations() {
    cache.get(-1, compute);
    for (int key = 0; key < 250; key++) {
      cache.get(key, compute);
    }

    cache.get(-1, compute);

    assertThat(computed).hasValue(252);
  }
}
