package io.chatapp.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PairKeyTest {

  private static final String ANN = "6650a1b2c3d4e5f601234567";
  private static final String BOB = "6650a1b2c3d4e5f6012345ff";

  @Test
  void theSameWhoeverStartedTheChat() {
    assertThat(PairKey.of(ANN, BOB)).isEqualTo(PairKey.of(BOB, ANN)).isEqualTo(ANN + ":" + BOB);
  }

  @Test
  void differsPerPair() {
    assertThat(PairKey.of(ANN, BOB)).isNotEqualTo(PairKey.of(ANN, "6650a1b2c3d4e5f601234568"));
  }
}
