package io.chatapp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a round's ledger counts deliveries to a group: per recipient, the sender's copy aside. */
class LedgerTest {

  private static final long MS = 1_000_000;

  @Test
  void aGroupMessageIsDeliveredOnceEveryMemberButTheSenderHasIt() {
    Ledger ledger = new Ledger(2, 3);
    ledger.started(0, 1, 10 * MS);
    ledger.answered(0, 201, 12 * MS, null);

    ledger.delivered(0, 1, 13 * MS); // the sender's own copy
    ledger.delivered(0, 0, 14 * MS);
    assertThat(ledger.wasDelivered(0)).isFalse();
    assertThat(ledger.settled()).isFalse();

    ledger.delivered(0, 2, 20 * MS);
    ledger.delivered(0, 2, 21 * MS);
    assertThat(ledger.wasDelivered(0)).isTrue();
    assertThat(ledger.deliveredAt(0)).isEqualTo(20 * MS);
    assertThat(ledger.delivered()).isEqualTo(2);
    assertThat(ledger.duplicates()).isEqualTo(1);
    assertThat(ledger.settled()).isTrue();
  }

  @Test
  void figuresCountMessageAndRecipientPairs() {
    Ledger ledger = new Ledger(2, 3);
    ledger.started(0, 0, 0);
    ledger.answered(0, 201, 1 * MS, null);
    ledger.delivered(0, 1, 5 * MS);
    ledger.delivered(0, 2, 9 * MS);
    ledger.started(1, 2, 10 * MS);
    ledger.answered(1, 201, 11 * MS, null);
    ledger.delivered(1, 0, 30 * MS); // member 1 never gets it

    RateResult result =
        RateResult.of(
            new RateResult.Window(2, 1, 0, 1000 * MS, 2000 * MS), ledger, Map.of(), Map.of());

    assertThat(result.delivery().delivered()).isEqualTo(3);
    assertThat(result.delivery().lost()).isEqualTo(1);
    assertThat(result.delivery().maxMs()).isEqualTo(20.0);
    assertThat(result.delivery().p50Ms()).isEqualTo(9.0);
    assertThat(result.holds()).isFalse();
  }

  @Test
  void aOneToOneLedgerCountsItsOnlyRecipient() {
    Ledger ledger = new Ledger(1);
    ledger.started(0, 0, 0);
    ledger.answered(0, 201, 1 * MS, null);
    ledger.delivered(0, 0, 7 * MS);

    assertThat(ledger.wasDelivered(0)).isTrue();
    assertThat(ledger.settled()).isTrue();
    assertThat(ledger.recipients()).isEqualTo(1);
  }
}
