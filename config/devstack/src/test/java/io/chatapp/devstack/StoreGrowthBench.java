package io.chatapp.devstack;

import static io.chatapp.devstack.EmbeddedBench.intArg;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.h2.mvstore.MVStore;

/**
 * The embedded server's file and write times under sustained load, window by window. Not a test:
 * run it ({@code bench/store-growth}) and read the figures.
 *
 * <p>Writes storage batches ({@link StorageShapedLoad}, 20 messages each) back to back, a pause of
 * {@code --pause-ms} between them, and prints every window: the messages a second, the file's size
 * and how many KiB it grew per message, how much of it chunks use, how many chunks there are and
 * how full they are (live bytes of all chunks), the batch write time p50/p99/max, the CPU this
 * process (server and client) used, and how many index keys a second were Java-serialized (each a
 * new key, or one whose bytes {@link IndexKeyType} no longer held), and what the server's threads
 * (all but this one, the client) allocated per message with the time this JVM spent in its
 * collections a second: allocations are what make the server's young collections, whose pauses
 * stall every storage round trip; then how many reads a second went to the file (pages not in H2's
 * page cache) and how much of that cache is used. A file that keeps growing at a steady rate per
 * message means H2 keeps chunks that are mostly dead.
 *
 * <p>Arguments: {@code --seconds S} (180), {@code --window S} (15), {@code --pause-ms MS} (5),
 * {@code --file PATH} (target/store-growth/bench.mv, removed first).
 */
public final class StoreGrowthBench {

  public static void main(String[] args) throws Exception {
    int seconds = intArg(args, "--seconds", 180);
    int window = intArg(args, "--window", 15);
    int pauseMs = intArg(args, "--pause-ms", 5);
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (EmbeddedBench embedded = EmbeddedBench.open(args, "target/store-growth/bench.mv")) {
      StorageShapedLoad writes = new StorageShapedLoad(embedded.db());
      MVStore store = embedded.store();
      Path file = embedded.file();
      System.out.println(
          "| s | msg/s | file MiB | KiB/msg grown | file used % | chunks | chunks fill % | batch p50 ms"
              + " | p99 ms | max ms | CPU % of a core | keys serialized/s | server KiB allocated/msg"
              + " | GC ms/s | file reads/s | page cache MiB |");
      System.out.println(
          "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      long begin = System.nanoTime();
      long end = begin + seconds * 1_000_000_000L;
      while (System.nanoTime() < end) {
        long windowEnd = Math.min(end, System.nanoTime() + window * 1_000_000_000L);
        long writtenBefore = writes.written();
        long sizeBefore = Files.size(file);
        long cpuBefore = os.getProcessCpuTime();
        long serializedBefore = IndexKeyType.INSTANCE.serializations();
        long allocatedBefore = serverAllocatedBytes();
        long collectingBefore = collectingMillis();
        long readsBefore = store.getFileStore().getReadCount();
        long started = System.nanoTime();
        long[] micros = new long[100_000];
        int batches = 0;
        while (System.nanoTime() < windowEnd && batches < micros.length) {
          long at = System.nanoTime();
          writes.batch();
          micros[batches++] = (System.nanoTime() - at) / 1_000;
          Thread.sleep(pauseMs);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long messages = writes.written() - writtenBefore;
        long grown = Files.size(file) - sizeBefore;
        long[] sorted = Arrays.copyOf(micros, batches);
        Arrays.sort(sorted);
        System.out.printf(
            "| %.0f | %.0f | %d | %.1f | %d | %d | %d | %.1f | %.1f | %.1f | %.0f | %.0f | %.1f | %.0f"
                + " | %.0f | %d |%n",
            (System.nanoTime() - begin) / 1e9,
            messages / elapsed,
            Files.size(file) / (1024 * 1024),
            grown / 1024.0 / Math.max(1, messages),
            store.getFillRate(),
            store.getLayoutMap().keySet().stream().filter(key -> key.startsWith("chunk.")).count(),
            store.getFileStore().getChunksFillRate(),
            percentile(sorted, 50),
            percentile(sorted, 99),
            sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0,
            (os.getProcessCpuTime() - cpuBefore) / 1e7 / elapsed,
            (IndexKeyType.INSTANCE.serializations() - serializedBefore) / elapsed,
            (serverAllocatedBytes() - allocatedBefore) / 1024.0 / Math.max(1, messages),
            (collectingMillis() - collectingBefore) / elapsed,
            (store.getFileStore().getReadCount() - readsBefore) / elapsed,
            store.getCacheSizeUsed());
      }
    }
  }

  /** Bytes allocated so far by the live threads other than this one (the server's). */
  private static long serverAllocatedBytes() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    long[] ids = Arrays.stream(threads.getAllThreadIds()).filter(id -> id != self).toArray();
    return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
  }

  private static long collectingMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }

  private static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1000.0;
  }
}
