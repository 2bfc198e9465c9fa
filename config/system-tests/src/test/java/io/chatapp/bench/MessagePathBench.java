package io.chatapp.bench;

import io.chatapp.system.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * How many messages a second the running stack carries from {@code POST /api/v1/message} to the
 * recipient's socket, and how fast: N pairs of real clients (OTP login through the mailbox, one
 * socket each, both viewing their 1:1 chat) and an open-loop load at each rate in turn, the latency
 * taken from just before the POST to the {@code message:new} frame at the recipient. Not a test: a
 * program, run by {@code bench/message-path} against a stack that config/start started; it prints
 * as it goes and writes {@code target/bench/message-path.json} and {@code .md}.
 *
 * <p>With {@code --groups}, the same load goes to group chats instead (issue 18, Costs: a message
 * to a group of 50 reaches every member's socket in under 100 ms p99): the groups made through the
 * API, every member's socket open and viewing its group, every member sending in turn, and each
 * (message, recipient) pair timed, every member but the sender a recipient. That run writes {@code
 * target/bench/message-path-groups.json} and {@code .md}.
 *
 * <p>First a warm-up round at up to 50 msg/s ({@code --warmup} s, not recorded): on a stack just
 * started, Payara's JIT compiles the message path for a minute or so, and a first rate measured
 * meanwhile says more about the start than about the code. Each round: the sends for {@code
 * --seconds} at the rate, then up to 10 s for every 201 to arrive (the cut-off; a 201 not delivered
 * by then is lost), then a drain until the stack has caught up. The load generator shares the
 * machine's cores with the stack, so it is kept lean (no JSON parsing per message, no logging per
 * message) and its own CPU is reported too.
 */
public final class MessagePathBench {

  /** How long after a round's last send its 201s may still arrive. */
  private static final Duration SETTLE = Duration.ofSeconds(10);

  /** chat-war's {@code messages.per-user-per-second} unless the stack was started otherwise. */
  private static final int DEFAULT_PER_USER_RATE = 20;

  /** The rate of the warm-up round (not recorded), at most: one any stack should carry. */
  private static final int WARMUP_MAX_RATE = 50;

  private final BenchOptions options;
  private final MessageTag tag = MessageTag.fresh();
  private final int warmupRound;
  private final int probeRound;
  private final Inbox inbox;
  private final StringBuilder secondsCsv = new StringBuilder();

  private MessagePathBench(BenchOptions options) {
    this.options = options;
    this.warmupRound = options.rates().size();
    this.probeRound = warmupRound + 1;
    this.inbox = new Inbox(tag, probeRound + 1);
  }

