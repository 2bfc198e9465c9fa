package io.chatapp.testsupport;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance per test JVM of what the deployments of a module share (its test bed): made by the
 * first deployment that asks, since its settings go into the deployment, and closed when the JVM
 * ends, after the tests it served.
 */
public final class SharedFixtures {

  private static final Map<Class<?>, AutoCloseable> MADE = new ConcurrentHashMap<>();

  private SharedFixtures() {}

  public static synchronized <T extends AutoCloseable> T of(Class<T> type, Callable<T> make) {
    AutoCloseable known = MADE.get(type);
    if (known == null) {
      try {
        known = make.call();
      } catch (Exception e) {
        throw new IllegalStateException(type.getSimpleName() + " could not be set up", e);
      }
      MADE.put(type, known);
      AutoCloseable made = known;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> closeQuietly(made), type.getSimpleName() + "-cleanup"));
    }
    return type.cast(known);
  }

  private static void closeQuietly(AutoCloseable fixture) {
    try {
      fixture.close();
    } catch (Exception e) {
      System.err.println("Cleaning up " + fixture.getClass().getSimpleName() + " failed: " + e);
    }
  }
}
