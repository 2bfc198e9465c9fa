package io.chatapp.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * A round's delivery latency second by second, by the second each message was sent in: whether a
 * round's tail comes from a few bad seconds (a stall: a pause, a flush, a compaction) or from every
 * second alike (queueing for the CPU). Printed as the worst seconds and how many seconds had a p99
 * over the target.
 */
final class Seconds {

  /** A round's p99 target in a second, in ms (the message path's target). */
  static final double TARGET_MS = 100;

  private static final int WORST = 5;

  /** One second of a round: its index from the round's start, deliveries and their p50/p99/max. */
  record Second(int at, int deliveries, double p50, double p99, double max) {}

  private final List<Second> seconds;

  private Seconds(List<Second> seconds) {
    this.seconds = seconds;
  }

  /** The deliveries of the round's 201s, bucketed by the second their POST started. */
  static Seconds of(Ledger ledger, long roundStart, long cutoff) {
    List<LongStream.Builder> latencies = new ArrayList<>();
    for (int seq = 0; seq < ledger.capacity(); seq++) {
      if (ledger.status(seq) != 201) {
        continue;
      }
      long started = ledger.startedAt(seq);
      int second = (int) Math.max(0, (started - roundStart) / 1_000_000_000L);
      while (latencies.size() <= second) {
        latencies.add(LongStream.builder());
      }
      for (int slot = 0; slot < ledger.slots(); slot++) {
        long at = ledger.deliveredAt(seq, slot);
        if (!ledger.isSender(seq, slot) && at != 0 && at <= cutoff) {
          latencies.get(second).add(at - started);
        }
      }
    }
    List<Second> seconds = new ArrayList<>();
    for (int i = 0; i < latencies.size(); i++) {
      long[] nanos = latencies.get(i).build().toArray();
      Percentiles p = new Percentiles(nanos, nanos.length);
      seconds.add(new Second(i, p.count(), p.at(50), p.at(99), p.max()));
    }
    return new Seconds(seconds);
  }

  List<Second> all() {
    return seconds;
  }

  /** The header of {@link #csv}'s rows, with a column of CPU % for each of these processes. */
  static String csvHeader(Collection<String> processes) {
    return "round,rate,second,wall,deliveries,p50_ms,p99_ms,max_ms"
        + processes.stream().map(name -> ",cpu% " + name).collect(Collectors.joining())
        + "\n";
  }

  /**
   * A CSV row a second, {@code wallStart} the wall-clock time of the round's start, with the CPU of
   * each of the {@code processes} in that second ({@code cpu}, second 0 first; empty cells for a
   * second not sampled).
   */
  String csv(
      int round,
      int rate,
      Instant wallStart,
      List<Map<String, Double>> cpu,
      Collection<String> processes) {
    return seconds.stream()
        .map(
            s ->
                String.format(
                        "%d,%d,%d,%s,%d,%.1f,%.1f,%.1f",
                        round,
                        rate,
                        s.at(),
                        wallStart.plusSeconds(s.at()).truncatedTo(ChronoUnit.SECONDS),
                        s.deliveries(),
                        s.p50(),
                        s.p99(),
                        s.max())
                    + cpuCells(s.at() < cpu.size() ? cpu.get(s.at()) : Map.of(), processes)
                    + "\n")
        .collect(Collectors.joining());
  }

  private static String cpuCells(Map<String, Double> percent, Collection<String> processes) {
    return processes.stream()
        .map(name -> percent.containsKey(name) ? String.format(",%.0f", percent.get(name)) : ",")
        .collect(Collectors.joining());
  }

  /** Seconds whose p99 is over {@link #TARGET_MS}. */
  long overTarget() {
    return seconds.stream().filter(s -> s.deliveries() > 0 && s.p99() > TARGET_MS).count();
  }

  /** "7 of 20 seconds over 100 ms at p99; worst: 12 s p99 640 max 702, ..." */
  String line() {
    String worst =
        seconds.stream()
            .filter(s -> s.deliveries() > 0)
            .sorted(Comparator.comparingDouble(Second::p99).reversed())
            .limit(WORST)
            .map(
                s ->
                    String.format(
                        "%d s p50 %.0f p99 %.0f max %.0f", s.at(), s.p50(), s.p99(), s.max()))
            .collect(Collectors.joining(", "));
    return String.format(
        "%d of %d seconds over %.0f ms at p99; worst: %s",
        overTarget(), seconds.size(), TARGET_MS, worst);
  }
}
