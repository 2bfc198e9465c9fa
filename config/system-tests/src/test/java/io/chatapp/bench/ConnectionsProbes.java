package io.chatapp.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongPredicate;

/**
 * Probe messages of the connections benchmark, between pairs of their own (not among the idle
 * sockets): each recipient's socket open and viewing its chat, latency taken from just before
 * {@code POST /api/v1/message} to {@code message:new} at the recipient, as the message-path
 * benchmark takes it. Either a few probes one after another, each once the one before arrived (so
 * they never queue behind each other), or a steady flow at a rate while something else happens.
 */
final class ConnectionsProbes implements AutoCloseable {

  /** How long a probe may take to arrive before it counts as lost. */
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** How long the probes of {@link #oneByOne} may take in all. */
  private static final Duration ONE_BY_ONE_LIMIT = Duration.ofSeconds(60);

  private static final int ROUNDS = 64;

  private final Cohort cohort;
  private final Poster poster = new Poster();
  private final MessageTag tag;
  private final Inbox inbox;
  private int round;

  /** How a set of probes went: sent, answered 201, arrived, and the latency of those that did. */
  record Result(int sent, int created, int delivered, double p50Ms, double maxMs) {

    int lost() {
      return created - delivered;
    }
  }

  private ConnectionsProbes(Cohort cohort, MessageTag tag, Inbox inbox) {
    this.cohort = cohort;
    this.tag = tag;
    this.inbox = inbox;
  }

  /** {@code pairs} probe pairs, logged in and connected as the message-path benchmark's are. */
  static ConnectionsProbes enrol(int pairs, List<String> chatUrls) throws Exception {
    MessageTag tag = MessageTag.fresh();
    Inbox inbox = new Inbox(tag, ROUNDS);
    return new ConnectionsProbes(Cohort.enrol(pairs, chatUrls, inbox), tag, inbox);
  }

  /**
   * {@code count} probes one after another, each sent once the one before arrived (or was lost);
   * those not sent within {@link #ONE_BY_ONE_LIMIT} (a stack that loses them all) are left out.
   */
  Result oneByOne(int count) throws Exception {
    cohort.keepUp(Duration.ofMinutes(3));
    int r = nextRound();
    Ledger ledger = new Ledger(count);
    inbox.open(r, ledger);
    List<Route> routes = cohort.routes();
    long limit = System.nanoTime() + ONE_BY_ONE_LIMIT.toNanos();
    for (int seq = 0; seq < count && System.nanoTime() < limit; seq++) {
      poster.post(routes.get(seq % routes.size()), tag.text(r, seq), ledger, seq);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!ledger.wasDelivered(seq) && System.nanoTime() < deadline && !refused(ledger, seq)) {
        Thread.sleep(2);
      }
      Thread.sleep(50);
    }
    System.out.println("    probes one by one, ms in the order sent: " + latencies(ledger, count));
    return result(ledger, count, at -> at != 0);
  }

  /** Each probe's latency in milliseconds, "lost" or its status when it did not arrive. */
  private static String latencies(Ledger ledger, int count) {
    StringJoiner each = new StringJoiner(" ");
    for (int seq = 0; seq < count; seq++) {
      each.add(delivery(ledger, seq));
    }
    return each.toString();
  }

  /** Probe {@code seq}'s latency in milliseconds, "lost" or its status when it did not arrive. */
  private static String delivery(Ledger ledger, int seq) {
    if (ledger.wasDelivered(seq)) {
      return Long.toString((ledger.deliveredAt(seq) - ledger.startedAt(seq)) / 1_000_000);
    }
    return ledger.status(seq) == 201 ? "lost" : "status-" + ledger.status(seq);
  }

  private static boolean refused(Ledger ledger, int seq) {
    int status = ledger.status(seq);
    return status != 0 && status != 201;
  }

  /** Starts probes at {@code rate} a second, for at most {@code maxSeconds}, until stopped. */
  Flow flow(int rate, int maxSeconds) throws Exception {
    cohort.keepUp(Duration.ofSeconds(maxSeconds).plusMinutes(1));
    int r = nextRound();
    Ledger ledger = new Ledger(rate * maxSeconds);
    inbox.open(r, ledger);
    Flow flow = new Flow(r, rate, ledger);
    flow.thread.start();
    return flow;
  }

  private int nextRound() {
    if (round >= ROUNDS) {
      throw new IllegalStateException("more than " + ROUNDS + " sets of probes");
    }
    return round++;
  }

  /** A steady flow of probes on a thread of its own. */
  final class Flow {

    private final int round;
    private final Ledger ledger;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile int sent;

    private Flow(int round, int rate, Ledger ledger) {
      this.round = round;
      this.ledger = ledger;
      this.thread = new Thread(() -> send(rate), "probe-flow");
      thread.setDaemon(true);
    }

    private void send(int rate) {
      List<Route> routes = cohort.routes();
      long start = System.nanoTime();
      long interval = TimeUnit.SECONDS.toNanos(1) / rate;
      for (int seq = 0; !stopped && seq < ledger.capacity(); seq++) {
        long due = start + seq * interval;
        for (long now; (now = System.nanoTime()) < due; ) {
          LockSupport.parkNanos(due - now);
        }
        poster.post(routes.get(seq % routes.size()), tag.text(round, seq), ledger, seq);
        sent = seq + 1;
      }
    }

    /** Stops sending and waits up to 10 s for what was sent to arrive. */
    void stop() throws InterruptedException {
      stopped = true;
      thread.join();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!ledger.settled() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }

    /** The probes sent from {@code from} (inclusive) to {@code to} ({@link System#nanoTime()}). */
    Result between(long from, long to) {
      return result(ledger, sent, at -> at >= from && at < to);
    }

    /**
     * Each of those probes as "sent at s: delivered in ms (answered in ms)", in the order sent, the
     * time from {@code from}: where in a burst the slow ones were, and whether the POST or the
     * delivery after it was slow.
     */
    String timeline(long from, long to) {
      StringJoiner each = new StringJoiner(", ");
      for (int seq = 0; seq < sent; seq++) {
        long at = ledger.startedAt(seq);
        if (at < from || at >= to) {
          continue;
        }
        String answered =
            ledger.answeredAt(seq) == 0
                ? "-"
                : Long.toString((ledger.answeredAt(seq) - at) / 1_000_000);
        each.add(
            String.format("%.1f: %s (%s)", (at - from) / 1e9, delivery(ledger, seq), answered));
      }
      return each.toString();
    }
  }

  private static Result result(Ledger ledger, int count, LongPredicate sentAt) {
    long[] nanos = new long[count];
    int sent = 0;
    int created = 0;
    int delivered = 0;
    for (int seq = 0; seq < count; seq++) {
      if (!sentAt.test(ledger.startedAt(seq))) {
        continue;
      }
      sent++;
      if (ledger.status(seq) == 201) {
        created++;
      }
      if (ledger.wasDelivered(seq)) {
        nanos[delivered++] = ledger.deliveredAt(seq) - ledger.startedAt(seq);
      }
    }
    Percentiles latency = new Percentiles(Arrays.copyOf(nanos, delivered), delivered);
    return new Result(sent, created, delivered, latency.at(50), latency.max());
  }

  @Override
  public void close() {
    cohort.close();
  }
}
