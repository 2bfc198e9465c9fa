package io.chatapp.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets the stack catch up between rounds, so that one round's backlog (queued deliveries, a
 * reconnecting consumer) is not measured as the next round's latency: waits until every chat-war
 * instance answers ready and a probe message from each instance arrives promptly.
 */
final class Drain {

  /** A probe that takes longer than this says a backlog is still in the way. */
  static final Duration PROMPT = Duration.ofMillis(250);

  /** How long the stack may take to catch up before the run goes on regardless. */
  static final Duration LIMIT = Duration.ofSeconds(120);

  private static final long PROBE_WAIT_NANOS = Duration.ofSeconds(5).toNanos();

  private final List<String> chatUrls;
  private final List<Route> probes;
  private final Poster poster;
  private final MessageTag tag;
  private final int round;
  private final Ledger ledger;
  private int next;

  /** How the wait ended: whether it caught up, after how long, the last probe's latency. */
  record Outcome(boolean drained, double seconds, double probeMs) {}

  /**
   * Probes with the first route of each sender instance, as round {@code round} of the tag, into
   * chats of {@code slots} members (see {@link Ledger}): a probe arrives when every recipient has
   * it.
   */
  Drain(
      List<String> chatUrls,
      List<Route> routes,
      int slots,
      Poster poster,
      MessageTag tag,
      int round) {
    this.chatUrls = chatUrls;
    Map<String, Route> bySenderInstance = new LinkedHashMap<>();
    routes.forEach(route -> bySenderInstance.putIfAbsent(route.sender().chatUrl(), route));
    this.probes = new ArrayList<>(bySenderInstance.values());
    this.poster = poster;
    this.tag = tag;
    this.round = round;
    this.ledger = new Ledger(10_000, slots);
  }

  Ledger ledger() {
    return ledger;
  }

  Outcome await() throws InterruptedException {
    long started = System.nanoTime();
    long deadline = started + LIMIT.toNanos();
    double probeMs = Double.NaN;
    for (String url : chatUrls) {
      while (!StackCheck.ready(url)) {
        if (System.nanoTime() > deadline) {
          return new Outcome(false, seconds(started), probeMs);
        }
        Thread.sleep(500);
      }
    }
    while (System.nanoTime() < deadline && next + probes.size() <= ledger.capacity()) {
      boolean prompt = true;
      for (Route route : probes) {
        probeMs = probe(route);
        prompt &= probeMs <= PROMPT.toMillis();
      }
      if (prompt) {
        return new Outcome(true, seconds(started), probeMs);
      }
      Thread.sleep(500);
    }
    return new Outcome(false, seconds(started), probeMs);
  }

  /** One probe's latency in ms; infinite when it was refused or did not arrive in 5 s. */
  private double probe(Route route) throws InterruptedException {
    int seq = next++;
    poster.post(route, tag.text(round, seq), ledger, seq);
    long sent = ledger.startedAt(seq);
    while (System.nanoTime() - sent < PROBE_WAIT_NANOS
        && (ledger.status(seq) == 0 || ledger.status(seq) == 201 && !ledger.wasDelivered(seq))) {
      Thread.sleep(5);
    }
    if (ledger.status(seq) != 201 || !ledger.wasDelivered(seq)) {
      return Double.POSITIVE_INFINITY;
    }
    return (ledger.deliveredAt(seq) - sent) / 1e6;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
