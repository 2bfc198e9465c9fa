package io.chatapp.bench;

import io.chatapp.system.Stack;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one run of the connections benchmark does, from its command line. Every figure is bounded
 * and every address must be on this machine (loopback), as {@link BenchOptions} has it.
 */
record ConnectionsOptions(
    List<Integer> steps,
    int perUser,
    int idleSeconds,
    int probes,
    int probePairs,
    int burst,
    int bursts,
    int burstSpread,
    int burstAfter,
    int burstRate,
    int parallel,
    int connectSeconds,
    List<String> chatUrls,
    String userUrl,
    String mailboxUrl,
    Path dataDir,
    List<Long> chatPids) {

  static final String USAGE =
      """
      bench/connections [--steps 1000,5000,10000,20000] [--per-user 10] [--idle 15] [--probes 20]
                        [--probe-pairs 10] [--burst 1000] [--bursts 1] [--burst-spread 0]
                        [--burst-after 10000] [--burst-rate 10] [--parallel 200]
                        [--connect-seconds 600]
                        [--chat-urls http://localhost:3002,http://localhost:3012]
                        [--data-dir .data | --chat-pid PID[,PID]]
                        [--user-url http://localhost:3000] [--mailbox-url http://localhost:3080]
        --steps           idle sockets open at each step, ascending (1 to 40000, at most 8 steps);
                          each step adds to the sockets of the one before
        --per-user        sockets of one user at most (1 to 10): users are logged in for
                          steps/per-user, by the mailed code
        --idle            seconds the sockets stay idle at each step before the readings (5 to 300)
        --probes          probe messages at each step, one after another (1 to 200)
        --probe-pairs     sender/recipient pairs of their own that carry the probes (1 to 50)
        --burst           sockets opened at once after the step --burst-after, while probes flow
                          at --burst-rate a second (0: no burst); they stay open for later steps
        --bursts          how many bursts, one after another, a quiet --idle between them (1 to 5):
                          the first meets code the JIT has not compiled yet, the later ones less
        --burst-spread    ms over which a burst's sockets start, each at a random time (0 to 10000;
                          0: all at once); the web page comes back 0.5-1.5 s after losing its socket
        --parallel        upgrades in progress at once while a step opens its sockets (1 to 2000)
        --connect-seconds how long a step (or the burst) may take to open its sockets (10 to 3600)
        --chat-urls       chat-war instances; sockets are spread over them in turn
        --data-dir        the stack's data folder, for chat-war's pid files (run/chat-war.pid,
                          run/chat-war-2.pid); default CHAT_DATA_DIR, else .data
        --chat-pid        chat-war's pid(s) instead, in the order of --chat-urls
      Only loopback addresses are accepted. The stack must already run (config/start).""";

  ConnectionsOptions {
    steps = List.copyOf(steps);
    chatUrls = List.copyOf(chatUrls);
    chatPids = List.copyOf(chatPids);
    if (steps.isEmpty() || steps.size() > 8) {
      throw new IllegalArgumentException("--steps takes 1 to 8 steps");
    }
    for (int i = 0; i < steps.size(); i++) {
      BenchOptions.within("--steps", steps.get(i), 1, 40_000);
      if (i > 0 && steps.get(i) <= steps.get(i - 1)) {
        throw new IllegalArgumentException("--steps must ascend");
      }
    }
    BenchOptions.within("--per-user", perUser, 1, 10);
    BenchOptions.within("--idle", idleSeconds, 5, 300);
    BenchOptions.within("--probes", probes, 1, 200);
    BenchOptions.within("--probe-pairs", probePairs, 1, 50);
    BenchOptions.within("--burst", burst, 0, 5_000);
    BenchOptions.within("--bursts", bursts, 1, 5);
    BenchOptions.within("--burst-spread", burstSpread, 0, 10_000);
    BenchOptions.within("--burst-rate", burstRate, 1, 100);
    BenchOptions.within("--parallel", parallel, 1, 2_000);
    BenchOptions.within("--connect-seconds", connectSeconds, 10, 3_600);
    if (burst > 0 && !steps.contains(burstAfter)) {
      throw new IllegalArgumentException("--burst-after must be one of --steps");
    }
    if (chatUrls.isEmpty() || chatUrls.size() > 4) {
      throw new IllegalArgumentException("--chat-urls takes 1 to 4 addresses");
    }
    chatUrls.forEach(BenchOptions::loopback);
    BenchOptions.loopback(userUrl);
    BenchOptions.loopback(mailboxUrl);
    if (!chatPids.isEmpty() && chatPids.size() != chatUrls.size()) {
      throw new IllegalArgumentException("--chat-pid takes one pid for each of --chat-urls");
    }
  }

  /** The most sockets open at once: the largest step, or the bursts on top of their step. */
  int mostSockets() {
    int largest = steps.get(steps.size() - 1);
    return burst > 0 ? Math.max(largest, burstAfter + bursts * burst) : largest;
  }

  /** The options of the command line; the defaults for what it leaves out. */
  static ConnectionsOptions parse(String[] args) {
    List<Integer> steps = List.of(1_000, 5_000, 10_000, 20_000);
    int perUser = 10;
    int idle = 15;
    int probes = 20;
    int probePairs = 10;
    int burst = 1_000;
    int bursts = 1;
    int burstSpread = 0;
    Integer burstAfter = null;
    int burstRate = 10;
    int parallel = 200;
    int connectSeconds = 600;
    BenchOptions.Urls urls = new BenchOptions.Urls();
    Path dataDir = Stack.dataDir();
    List<Long> chatPids = List.of();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      String value = BenchOptions.value(args, i);
      switch (name) {
        case "--steps" -> steps = numbers(value);
        case "--per-user" -> perUser = BenchOptions.number(value);
        case "--idle" -> idle = BenchOptions.number(value);
        case "--probes" -> probes = BenchOptions.number(value);
        case "--probe-pairs" -> probePairs = BenchOptions.number(value);
        case "--burst" -> burst = BenchOptions.number(value);
        case "--bursts" -> bursts = BenchOptions.number(value);
        case "--burst-spread" -> burstSpread = BenchOptions.number(value);
        case "--burst-after" -> burstAfter = BenchOptions.number(value);
        case "--burst-rate" -> burstRate = BenchOptions.number(value);
        case "--parallel" -> parallel = BenchOptions.number(value);
        case "--connect-seconds" -> connectSeconds = BenchOptions.number(value);
        case "--data-dir" -> dataDir = Path.of(value);
        case "--chat-pid" ->
            chatPids = numbers(value).stream().map(Integer::longValue).toList(); // pids fit an int
        default -> urls.take(name, value);
      }
    }
    return new ConnectionsOptions(
        steps,
        perUser,
        idle,
        probes,
        probePairs,
        burst,
        bursts,
        burstSpread,
        burstAfter == null ? defaultBurstAfter(steps) : burstAfter,
        burstRate,
        parallel,
        connectSeconds,
        urls.chat(),
        urls.user(),
        urls.mailbox(),
        dataDir,
        chatPids);
  }

  /** The step before the largest (so the largest is still measured without a burst's sockets). */
  private static int defaultBurstAfter(List<Integer> steps) {
    return steps.get(Math.max(0, steps.size() - 2));
  }

  private static List<Integer> numbers(String value) {
    return Arrays.stream(value.split(",")).map(BenchOptions::number).toList();
  }
}
