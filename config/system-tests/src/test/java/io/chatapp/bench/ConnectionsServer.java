package io.chatapp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One chat-war process as the operating system and the JVM see it: resident memory and open files
 * from {@code /proc}, the heap left after a full collection from {@code jcmd}. The pid comes from
 * the stack's pid file ({@code run/chat-war.pid}, {@code run/chat-war-2.pid}) or the command line.
 */
record ConnectionsServer(String name, long pid) {

  /** "def new generation total 1234K, used 567K", "garbage-first heap total ..., used ...". */
  private static final Pattern USED = Pattern.compile("^\\s*(\\S.*?)\\s+total \\d+K, used (\\d+)K");

  /** What was read at one moment; -1 where it could not be read. */
  record Reading(long rssKib, long heapAfterGcKib, long openFiles) {}

  /** The process of the pid file {@code run/NAME.pid} under the data folder. */
  static Optional<ConnectionsServer> of(Path dataDir, String name) {
    try {
      long pid = Long.parseLong(Files.readString(dataDir.resolve("run/" + name + ".pid")).trim());
      return alive(pid) ? Optional.of(new ConnectionsServer(name, pid)) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static boolean alive(long pid) {
    return Files.exists(Path.of("/proc", Long.toString(pid)));
  }

  /** RSS and open files now, and the heap after a full GC (which this asks for, as it must). */
  Reading read() {
    long rss = rssKib();
    long files = openFiles();
    return new Reading(rss, heapAfterGcKib(), files);
  }

  long rssKib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // gone
    }
    return -1;
  }

  long openFiles() {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return fds.count();
    } catch (IOException e) {
      return -1;
    }
  }

  /** {@code jcmd PID GC.run}, then the generations' "used" of {@code GC.heap_info}, summed. */
  long heapAfterGcKib() {
    if (jcmd("GC.run").isEmpty()) {
      return -1;
    }
    Optional<String> info = jcmd("GC.heap_info");
    if (info.isEmpty()) {
      return -1;
    }
    long used = 0;
    boolean found = false;
    for (String line : info.get().split("\n")) {
      Matcher matcher = USED.matcher(line);
      if (matcher.find()
          && !matcher.group(1).startsWith("Metaspace")
          && !matcher.group(1).startsWith("class space")) {
        used += Long.parseLong(matcher.group(2));
        found = true;
      }
    }
    return found ? used : -1;
  }

  private Optional<String> jcmd(String command) {
    try {
      Process jcmd =
          new ProcessBuilder(jcmdPath(), Long.toString(pid), command)
              .redirectErrorStream(true)
              .start();
      String out = new String(jcmd.getInputStream().readAllBytes());
      return jcmd.waitFor() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The jcmd of the JDK running this program, else the one on the PATH. */
  private static String jcmdPath() {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    return Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
  }
}
