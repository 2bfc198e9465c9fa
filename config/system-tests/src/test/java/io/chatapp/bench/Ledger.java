package io.chatapp.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What happened to every message of one round, by its sequence number: when its POST started and
 * was answered and with what, and when (and how often) it reached the recipient's socket. Written
 * from the generator, the HTTP client's and the sockets' threads at once, without locks; counters
 * for the progress line are kept as it goes, the figures are read off at the end.
 */
final class Ledger {

  /** Status of a POST the client gave up on after its timeout. */
  static final int TIMEOUT = -1;

  /** Status of a POST that failed in the client (connection refused or reset, ...). */
  static final int CLIENT_ERROR = -2;

  /** Status of a send not made because too many POSTs were already waiting for an answer. */
  static final int SKIPPED = -3;

  private static final int CREATED = 1;
  private static final int DELIVERED = 2;

  private final int capacity;
  private final AtomicLongArray startedAt;
  private final AtomicLongArray answeredAt;
  private final AtomicLongArray deliveredAt;
  private final AtomicIntegerArray status;
  private final AtomicIntegerArray flags;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong created = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong createdAndDelivered = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong lateStarts = new AtomicLong();
  private final AtomicLong maxLateNanos = new AtomicLong();
  private final Map<Integer, String> firstAnswers = new ConcurrentHashMap<>();

  Ledger(int capacity) {
    this.capacity = capacity;
    startedAt = new AtomicLongArray(capacity);
    answeredAt = new AtomicLongArray(capacity);
    deliveredAt = new AtomicLongArray(capacity);
    status = new AtomicIntegerArray(capacity);
    flags = new AtomicIntegerArray(capacity);
  }

  int capacity() {
    return capacity;
  }

  void started(int seq, long nanos) {
    startedAt.set(seq, nanos);
    sent.incrementAndGet();
  }

  /** A send that the generator started {@code lateNanos} after its planned time. */
  void lateStart(long lateNanos) {
    lateStarts.incrementAndGet();
    maxLateNanos.accumulateAndGet(lateNanos, Math::max);
  }

  void skipped(int seq) {
    status.set(seq, SKIPPED);
  }

  /** The HTTP answer to a POST; the body is kept only for the first answer of each non-201. */
  void answered(int seq, int code, long nanos, String body) {
    answeredAt.set(seq, nanos);
    status.set(seq, code);
    answered.incrementAndGet();
    if (code == 201) {
      created.incrementAndGet();
      mark(seq, CREATED);
    } else {
      firstAnswers.putIfAbsent(code, body == null ? "" : body);
    }
  }

  /** A POST without an HTTP answer: {@link #TIMEOUT} or {@link #CLIENT_ERROR}. */
  void failed(int seq, int kind, String why) {
    status.set(seq, kind);
    answered.incrementAndGet();
    firstAnswers.putIfAbsent(kind, why);
  }

  /** The message reached its recipient's socket (again, if it had already). */
  void delivered(int seq, long nanos) {
    if (seq < 0 || seq >= capacity) {
      return;
    }
    // 0 stands for "not delivered": a clock reading of exactly 0 is taken as 1
    if (deliveredAt.compareAndSet(seq, 0, nanos == 0 ? 1 : nanos)) {
      delivered.incrementAndGet();
      mark(seq, DELIVERED);
    } else {
      duplicates.incrementAndGet();
    }
  }

  /** Counts a message once both its 201 and its delivery are in, whichever came first. */
  private void mark(int seq, int flag) {
    int before = flags.getAndAccumulate(seq, flag, (a, b) -> a | b);
    if ((before & flag) == 0 && (before | flag) == (CREATED | DELIVERED)) {
      createdAndDelivered.incrementAndGet();
    }
  }

  /** Every POST answered and every 201 delivered. */
  boolean settled() {
    return inFlight() == 0 && createdAndDelivered.get() == created.get();
  }

  long sent() {
    return sent.get();
  }

  long created() {
    return created.get();
  }

  long delivered() {
    return delivered.get();
  }

  long inFlight() {
    return sent.get() - answered.get();
  }

  long duplicates() {
    return duplicates.get();
  }

  long lateStarts() {
    return lateStarts.get();
  }

  long maxLateNanos() {
    return maxLateNanos.get();
  }

  Map<Integer, String> firstAnswers() {
    return Map.copyOf(firstAnswers);
  }

  int status(int seq) {
    return status.get(seq);
  }

  long startedAt(int seq) {
    return startedAt.get(seq);
  }

  long answeredAt(int seq) {
    return answeredAt.get(seq);
  }

  boolean wasDelivered(int seq) {
    return deliveredAt.get(seq) != 0;
  }

  long deliveredAt(int seq) {
    return deliveredAt.get(seq);
  }
}
