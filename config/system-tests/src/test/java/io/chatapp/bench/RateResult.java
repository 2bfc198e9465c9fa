package io.chatapp.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The figures of one round, read off its ledger: what was offered and sent, how the POSTs were
 * answered and how fast, how many 201s reached the recipients' sockets, how fast, late, lost or
 * twice, and the CPU each process used meanwhile. Delivery figures count (message, recipient)
 * pairs: one a message in a 1:1 chat, one for every member but the sender in a group. A round holds
 * when its delivery p99 is under 100 ms and nothing was lost, duplicated or failed (a 429 or 503 is
 * a failure too).
 */
record RateResult(
    int offered,
    int seconds,
    Sends sends,
    Answers answers,
    Delivery delivery,
    Map<Integer, Integer> socketCloses,
    Map<String, Double> cpuPercent) {

  static final double HOLDS_P99_MS = 100;
  static final long LATE_NANOS = TimeUnit.SECONDS.toNanos(10);

  /** What the generator did: sends started, at what rate, how many late or skipped. */
  record Sends(long sent, double perSecond, long lateStarts, double maxLateMs, long skipped) {}

  /** How the POSTs were answered; {@code firstBodies} says why, for each kind of failure. */
  record Answers(
      long created,
      long tooMany,
      long unavailable,
      Map<Integer, Long> other,
      long timeouts,
      long clientErrors,
      double p50Ms,
      double p99Ms,
      Map<Integer, String> firstBodies) {

    long otherCount() {
      return other.values().stream().mapToLong(Long::longValue).sum();
    }

    long failed() {
      return tooMany + unavailable + otherCount() + timeouts + clientErrors;
    }
  }

  /**
   * What reached the recipients: 201s delivered by the cut-off (the end of the wait after the
   * round), in the round's own window, after 10 s, never by the cut-off (lost, of which some came
   * later still), twice or more, and messages delivered although their POST was not a 201.
   */
  record Delivery(
      long delivered,
      long inWindow,
      double perSecond,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      double maxMs,
      long laterThan10s,
      long lost,
      long arrivedAfterCutoff,
      long duplicated,
      long withoutCreated) {}

  /**
   * A round as it ran: its rate and length, and as {@link System#nanoTime()} its window (from the
   * first send's time to the last send's start) and the cut-off that ended the wait for its 201s.
   */
  record Window(int rate, int seconds, long start, long end, long cutoff) {}

  static RateResult of(
      Window window,
      Ledger ledger,
      Map<Integer, Integer> socketCloses,
      Map<String, Double> cpuPercent) {
    int capacity = ledger.capacity();
    long[] postNanos = new long[capacity];
    long[] deliveryNanos = new long[capacity * ledger.recipients()];
    int posts = 0;
    int deliveries = 0;
    long skipped = 0;
    long created = 0;
    long tooMany = 0;
    long unavailable = 0;
    long timeouts = 0;
    long clientErrors = 0;
    Map<Integer, Long> other = new TreeMap<>();
    long inWindow = 0;
    long later = 0;
    long lost = 0;
    long afterCutoff = 0;
    long withoutCreated = 0;
    for (int seq = 0; seq < capacity; seq++) {
      int status = ledger.status(seq);
      long started = ledger.startedAt(seq);
      if (status == Ledger.SKIPPED) {
        skipped++;
        continue;
      }
      if (status > 0) {
        postNanos[posts++] = ledger.answeredAt(seq) - started;
      }
      switch (status) {
        case 201 -> created++;
        case 429 -> tooMany++;
        case 503 -> unavailable++;
        case Ledger.CLIENT_ERROR -> clientErrors++;
        case Ledger.TIMEOUT, 0 -> timeouts++;
        default -> other.merge(status, 1L, Long::sum);
      }
      for (int slot = 0; slot < ledger.slots(); slot++) {
        if (ledger.isSender(seq, slot)) {
          continue;
        }
        long at = ledger.deliveredAt(seq, slot);
        boolean arrived = at != 0;
        if (status != 201) {
          withoutCreated += arrived ? 1 : 0;
        } else if (arrived && at <= window.cutoff()) {
          long latency = at - started;
          deliveryNanos[deliveries++] = latency;
          later += latency > LATE_NANOS ? 1 : 0;
          inWindow += at <= window.end() ? 1 : 0;
        } else {
          lost++;
          afterCutoff += arrived ? 1 : 0;
        }
      }
    }
    double elapsed = Math.max(1, window.end() - window.start()) / 1e9;
    Percentiles post = new Percentiles(postNanos, posts);
    Percentiles delivery = new Percentiles(deliveryNanos, deliveries);
    return new RateResult(
        window.rate(),
        window.seconds(),
        new Sends(
            ledger.sent(),
            ledger.sent() / elapsed,
            ledger.lateStarts(),
            ledger.maxLateNanos() / 1e6,
            skipped),
        new Answers(
            created,
            tooMany,
            unavailable,
            other,
            timeouts,
            clientErrors,
            post.at(50),
            post.at(99),
            new TreeMap<>(ledger.firstAnswers())),
        new Delivery(
            deliveries,
            inWindow,
            inWindow / elapsed,
            delivery.at(50),
            delivery.at(95),
            delivery.at(99),
            delivery.max(),
            later,
            lost,
            afterCutoff,
            ledger.duplicates(),
            withoutCreated),
        Map.copyOf(socketCloses),
        cpuPercent);
  }

  boolean holds() {
    return delivery.delivered() > 0
        && delivery.p99Ms() < HOLDS_P99_MS
        && delivery.lost() == 0
        && delivery.duplicated() == 0
        && answers.failed() == 0
        && sends.skipped() == 0;
  }

  JsonObject toJson() {
    JsonObjectBuilder other = Json.createObjectBuilder();
    answers.other().forEach((code, count) -> other.add(Integer.toString(code), count));
    JsonObjectBuilder bodies = Json.createObjectBuilder();
    answers.firstBodies().forEach((code, body) -> bodies.add(answerName(code), body));
    JsonObjectBuilder closes = Json.createObjectBuilder();
    socketCloses.forEach((code, count) -> closes.add(Integer.toString(code), count));
    JsonObjectBuilder cpu = Json.createObjectBuilder();
    cpuPercent.forEach((name, percent) -> cpu.add(name, round(percent)));
    return Json.createObjectBuilder()
        .add("offeredPerSecond", offered)
        .add("seconds", seconds)
        .add(
            "sends",
            Json.createObjectBuilder()
                .add("started", sends.sent())
                .add("perSecond", round(sends.perSecond()))
                .add("lateStarts", sends.lateStarts())
                .add("maxLateMs", round(sends.maxLateMs()))
                .add("skippedInFlightCap", sends.skipped()))
        .add(
            "posts",
            Json.createObjectBuilder()
                .add("201", answers.created())
                .add("429", answers.tooMany())
                .add("503", answers.unavailable())
                .add("other", other)
                .add("timeouts", answers.timeouts())
                .add("clientErrors", answers.clientErrors())
                .add("p50Ms", round(answers.p50Ms()))
                .add("p99Ms", round(answers.p99Ms()))
                .add("firstAnswerOfEachFailure", bodies))
        .add(
            "delivery",
            Json.createObjectBuilder()
                .add("delivered", delivery.delivered())
                .add("deliveredInWindow", delivery.inWindow())
                .add("deliveredPerSecond", round(delivery.perSecond()))
                .add("p50Ms", round(delivery.p50Ms()))
                .add("p95Ms", round(delivery.p95Ms()))
                .add("p99Ms", round(delivery.p99Ms()))
                .add("maxMs", round(delivery.maxMs()))
                .add("laterThan10s", delivery.laterThan10s())
                .add("lost", delivery.lost())
                .add("lostButArrivedAfterCutoff", delivery.arrivedAfterCutoff())
                .add("duplicated", delivery.duplicated())
                .add("deliveredWithout201", delivery.withoutCreated()))
        .add("socketClosesByCode", closes)
        .add("cpuPercentOfOneCore", cpu)
        .add("holds", holds())
        .build();
  }

  private static String answerName(int code) {
    return switch (code) {
      case Ledger.TIMEOUT -> "timeout";
      case Ledger.CLIENT_ERROR -> "clientError";
      default -> Integer.toString(code);
    };
  }

  /** Two decimals; NaN (an empty sample) as -1, which JSON cannot hold otherwise. */
  static double round(double value) {
    return Double.isNaN(value) ? -1 : Math.round(value * 100) / 100.0;
  }
}
