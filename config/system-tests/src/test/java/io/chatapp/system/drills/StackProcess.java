package io.chatapp.system.drills;

import io.chatapp.system.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A process of the running stack as {@code config/start} started it (its pid in {@code
 * run/<name>.pid}). A drill stops or kills it, then brings it back the way an operator would: by
 * running {@code config/start} again, which starts what is not running and waits until every
 * service is ready.
 */
public final class StackProcess {

  private static final Duration START_LIMIT = Duration.ofMinutes(4);

  private final String name;
  private final long pid;

  private StackProcess(String name, long pid) {
    this.name = name;
    this.pid = pid;
  }

  /** The stack's running process of that name, or empty when this stack has none. */
  public static Optional<StackProcess> of(String name) throws IOException {
    Path pidFile = Stack.dataDir().resolve("run/" + name + ".pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .map(p -> new StackProcess(name, pid));
  }

  /** {@code kill -9}, and waits until it is gone. */
  public void kill() {
    ProcessHandle.of(pid)
        .ifPresent(
            process -> {
              process.destroyForcibly();
              process.onExit().join();
            });
  }

  /** {@code kill} (TERM), and waits until it is gone (killed after 60 s). */
  public void stop() throws Exception {
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty()) {
      return;
    }
    process.get().destroy();
    try {
      process.get().onExit().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      kill();
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + pid + ")";
  }

  /**
   * Runs {@code config/start}, which starts whatever of the stack is not running and returns once
   * every service is ready; its output goes to {@code logs/drill-start.log}. Returns the seconds it
   * took.
   */
  public static double startMissing() throws Exception {
    Path root = Path.of(System.getProperty("chat.root", "../..")).toAbsolutePath().normalize();
    Path log = Stack.dataDir().resolve("logs/drill-start.log");
    long started = System.nanoTime();
    Process start =
        new ProcessBuilder("bash", root.resolve("config/start").toString())
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!start.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      start.destroyForcibly();
      throw new AssertionError(
          "config/start did not finish within " + START_LIMIT + "; see " + log);
    }
    if (start.exitValue() != 0) {
      throw new AssertionError("config/start failed (exit " + start.exitValue() + "); see " + log);
    }
    return (System.nanoTime() - started) / 1e9;
  }
}
