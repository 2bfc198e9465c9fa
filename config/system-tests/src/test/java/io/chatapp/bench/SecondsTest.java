package io.chatapp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A round second by second: by the second each 201 was sent in, refused sends left out. */
class SecondsTest {

  private static final long MS = 1_000_000;
  private static final long START = 5_000 * MS;

  @Test
  void eachSecondHasItsOwnPercentilesAndTheSlowOnesAreCounted() {
    Ledger ledger = new Ledger(5);
    send(ledger, 0, 100, 201, 20); // second 0: 20 ms
    send(ledger, 1, 900, 201, 30); // second 0: 30 ms
    send(ledger, 2, 1_100, 201, 250); // second 1: 250 ms
    send(ledger, 3, 1_200, 503, 0); // refused: not a delivery
    send(ledger, 4, 2_500, 201, -1); // second 2: never delivered

    Seconds seconds = Seconds.of(ledger, START, Long.MAX_VALUE);

    assertThat(seconds.all()).extracting(Seconds.Second::deliveries).containsExactly(2, 1, 0);
    assertThat(seconds.all().get(0).p50()).isEqualTo(20);
    assertThat(seconds.all().get(0).max()).isEqualTo(30);
    assertThat(seconds.all().get(1).p99()).isEqualTo(250);
    assertThat(seconds.overTarget()).isEqualTo(1);
    assertThat(seconds.line()).startsWith("1 of 3 seconds over 100 ms at p99; worst: 1 s p50 250");
    List<String> processes = List.of("chat-war", "mongo");
    List<Map<String, Double>> cpu =
        List.of(Map.of("chat-war", 55.4, "mongo", 40.0), Map.of("chat-war", 98.6));
    assertThat(Seconds.csvHeader(processes)).endsWith(",max_ms,cpu% chat-war,cpu% mongo\n");
    assertThat(seconds.csv(2, 1000, Instant.parse("2026-12-05T12:00:00.400Z"), cpu, processes))
        .startsWith("2,1000,0,2026-12-05T12:00:00Z,2,20.0,30.0,30.0,55,40\n")
        .contains("2,1000,1,2026-12-05T12:00:01Z,1,250.0,250.0,250.0,99,\n")
        .endsWith("2,1000,2,2026-12-05T12:00:02Z,0,NaN,NaN,NaN,,\n");
  }

  @Test
  void aDeliveryAfterTheCutoffIsNotCounted() {
    Ledger ledger = new Ledger(1);
    send(ledger, 0, 0, 201, 500);
    assertThat(Seconds.of(ledger, START, START + 100 * MS).all().get(0).deliveries()).isZero();
  }

  private static void send(Ledger ledger, int seq, long atMs, int status, long latencyMs) {
    long at = START + atMs * MS;
    ledger.started(seq, 0, at);
    ledger.answered(seq, status, at + MS, null);
    if (latencyMs >= 0 && status == 201) {
      ledger.delivered(seq, 0, at + latencyMs * MS);
    }
  }
}
