package io.chatapp.devstack;

import static io.chatapp.devstack.EmbeddedBench.intArg;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * The first journaled write after a quiet spell, in the embedded server alone. Not a test: run it
 * ({@code bench/quiet-store}) and read the figures.
 *
 * <p>Each cycle writes as chat-war's storage consumer does ({@link StorageShapedLoad}: 20-message
 * batches 15 ms apart, about 850 msg/s here), goes quiet, then times 20 journaled
 * message-and-counter writes 200 ms apart. The first of them is the figure: it is the one a person
 * sending the first message after a quiet minute waits for.
 *
 * <p>Arguments: {@code --quiet S} (60), {@code --cycles N} (3), {@code --load S} (20), {@code
 * --file PATH} (target/quiet-store/bench.mv, removed first).
 */
public final class QuietStoreBench {

  private static final int PROBES = 20;

  private final StorageShapedLoad writes;

  private QuietStoreBench(MongoDatabase db) {
    this.writes = new StorageShapedLoad(db);
  }

  public static void main(String[] args) throws Exception {
    int quiet = intArg(args, "--quiet", 60);
    int cycles = intArg(args, "--cycles", 3);
    int load = intArg(args, "--load", 20);
    try (EmbeddedBench embedded = EmbeddedBench.open(args, "target/quiet-store/bench.mv")) {
      QuietStoreBench bench = new QuietStoreBench(embedded.db());
      List<Long> firsts = new ArrayList<>();
      for (int cycle = 1; cycle <= cycles; cycle++) {
        System.out.printf("cycle %d/%d: writing for %d s%n", cycle, cycles, load);
        bench.load(load);
        System.out.printf(
            "cycle %d/%d: %d messages written, %s on disk; quiet for %d s%n",
            cycle, cycles, bench.writes.written(), embedded.megabytes(), quiet);
        Thread.sleep(quiet * 1000L);
        List<Long> probes = bench.probes();
        firsts.add(probes.get(0));
        System.out.printf(
            "cycle %d/%d: writes after the quiet spell, ms: %s%n", cycle, cycles, probes);
      }
      System.out.printf(
          "first write after %d quiet seconds, ms: %s; file %s%n",
          quiet, firsts, embedded.megabytes());
    }
  }

  private void load(int seconds) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      writes.batch();
      Thread.sleep(15);
    }
  }

  private List<Long> probes() throws InterruptedException {
    List<Long> millis = new ArrayList<>();
    for (int p = 0; p < PROBES; p++) {
      long start = System.nanoTime();
      writes.single();
      millis.add((System.nanoTime() - start) / 1_000_000);
      Thread.sleep(200);
    }
    return millis;
  }
}
