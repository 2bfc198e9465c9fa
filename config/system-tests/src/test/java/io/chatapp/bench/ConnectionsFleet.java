package io.chatapp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's side of its {@link ConnectionsWorker} processes: started as child JVMs of the
 * same class path, each given its share of the sockets (round the list, so every worker, source
 * address and chat-war instance gets as many), asked for their counters and summed.
 */
final class ConnectionsFleet implements AutoCloseable {

  /** Sockets one worker holds at most, well under the 20,000 files a process may open here. */
  static final int PER_WORKER = 8_000;

  private final List<Worker> workers = new ArrayList<>();
  private final List<String> sources;
  private long added;

  private record Worker(Process process, PrintWriter in, BufferedReader out) {}

  /** What the workers saw so far, summed: see {@link ConnectionsWorker}'s status line. */
  record Status(
      long added,
      long accepted,
      long notOnlineFirst,
      long failed,
      long retried,
      long closed,
      long frames,
      long bytes,
      Map<String, Long> failures,
      Map<String, Long> closes) {

    /** Sockets that got their first frame and are still open. */
    long open() {
      return accepted - closed;
    }

    /** Sockets that got their first frame or failed: nothing more to wait for. */
    long settled() {
      return accepted + failed;
    }
  }

  private ConnectionsFleet(List<String> sources) {
    this.sources = sources;
  }

  /** Enough workers for {@code sockets} sockets, spread over the source addresses. */
  static ConnectionsFleet start(int sockets, List<String> sources) throws IOException {
    ConnectionsFleet fleet = new ConnectionsFleet(sources);
    int count = Math.max(1, (sockets + PER_WORKER - 1) / PER_WORKER);
    String java = ProcessHandle.current().info().command().orElse("java");
    for (int i = 0; i < count; i++) {
      Process process =
          new ProcessBuilder(
                  java,
                  "-XX:+UseSerialGC",
                  "-Xmx256m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  ConnectionsBench.class.getName(),
                  ConnectionsBench.WORKER)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      fleet.workers.add(
          new Worker(
              process,
              new PrintWriter(process.getOutputStream(), false, StandardCharsets.US_ASCII),
              new BufferedReader(
                  new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))));
    }
    return fleet;
  }

  List<Long> pids() {
    return workers.stream().map(worker -> worker.process().pid()).toList();
  }

  int size() {
    return workers.size();
  }

  /** Hands a socket to the next worker, from the next source address; opened on {@link #go}. */
  void add(String chatUrl, String token) {
    URI uri = URI.create(chatUrl);
    Worker worker = workers.get((int) (added % workers.size()));
    String source = sources.get((int) (added % sources.size()));
    worker.in().printf("add %s %d %s %s%n", uri.getHost(), uri.getPort(), source, token);
    added++;
  }

  /**
   * Starts opening what was added, at most {@code parallel} upgrades in progress at once; with a
   * {@code spreadMillis} over 0, each socket starts at a random time within it.
   */
  void go(int parallel, long spreadMillis) {
    int each = Math.max(1, parallel / workers.size());
    workers.forEach(
        worker -> {
          worker.in().println("go " + each + " " + spreadMillis);
          worker.in().flush();
        });
  }

  Status status() throws IOException {
    workers.forEach(
        worker -> {
          worker.in().println("status");
          worker.in().flush();
        });
    long[] sums = new long[8];
    Map<String, Long> failures = new TreeMap<>();
    Map<String, Long> closes = new TreeMap<>();
    for (Worker worker : workers) {
      String line = worker.out().readLine();
      if (line == null) {
        throw new IOException("a worker process ended (exit " + exit(worker) + ")");
      }
      for (String field : line.substring("status ".length()).split(" ")) {
        String[] pair = field.split("=", 2);
        switch (pair[0]) {
          case "added" -> sums[0] += Long.parseLong(pair[1]);
          case "accepted" -> sums[1] += Long.parseLong(pair[1]);
          case "notOnlineFirst" -> sums[2] += Long.parseLong(pair[1]);
          case "failed" -> sums[3] += Long.parseLong(pair[1]);
          case "closed" -> sums[4] += Long.parseLong(pair[1]);
          case "frames" -> sums[5] += Long.parseLong(pair[1]);
          case "bytes" -> sums[6] += Long.parseLong(pair[1]);
          case "retried" -> sums[7] += Long.parseLong(pair[1]);
          case "failures" -> merge(failures, pair[1]);
          case "closes" -> merge(closes, pair[1]);
          default -> {}
        }
      }
    }
    return new Status(
        sums[0], sums[1], sums[2], sums[3], sums[7], sums[4], sums[5], sums[6], failures, closes);
  }

  private static void merge(Map<String, Long> into, String list) {
    if (list.equals("-")) {
      return;
    }
    for (String entry : list.split(",")) {
      int at = entry.lastIndexOf(':');
      into.merge(entry.substring(0, at), Long.parseLong(entry.substring(at + 1)), Long::sum);
    }
  }

  private static String exit(Worker worker) {
    try {
      return worker.process().waitFor(2, TimeUnit.SECONDS)
          ? String.valueOf(worker.process().exitValue())
          : "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /** Ends the workers: stdin closed, they close their sockets and exit; killed if they do not. */
  @Override
  public void close() {
    workers.forEach(worker -> worker.in().close());
    for (Worker worker : workers) {
      try {
        if (!worker.process().waitFor(20, TimeUnit.SECONDS)) {
          worker.process().destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        worker.process().destroyForcibly();
      }
    }
  }
}
