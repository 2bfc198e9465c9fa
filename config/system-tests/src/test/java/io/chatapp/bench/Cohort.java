package io.chatapp.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * All the benchmark's pairs, made ready as real clients would be, several at a time with a line of
 * progress now and then: every member logged in, every chat started, every socket open and viewing
 * its chat. Kept so between rounds: sessions renewed before they expire, closed sockets reopened.
 */
final class Cohort implements AutoCloseable {

  private static final int PARALLEL = 8;

  private final List<Pair> pairs;
  private final Consumer<String> recipientFrames;
  private final Set<Member> closed = ConcurrentHashMap.newKeySet();
  private final Map<Integer, AtomicInteger> closeCodes = new ConcurrentHashMap<>();

  private Cohort(List<Pair> pairs, Consumer<String> recipientFrames) {
    this.pairs = pairs;
    this.recipientFrames = recipientFrames;
  }

  /**
   * {@code count} pairs; pair i's sender on instance i, its recipient on instance i + 1 (so on
   * another one whenever there are two), round the list.
   */
  static Cohort enrol(int count, List<String> chatUrls, Consumer<String> recipientFrames)
      throws Exception {
    List<Member> members =
        each(
            "logged in",
            range(2 * count),
            i ->
                Member.logIn(
                    i % 2 == 0 ? "bench-sender" : "bench-recipient",
                    chatUrls.get((i / 2 + i % 2) % chatUrls.size())));
    List<Pair> pairs =
        each(
            "chats started",
            range(count),
            i -> Pair.start(members.get(2 * i), members.get(2 * i + 1)));
    Cohort cohort = new Cohort(pairs, recipientFrames);
    cohort.connect(members(pairs));
    return cohort;
  }

  List<Pair> pairs() {
    return pairs;
  }

  /** How many sockets the server closed since the cohort was made, by close code. */
  Map<Integer, Integer> closeCodes() {
    Map<Integer, Integer> codes = new ConcurrentHashMap<>();
    closeCodes.forEach((code, count) -> codes.put(code, count.get()));
    return codes;
  }

  /**
   * Makes sure the next {@code needed} can run: renews every session whose access token would
   * expire in that time (and reopens its socket with the new token), reopens closed sockets.
   */
  void keepUp(Duration needed) throws Exception {
    Instant deadline = Instant.now().plus(needed);
    List<Member> expiring =
        members(pairs).stream().filter(m -> m.tokenExpiry().isBefore(deadline)).toList();
    if (!expiring.isEmpty()) {
      each(
          "sessions renewed",
          expiring,
          member -> {
            member.refresh();
            return member;
          });
    }
    List<Member> reopen = new ArrayList<>(expiring);
    closed.stream().filter(m -> !reopen.contains(m)).forEach(reopen::add);
    closed.clear();
    if (!reopen.isEmpty()) {
      connect(reopen);
    }
  }

  private void connect(List<Member> members) throws Exception {
    each(
        "sockets open",
        members,
        member -> {
          Pair pair = pairOf(member);
          member.connect(
              pair.chatId(),
              pair.recipient() == member ? recipientFrames : text -> {},
              code -> {
                closed.add(member);
                closeCodes.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
              });
          return member;
        });
  }

  private Pair pairOf(Member member) {
    return pairs.stream()
        .filter(p -> p.sender() == member || p.recipient() == member)
        .findFirst()
        .orElseThrow();
  }

  @Override
  public void close() {
    members(pairs).forEach(Member::disconnect);
  }

  private static List<Member> members(List<Pair> pairs) {
    List<Member> members = new ArrayList<>();
    pairs.forEach(
        pair -> {
          members.add(pair.sender());
          members.add(pair.recipient());
        });
    return members;
  }

  static List<Integer> range(int count) {
    List<Integer> range = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      range.add(i);
    }
    return range;
  }

  /** What {@link #each} does with one item. */
  interface Work<T, R> {
    R apply(T item) throws Exception;
  }

  /**
   * Runs the work on every item, {@link #PARALLEL} at a time, with about ten lines of progress; the
   * results in the items' order.
   */
  static <T, R> List<R> each(String done, List<T> items, Work<T, R> work) throws Exception {
    return each(done, items, work, PARALLEL);
  }

  /** {@link #each}, {@code parallel} at a time. */
  static <T, R> List<R> each(String done, List<T> items, Work<T, R> work, int parallel)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    long started = System.nanoTime();
    AtomicInteger finished = new AtomicInteger();
    int step = Math.max(1, items.size() / 10);
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(
            pool.submit(
                () -> {
                  R result = work.apply(item);
                  int n = finished.incrementAndGet();
                  if (n % step == 0 || n == items.size()) {
                    System.out.printf(
                        "    %s: %d of %d (%.1f s)%n",
                        done, n, items.size(), (System.nanoTime() - started) / 1e9);
                  }
                  return result;
                }));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