  public static void main(String[] args) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println("error: " + e.getMessage());
      }
      System.err.println(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    System.setProperty("stack.url.user", options.userUrl());
    System.setProperty("stack.url.mailbox", options.mailboxUrl());
    List<String> notReady = StackCheck.notReady(options);
    if (!notReady.isEmpty()) {
      System.err.println("error: not ready: " + String.join(", ", notReady));
      System.err.println(StackCheck.HOW_TO_START);
      System.exit(1);
    }
    try {
      new MessagePathBench(options).run();
      System.exit(0);
    } catch (Exception e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      System.err.println("error: " + cause);
      System.exit(1);
    }
  }

  private void run() throws Exception {
    System.out.printf(
        "==> %s on %s; rates %s msg/s, %d s each%n",
        options.groupMode()
            ? options.groups() + " group(s) of " + options.groupSize()
            : options.pairs() + " pairs",
        String.join(" ", options.chatUrls()),
        options.rates(),
        options.seconds());
    if (options.groupMode()) {
      int members = options.groups() * options.groupSize();
      double perMember =
          options.rates().stream().mapToInt(i -> i).max().orElse(0) / (double) members;
      System.out.printf(
          "    %d members, each sending up to %.1f msg/s%s%n",
          members,
          perMember,
          perMember > DEFAULT_PER_USER_RATE
              ? " (over the default MESSAGES_PER_USER_PER_SECOND of "
                  + DEFAULT_PER_USER_RATE
                  + ": start the stack with it raised)"
              : "");
    }
    Instant started = Instant.now();
    try (Cohort cohort = enrol()) {
      Poster poster = new Poster(options.clientIds());
      OpenLoop loop = new OpenLoop(cohort.routes(), poster, tag);
      Drain drain =
          new Drain(options.chatUrls(), cohort.routes(), cohort.slots(), poster, tag, probeRound);
      inbox.open(probeRound, drain.ledger());
      CpuMeter cpu = CpuMeter.find(Stack.dataDir().resolve("run"));
      Report report = new Report(options, started);

      if (options.warmup() > 0) {
        int warmupRate = Math.min(WARMUP_MAX_RATE, options.rates().get(0));
        System.out.printf(
            "==> warm-up: %d s at %d msg/s, not recorded%n", options.warmup(), warmupRate);
        round(cohort, loop, drain, cpu, warmupRound, warmupRate, options.warmup());
      }
      for (int i = 0; i < options.rates().size(); i++) {
        int rate = options.rates().get(i);
        System.out.printf(
            "==> round %d of %d: %d msg/s for %d s%n",
            i + 1, options.rates().size(), rate, options.seconds());
        RateResult result = round(cohort, loop, drain, cpu, i, rate, options.seconds());
        System.out.println("    " + Report.summary(result));
        if (!result.socketCloses().isEmpty()) {
          System.out.println(
              "    sockets the server closed, by close code: " + result.socketCloses());
        }
        report.add(result);
      }
      Path folder = Path.of(System.getProperty("chat.root", ".")).resolve("target/bench");
      List<Path> files = report.write(folder);
      Files.writeString(
          folder.resolve(
              options.groupMode() ? "message-path-groups-seconds.csv" : "message-path-seconds.csv"),
          Seconds.csvHeader(cpu.names()) + secondsCsv);
      System.out.println();
      System.out.print(report.markdown());
      System.out.println();
      System.out.println("written: " + files.get(0) + " and " + files.get(1));
    }
  }

  private Cohort enrol() throws Exception {
    return options.groupMode()
        ? Cohort.enrolGroups(options.groups(), options.groupSize(), options.chatUrls(), inbox)
        : Cohort.enrol(options.pairs(), options.chatUrls(), inbox);
  }

  /** One round: its sends, the wait for its 201s to arrive, then the drain; its figures. */
  private RateResult round(
      Cohort cohort, OpenLoop loop, Drain drain, CpuMeter cpu, int round, int rate, int seconds)
      throws Exception {
    cohort.keepUp(Duration.ofSeconds(seconds).plus(SETTLE).plus(Drain.LIMIT).plusSeconds(60));
    Map<Integer, Integer> closesBefore = cohort.closeCodes();
    Ledger ledger = new Ledger(rate * seconds, cohort.slots());
    inbox.open(round, ledger);
    String label = "[" + rate + "/s]";

    CpuMeter.Sample cpuFrom = cpu.sample();
    long start = System.nanoTime() + Duration.ofMillis(50).toNanos();
    Instant wallStart = Instant.now().plusNanos(start - System.nanoTime());
    CpuTimeline timeline = CpuTimeline.from(cpu, start);
    try (timeline;
        Progress progress = Progress.of(label + " sending ", ledger)) {
      loop.run(round, rate, seconds, ledger, start);
    }
    long windowEnd = System.nanoTime();
    CpuMeter.Sample cpuTo = cpu.sample();

    long cutoff = windowEnd + SETTLE.toNanos();
    try (Progress progress = Progress.of(label + " settling", ledger)) {
      while (!ledger.settled() && System.nanoTime() < cutoff) {
        Thread.sleep(20);
      }
    }
    cutoff = Math.min(cutoff, System.nanoTime());

    cohort.keepUp(Drain.LIMIT.plusSeconds(60)); // a socket closed meanwhile would stall the probe
    Drain.Outcome drained = drain.await();
    System.out.printf(
        "    %s %s after %.1f s (probe %s ms)%n",
        label,
        drained.drained() ? "drained" : "NOT drained",
        drained.seconds(),
        !Double.isFinite(drained.probeMs()) ? "none" : String.format("%.0f", drained.probeMs()));
    Seconds bySecond = Seconds.of(ledger, start, cutoff);
    System.out.println("    " + label + " " + bySecond.line());
    secondsCsv.append(bySecond.csv(round, rate, wallStart, timeline.perSecond(), cpu.names()));
    return RateResult.of(
        new RateResult.Window(rate, seconds, start, windowEnd, cutoff),
        ledger,
        since(closesBefore, cohort.closeCodes()),
        CpuMeter.percent(cpuFrom, cpuTo));
  }

  private static Map<Integer, Integer> since(
      Map<Integer, Integer> before, Map<Integer, Integer> now) {
    Map<Integer, Integer> diff = new HashMap<>();
    now.forEach(
        (code, count) -> {
          int more = count - before.getOrDefault(code, 0);
          if (more > 0) {
            diff.put(code, more);
          }
        });
    return diff;
  }
}
