package io.chatapp.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * What idle authenticated WebSockets cost chat-war: in steps (1k, 5k, 10k, 20k by default) real
 * clients' sockets are opened and left idle, then chat-war's resident memory, heap after a full GC,
 * open files and CPU are read, and probe messages between pairs of their own say how fast a message
 * still reaches its recipient. Then a burst of sockets opened at once while probes flow. Not a
 * test: a program, run by {@code bench/connections} against a stack that config/start started; it
 * prints as it goes and writes {@code target/bench/connections.json} and {@code .md}.
 *
 * <p>Users log in by the mailed code, as people do, each holding at most {@code --per-user}
 * sockets; a user's first socket is opened before anyone's second, as people come online before
 * they open more tabs. A process here may hold at most 20,000 open files, so the sockets live in
 * {@link ConnectionsWorker} child processes of at most {@link ConnectionsFleet#PER_WORKER} each,
 * from the source addresses 127.0.0.2 to 127.0.0.9; chat-war itself then runs out of files a little
 * under 20,000 sockets. A socket counts as open once its first frame arrived (the server registered
 * it) and until the server closes it; what the server refuses or closes is counted and reported,
 * never retried.
 */
public final class ConnectionsBench {

  /** The argument that starts this class as a {@link ConnectionsWorker}. */
  static final String WORKER = "--worker";

  /** The loopback addresses the client sockets come from, in turn. */
  static final List<String> SOURCES =
      IntStream.rangeClosed(2, 9).mapToObj(i -> "127.0.0." + i).toList();

  /**
   * Probes sent one by one before the first step, not recorded: on a stack just started they are
   * the first messages it carries, and the first of them waits for classes to load and methods to
   * compile (240–470 ms measured, against 12–50 ms for the next ones), which is not a cost of the
   * sockets. They are printed all the same.
   */
  private static final int WARMUP_PROBES = 100;

  /** Logins in progress at once: a login mostly waits for its mail. */
  private static final int LOGINS_AT_ONCE = 24;

  /** How long the burst's probes flow before the burst. */
  private static final long BEFORE_BURST_SECONDS = 5;

  private final ConnectionsOptions options;
  private final List<ConnectionsServer> servers;
  private final List<Member> users = new ArrayList<>();
  private int handedOut;

  private ConnectionsBench(ConnectionsOptions options, List<ConnectionsServer> servers) {
    this.options = options;
    this.servers = servers;
  }

  public static void main(String[] args) {
    if (args.length == 1 && args[0].equals(WORKER)) {
      try {
        ConnectionsWorker.run();
        System.exit(0);
      } catch (Exception e) {
        System.err.println("worker: " + e);
        System.exit(1);
      }
    }
    ConnectionsOptions options;
    try {
      options = ConnectionsOptions.parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println("error: " + e.getMessage());
      }
      System.err.println(ConnectionsOptions.USAGE);
      System.exit(2);
      return;
    }
    System.setProperty("stack.url.user", options.userUrl());
    System.setProperty("stack.url.mailbox", options.mailboxUrl());
    List<String> notReady =
        StackCheck.notReady(options.chatUrls(), options.userUrl(), options.mailboxUrl());
    if (!notReady.isEmpty()) {
      System.err.println("error: not ready: " + String.join(", ", notReady));
      System.err.println(StackCheck.HOW_TO_START);
      System.exit(1);
    }
    List<ConnectionsServer> servers = servers(options);
    if (servers.size() != options.chatUrls().size()) {
      System.err.printf(
          "error: chat-war's pid not found in %s/run (chat-war.pid, chat-war-2.pid):"
              + " pass --data-dir or --chat-pid%n",
          options.dataDir());
      System.exit(1);
    }
    try {
      new ConnectionsBench(options, servers).run();
      System.exit(0);
    } catch (Exception e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      System.err.println("error: " + cause);
      System.exit(1);
    }
  }

  /** Instance i of --chat-urls is chat-war (the first) or chat-war-2, or the i-th --chat-pid. */
  private static List<ConnectionsServer> servers(ConnectionsOptions options) {
    List<ConnectionsServer> servers = new ArrayList<>();
    for (int i = 0; i < options.chatUrls().size(); i++) {
      String name = i == 0 ? "chat-war" : "chat-war-" + (i + 1);
      if (!options.chatPids().isEmpty()) {
        long pid = options.chatPids().get(i);
        if (ConnectionsServer.alive(pid)) {
          servers.add(new ConnectionsServer(name, pid));
        }
      } else {
        ConnectionsServer.of(options.dataDir(), name).ifPresent(servers::add);
      }
    }
    return servers;
  }

  private void run() throws Exception {
    System.out.printf(
        "==> steps %s idle sockets on %s, up to %d a user; chat-war pid %s%n",
        options.steps(),
        String.join(" ", options.chatUrls()),
        options.perUser(),
        servers.stream().map(s -> Long.toString(s.pid())).toList());
    Instant started = Instant.now();
    ConnectionsReport report = new ConnectionsReport(options, started);
    Path folder = Path.of(System.getProperty("chat.root", ".")).resolve("target/bench");
    System.out.println("==> probe pairs");
    try (ConnectionsProbes probes =
            ConnectionsProbes.enrol(options.probePairs(), options.chatUrls());
        ConnectionsFleet fleet = ConnectionsFleet.start(options.mostSockets(), SOURCES)) {
      System.out.printf(
          "==> %d worker processes (pids %s), sockets from %s to %s%n",
          fleet.size(), fleet.pids(), SOURCES.get(0), SOURCES.get(SOURCES.size() - 1));
      System.out.printf("==> warm-up: %d probes, not recorded%n", WARMUP_PROBES);
      probes.oneByOne(WARMUP_PROBES);
      CpuMeter cpu =
          CpuMeter.find(options.dataDir().resolve("run")).withLoadGenerator(fleet.pids());
      for (int step : options.steps()) {
        ConnectionsReport.Step result = step(step, fleet, cpu, probes);
        System.out.println("    " + ConnectionsReport.summary(result));
        if (result.sockets().failed() + result.sockets().closed() > 0) {
          System.out.printf(
              "    so far: failed %s; closed by the server, by code %s%n",
              result.sockets().failures(), result.sockets().closes());
        }
        report.add(result);
        report.write(folder); // after every step, so a run cut short keeps what it measured
        if (options.burst() > 0 && step == options.burstAfter()) {
          for (int i = 1; i <= options.bursts(); i++) {
            if (i > 1) {
              System.out.printf(
                  "    quiet for %d s before the next burst%n", options.idleSeconds());
              Thread.sleep(TimeUnit.SECONDS.toMillis(options.idleSeconds()));
            }
            report.burst(burst(i, fleet, cpu, probes));
            report.write(folder);
          }
        }
      }
      List<Path> files = report.write(folder);
      System.out.println();
      System.out.print(report.markdown());
      System.out.println();
      System.out.println("written: " + files.get(0) + " and " + files.get(1));
    }
  }

  /** Opens the step's sockets, leaves them idle, then takes the readings and the probes. */
  private ConnectionsReport.Step step(
      int step, ConnectionsFleet fleet, CpuMeter cpu, ConnectionsProbes probes) throws Exception {
    String label = "[" + step + "]";
    System.out.printf("==> step %s: %d idle sockets%n", label, step);
    int count = Math.max(0, step - handedOut);
    logIn(count, label);
    long started = System.nanoTime();
    boolean settled = open(count, options.parallel(), 0, fleet, label);
    double connectSeconds = (System.nanoTime() - started) / 1e9;

    System.out.printf("    %s idle for %d s%n", label, options.idleSeconds());
    ConnectionsFleet.Status idleFrom = fleet.status();
    CpuMeter.Sample cpuFrom = cpu.sample();
    Thread.sleep(TimeUnit.SECONDS.toMillis(options.idleSeconds()));
    CpuMeter.Sample cpuTo = cpu.sample();
    ConnectionsFleet.Status idleTo = fleet.status();
    double idle = (cpuTo.nanos() - cpuFrom.nanos()) / 1e9;

    System.out.printf("    %s %d probes%n", label, options.probes());
    List<Long> rss = servers.stream().map(ConnectionsServer::rssKib).toList();
    List<Long> files = servers.stream().map(ConnectionsServer::openFiles).toList();
    ConnectionsProbes.Result probed = probes.oneByOne(options.probes());
    List<ConnectionsServer.Reading> readings = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      readings.add(
          new ConnectionsServer.Reading(rss.get(i), servers.get(i).heapAfterGcKib(), files.get(i)));
    }
    return new ConnectionsReport.Step(
        step,
        fleet.status(),
        connectSeconds,
        settled,
        servers,
        readings,
        CpuMeter.percent(cpuFrom, cpuTo),
        (idleTo.frames() - idleFrom.frames()) / idle,
        (idleTo.bytes() - idleFrom.bytes()) / 1024.0 / idle,
        probed);
  }

  /**
   * Opens a burst of sockets (at once, or over {@code --burst-spread}) while probes flow, before
   * and during; how long they took. Prints each probe of the burst with when it was sent, so a slow
   * one can be placed (the first wave of connections, the refused ones' retries a second later).
   * The first burst after the stack started also meets code the JIT has not compiled yet; later
   * ones tell how much of it that was.
   */
  private ConnectionsReport.Burst burst(
      int number, ConnectionsFleet fleet, CpuMeter cpu, ConnectionsProbes probes) throws Exception {
    String label = "[burst " + number + "]";
    System.out.printf(
        "==> burst %d of %d: %d sockets %s, probes at %d/s from %d s before%n",
        number,
        options.bursts(),
        options.burst(),
        options.burstSpread() == 0 ? "at once" : "within " + options.burstSpread() + " ms",
        options.burstRate(),
        BEFORE_BURST_SECONDS);
    logIn(options.burst(), label);
    long openBefore = fleet.status().open();
    ConnectionsProbes.Flow flow =
        probes.flow(
            options.burstRate(), (int) BEFORE_BURST_SECONDS + options.connectSeconds() + 10);
    long flowStart = System.nanoTime();
    Thread.sleep(TimeUnit.SECONDS.toMillis(BEFORE_BURST_SECONDS));
    ConnectionsFleet.Status from = fleet.status();
    CpuMeter.Sample cpuFrom = cpu.sample();
    long burstStart = System.nanoTime();
    Instant burstStartedAt = Instant.now();
    boolean settled = open(options.burst(), options.burst(), options.burstSpread(), fleet, label);
    long burstEnd = System.nanoTime();
    CpuMeter.Sample cpuTo = cpu.sample();
    ConnectionsFleet.Status to = fleet.status();
    flow.stop();
    System.out.printf(
        "    %s probes during, s from the burst's start (%s): ms to delivery (ms to the POST's"
            + " answer): %s%n",
        label, burstStartedAt, flow.timeline(burstStart, burstEnd + 1));
    return new ConnectionsReport.Burst(
        openBefore,
        options.burst(),
        to.accepted() - from.accepted(),
        to.failed() - from.failed(),
        to.retried() - from.retried(),
        (burstEnd - burstStart) / 1e9,
        settled,
        flow.between(flowStart, burstStart),
        flow.between(burstStart, burstEnd + 1),
        CpuMeter.percent(cpuFrom, cpuTo));
  }

  /**
   * Opens {@code count} more sockets (their users logged in already), at most {@code parallel}
   * upgrades at once, every user's first socket before anyone's next (or each at a random time
   * within {@code spreadMillis}, when over 0); waits until each got its first frame or failed, with
   * a line of progress every 2 s. False when {@code --connect-seconds} ran out first.
   */
  private boolean open(
      int count, int parallel, long spreadMillis, ConnectionsFleet fleet, String label)
      throws Exception {
    if (count == 0) {
      return true;
    }
    int from = handedOut;
    int to = handedOut + count;
    ConnectionsFleet.Status before = fleet.status();
    List<Integer> order = new ArrayList<>(IntStream.range(from, to).boxed().toList());
    order.sort(
        Comparator.comparingInt((Integer s) -> s % options.perUser())
            .thenComparingInt(s -> s / options.perUser()));
    for (int socket : order) {
      Member user = users.get(socket / options.perUser());
      fleet.add(options.chatUrls().get(socket % options.chatUrls().size()), user.token());
    }
    handedOut = to;
    long started = System.nanoTime();
    long deadline = started + TimeUnit.SECONDS.toNanos(options.connectSeconds());
    fleet.go(parallel, spreadMillis);
    long nextLine = started + TimeUnit.SECONDS.toNanos(2);
    while (true) {
      Thread.sleep(200);
      ConnectionsFleet.Status now = fleet.status();
      long settled = now.settled() - before.settled();
      long time = System.nanoTime();
      boolean done = settled >= count;
      if (done || time >= nextLine || time >= deadline) {
        nextLine = time + TimeUnit.SECONDS.toNanos(2);
        System.out.printf(
            "    %s sockets: %d of %d got their first frame, %d failed, %d refused busy (503) and"
                + " tried again, %d open in all, %d closed by the server (%.1f s)%n",
            label,
            now.accepted() - before.accepted(),
            count,
            now.failed() - before.failed(),
            now.retried() - before.retried(),
            now.open(),
            now.closed(),
            (time - started) / 1e9);
      }
      if (done) {
        return true;
      }
      if (time >= deadline) {
        System.out.printf(
            "    %s cut off after --connect-seconds %d: %d never settled%n",
            label, options.connectSeconds(), count - settled);
        return false;
      }
    }
  }

  /** Logs in users (by the mailed code) until there are enough for {@code sockets} more. */
  private void logIn(int sockets, String label) throws Exception {
    int more = (handedOut + sockets + options.perUser() - 1) / options.perUser() - users.size();
    if (more <= 0) {
      return;
    }
    System.out.printf("    %s logging in %d more users by the mailed code%n", label, more);
    users.addAll(
        Cohort.each(
            label + " logged in",
            Cohort.range(more),
            i -> Member.logIn("bench-idle", options.chatUrls().get(0)),
            LOGINS_AT_ONCE));
  }
}
