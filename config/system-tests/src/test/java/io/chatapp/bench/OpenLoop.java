package io.chatapp.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Offers a rate on a schedule fixed in advance: send i of a round goes at {@code start + i/rate},
 * to route {@code i mod routes} (a sender of its own), whatever became of the sends before it (an
 * open loop, so a slow stack sees the load a crowd of users would give it, not one that politely
 * waits). A send the generator itself starts more than {@link #LATE} after its time counts as a
 * late start; one it does not start because {@link #MAX_IN_FLIGHT} POSTs already await an answer
 * counts as skipped.
 */
final class OpenLoop {

  static final long LATE = TimeUnit.MILLISECONDS.toNanos(5);

  /** Bounds the connections and memory a stack that stopped answering can cost the client. */
  static final int MAX_IN_FLIGHT = 2000;

  private final List<Route> routes;
  private final Poster poster;
  private final MessageTag tag;

  OpenLoop(List<Route> routes, Poster poster, MessageTag tag) {
    this.routes = routes;
    this.poster = poster;
    this.tag = tag;
  }

  /**
   * Sends {@code rate * seconds} messages of the round, the first at {@code start} (a {@link
   * System#nanoTime()}); returns at the end of the window, {@code seconds} after the start (or once
   * the last send has started, if that is later).
   */
  void run(int round, int rate, int seconds, Ledger ledger, long start) {
    int total = rate * seconds;
    double interval = 1e9 / rate;
    for (int seq = 0; seq < total; seq++) {
      long due = start + (long) (seq * interval);
      long now = sleepUntil(due);
      if (now - due > LATE) {
        ledger.lateStart(now - due);
      }
      if (ledger.inFlight() >= MAX_IN_FLIGHT) {
        ledger.skipped(seq);
        continue;
      }
      poster.post(routes.get(seq % routes.size()), tag.text(round, seq), ledger, seq);
    }
    sleepUntil(start + (long) (total * interval));
  }

  private static long sleepUntil(long due) {
    long now;
    while ((now = System.nanoTime()) < due) {
      LockSupport.parkNanos(due - now);
    }
    return now;
  }
}
