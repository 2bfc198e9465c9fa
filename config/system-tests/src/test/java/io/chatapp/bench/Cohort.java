package io.chatapp.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * All the benchmark's chats, made ready as real clients would be, several at a time with a line of
 * progress now and then: every member logged in, every chat started (1:1 pairs, or groups made
 * through the API), every socket open and viewing its chat. Kept so between rounds: sessions
 * renewed before they expire, closed sockets reopened.
 */
final class Cohort implements AutoCloseable {

  private static final int PARALLEL = 8;

  /** A member's chat on screen and where its socket's frames go. */
  private record Seat(String chatId, Consumer<String> frames) {}

  private final List<Route> routes;
  private final int slots;
  private final Map<Member, Seat> seats;
  private final Set<Member> closed = ConcurrentHashMap.newKeySet();
  private final Map<Integer, AtomicInteger> closeCodes = new ConcurrentHashMap<>();

  private Cohort(List<Route> routes, int slots, Map<Member, Seat> seats) {
    this.routes = List.copyOf(routes);
    this.slots = slots;
    this.seats = seats;
  }

  /**
   * {@code count} pairs; pair i's sender on instance i, its recipient on instance i + 1 (so on
   * another one whenever there are two), round the list. Only the recipients' frames go to {@code
   * inbox}.
   */
  static Cohort enrol(int count, List<String> chatUrls, Inbox inbox) throws Exception {
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
    Map<Member, Seat> seats = new LinkedHashMap<>();
    pairs.forEach(
        pair -> {
          seats.put(pair.sender(), new Seat(pair.chatId(), text -> {}));
          seats.put(pair.recipient(), new Seat(pair.chatId(), inbox.at(0)));
        });
    Cohort cohort = new Cohort(pairs.stream().map(Pair::route).toList(), 1, seats);
    cohort.connect(List.copyOf(seats.keySet()));
    return cohort;
  }

  /**
   * {@code count} groups of {@code size} members, made through the API; member i of every group on
   * instance i, round the list. Every member sends, and every member's frames go to {@code inbox},
   * in its slot (its index in its group).
   */
  static Cohort enrolGroups(int count, int size, List<String> chatUrls, Inbox inbox)
      throws Exception {
    List<Member> members =
        each(
            "logged in",
            range(count * size),
            i -> Member.logIn("bench-group", chatUrls.get(i % size % chatUrls.size())));
    List<Group> groups =
        each(
            "groups made",
            range(count),
            g -> Group.start("Bench " + (g + 1), members.subList(g * size, (g + 1) * size)));
    List<Route> routes = new ArrayList<>();
    Map<Member, Seat> seats = new LinkedHashMap<>();
    for (int slot = 0; slot < size; slot++) {
      for (Group group : groups) {
        routes.add(group.routes().get(slot));
        seats.put(group.members().get(slot), new Seat(group.chatId(), inbox.at(slot)));
      }
    }
    Cohort cohort = new Cohort(routes, size, seats);
    cohort.connect(List.copyOf(seats.keySet()));
    return cohort;
  }

  /** Where the load is sent: one route per sender. */
  List<Route> routes() {
    return routes;
  }

  /** Members per chat as the ledger counts them: 1 for 1:1 pairs (the recipient), else the size. */
  int slots() {
    return slots;
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
        seats.keySet().stream().filter(m -> m.tokenExpiry().isBefore(deadline)).toList();
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
          Seat seat = seats.get(member);
          member.connect(
              seat.chatId(),
              seat.frames(),
              code -> {
                closed.add(member);
                closeCodes.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
              });
          return member;
        });
  }

  @Override
  public void close() {
    seats.keySet().forEach(Member::disconnect);
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
