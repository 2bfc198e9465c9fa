package io.chatapp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time of the processes that share this machine's cores during a round, from {@code
 * /proc/<pid>/stat}: the load generator itself, each process config/start started (named by its pid
 * file), and RabbitMQ's {@code beam.smp} and {@code redis-server}, found by process name (they run
 * as system services). Shown as % of one core over the round.
 */
final class CpuMeter {

  /** The generator's own name in the figures. */
  static final String SELF = "load generator";

  private static final List<List<String>> BY_PROCESS_NAME =
      List.of(List.of("beam.smp", "rabbitmq (beam.smp)"), List.of("redis-server", "redis-server"));

  private final Map<String, List<Long>> pids;
  private final long ticksPerSecond;

  private CpuMeter(Map<String, List<Long>> pids, long ticksPerSecond) {
    this.pids = pids;
    this.ticksPerSecond = ticksPerSecond;
  }

  /** CPU seconds of each process at one moment, with the moment. */
  record Sample(long nanos, Map<String, Double> cpuSeconds) {}

  /** The processes as they run now: the run folder's pid files and the two services by name. */
  static CpuMeter find(Path runDir) throws IOException {
    Map<String, List<Long>> pids = new LinkedHashMap<>();
    pids.put(SELF, List.of(ProcessHandle.current().pid()));
    if (Files.isDirectory(runDir)) {
      try (Stream<Path> files = Files.list(runDir)) {
        files
            .filter(file -> file.getFileName().toString().endsWith(".pid"))
            .sorted()
            .forEach(
                file -> {
                  String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                  pidIn(file).ifPresent(pid -> pids.put(name, List.of(pid)));
                });
      }
    }
    List<Long> listed = pids.values().stream().flatMap(List::stream).toList();
    for (List<String> process : BY_PROCESS_NAME) {
      List<Long> found =
          byName(process.get(0)).stream().filter(pid -> !listed.contains(pid)).toList();
      if (!found.isEmpty()) {
        pids.put(process.get(1), found);
      }
    }
    return new CpuMeter(pids, ticksPerSecond());
  }

  /**
   * The same processes, with these (say the generator's worker processes) counted as {@link #SELF}.
   */
  CpuMeter withLoadGenerator(List<Long> more) {
    Map<String, List<Long>> all = new LinkedHashMap<>(pids);
    List<Long> self = new ArrayList<>(all.get(SELF));
    self.addAll(more);
    all.put(SELF, List.copyOf(self));
    return new CpuMeter(all, ticksPerSecond);
  }

  /** The names the figures go by, {@link #SELF} first. */
  Set<String> names() {
    return pids.keySet();
  }

  Sample sample() {
    Map<String, Double> seconds = new LinkedHashMap<>();
    pids.forEach(
        (name, list) -> {
          double total = 0;
          for (long pid : list) {
            total += ticks(pid) / (double) ticksPerSecond;
          }
          seconds.put(name, total);
        });
    return new Sample(System.nanoTime(), seconds);
  }

  /** % of one core each process used between the two samples. */
  static Map<String, Double> percent(Sample from, Sample to) {
    double wall = (to.nanos() - from.nanos()) / 1e9;
    Map<String, Double> percent = new LinkedHashMap<>();
    to.cpuSeconds()
        .forEach(
            (name, seconds) ->
                percent.put(
                    name, 100 * (seconds - from.cpuSeconds().getOrDefault(name, 0.0)) / wall));
    return percent;
  }

  /** utime + stime of the process (every thread of it), in clock ticks; 0 once it is gone. */
  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // the command name, in parentheses, may hold spaces: count fields after its end
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static Optional<Long> pidIn(Path file) {
    try {
      long pid = Long.parseLong(Files.readString(file).trim());
      return Files.exists(Path.of("/proc", Long.toString(pid)))
          ? Optional.of(pid)
          : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static List<Long> byName(String comm) {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(dir -> dir.getFileName().toString().matches("\\d+"))
          .filter(dir -> comm.equals(readTrimmed(dir.resolve("comm"))))
          .map(dir -> Long.parseLong(dir.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String readTrimmed(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      return "";
    }
  }

  /** The kernel's clock tick ({@code getconf CLK_TCK}), 100 on every usual Linux. */
  private static long ticksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
