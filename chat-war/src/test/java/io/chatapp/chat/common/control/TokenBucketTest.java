package io.chatapp.chat.common.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aBurstIsTakenThenTokensComeBackAtTheRate() {
    TokenBucket bucket = new TokenBucket(10, 3, 0);
    assertThat(bucket.tryTake(0)).isTrue();
    assertThat(bucket.tryTake(0)).isTrue();
    assertThat(bucket.tryTake(0)).isTrue();
    assertThat(bucket.tryTake(0)).as("the burst is spent").isFalse();
    assertThat(bucket.nanosUntilToken(0)).isEqualTo(SECOND / 10);
    assertThat(bucket.tryTake(SECOND / 10)).as("one token a tenth of a second").isTrue();
    assertThat(bucket.tryTake(SECOND / 10)).isFalse();
    assertThat(bucket.isFull(10 * SECOND)).as("never more than the burst").isTrue();
    assertThat(bucket.tryTake(10 * SECOND)).isTrue();
    assertThat(bucket.tryTake(10 * SECOND)).isTrue();
    assertThat(bucket.tryTake(10 * SECOND)).isTrue();
    assertThat(bucket.tryTake(10 * SECOND)).isFalse();
  }
}
