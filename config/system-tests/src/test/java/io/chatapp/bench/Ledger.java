package io.chatapp.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What happened to every message of one round, by its sequence number: when its POST started and
 * was answered and with what, and when (and how often) it reached each recipient's socket. A chat
 * has {@code slots} members as the ledger counts them: 1 in a 1:1 chat (its recipient; the sender's
 * socket hands nothing on), the group's size in a group, where every member but the sender is a
 * recipient and the sender's own copy is not counted. Written from the generator, the HTTP client's
 * and the sockets' threads at once, without locks; counters for the progress line are kept as it
 * goes, the figures are read off at the end.
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
  private final int slots;
  private final int recipients;
  private final AtomicLongArray startedAt;
  private final AtomicLongArray answeredAt;
  private final AtomicIntegerArray sender;
  private final AtomicLongArray deliveredAt;
  private final AtomicIntegerArray deliveredTo;
  private final AtomicLongArray completedAt;
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

  /** A ledger of a 1:1 round: one recipient a message. */
  Ledger(int capacity) {
    this(capacity, 1);
  }

  /** A ledger of {@code capacity} messages to chats of {@code slots} members (1 for 1:1). */
  Ledger(int capacity, int slots) {
    if ((long) capacity * slots > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many deliveries for one ledger");
    }
    this.capacity = capacity;
    this.slots = slots;
    this.recipients = slots == 1 ? 1 : slots - 1;
    startedAt = new AtomicLongArray(capacity);
    answeredAt = new AtomicLongArray(capacity);
    sender = new AtomicIntegerArray(capacity);
    deliveredAt = new AtomicLongArray(capacity * slots);
    deliveredTo = new AtomicIntegerArray(capacity);
    completedAt = new AtomicLongArray(capacity);
    status = new AtomicIntegerArray(capacity);
    flags = new AtomicIntegerArray(capacity);
  }

  int capacity() {
    return capacity;
  }

  int slots() {
    return slots;
  }

  /** Recipients of each message: 1 in a 1:1 chat, every member but the sender in a group. */
  int recipients() {
    return recipients;
  }

  /** Message {@code seq} is sent at {@code nanos} by the member in {@code senderSlot}. */
  void started(int seq, int senderSlot, long nanos) {
    sender.set(seq, senderSlot);
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

  /**
   * The message reached the socket of the member in {@code slot} (again, if it had already); the
   * sender's own copy in a group is not a delivery.
   */
  void delivered(int seq, int slot, long nanos) {
    if (seq < 0 || seq >= capacity || slot < 0 || slot >= slots || isSender(seq, slot)) {
      return;
    }
    // 0 stands for "not delivered": a clock reading of exactly 0 is taken as 1
    long at = nanos == 0 ? 1 : nanos;
    if (deliveredAt.compareAndSet(seq * slots + slot, 0, at)) {
      delivered.incrementAndGet();
      if (deliveredTo.incrementAndGet(seq) == recipients) {
        completedAt.set(seq, at);
        mark(seq, DELIVERED);
      }
    } else {
      duplicates.incrementAndGet();
    }
  }

  /** Whether the member in {@code slot} sent message {@code seq} (never so in a 1:1 ledger). */
  boolean isSender(int seq, int slot) {
    return slots > 1 && sender.get(seq) == slot;
  }

  /** Counts a message once both its 201 and its delivery are in, whichever came first. */
  private void mark(int seq, int flag) {
    int before = flags.getAndAccumulate(seq, flag, (a, b) -> a | b);
    if ((before & flag) == 0 && (before | flag) == (CREATED | DELIVERED)) {
      createdAndDelivered.incrementAndGet();
    }
  }

  /** Every POST answered and every 201 delivered to every recipient. */
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

  /** Whether message {@code seq} reached every recipient. */
  boolean wasDelivered(int seq) {
    return completedAt.get(seq) != 0;
  }

  /** When message {@code seq} reached the last of its recipients; 0 until it has. */
  long deliveredAt(int seq) {
    return completedAt.get(seq);
  }

  /** When message {@code seq} reached the member in {@code slot}; 0 until it has. */
  long deliveredAt(int seq, int slot) {
    return deliveredAt.get(seq * slots + slot);
  }
}
