package io.chatapp.devstack;

import static io.chatapp.devstack.EmbeddedBench.intArg;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * What a lookup by a unique key costs in an index of the embedded server, as the index grows: the
 * keys are ids like chat-war's (24 hex digits, random), in an H2 map with the server's key type
 * ({@link IndexKeyType}), in memory, and each lookup is by a fresh key object, as a query makes
 * one. Not a test: run it ({@code bench/index-lookup}) and read the figures.
 *
 * <p>Arguments: {@code --sizes N,N,...} (200000,1000000), {@code --lookups N} (200000 a round),
 * {@code --rounds N} (8; the figure is the median of the last half, after the JIT's warm-up).
 */
public final class IndexLookupBench {

  public static void main(String[] args) {
    int lookups = intArg(args, "--lookups", 200_000);
    int rounds = intArg(args, "--rounds", 8);
    String sizes = EmbeddedBench.arg(args, "--sizes", "200000,1000000");
    System.out.println("| keys | ns a lookup (median of the warm rounds) | each warm round |");
    System.out.println("|---:|---:|---|");
    for (String size : sizes.split(",")) {
      measure(Integer.parseInt(size.trim()), lookups, rounds);
    }
  }

  private static void measure(int size, int lookups, int rounds) {
    MVStore store = MVStore.open(null);
    MVMap<Object, Object> index =
        store.openMap(
            "ids",
            new MVMap.Builder<Object, Object>()
                .keyType(IndexKeyType.INSTANCE)
                .valueType(IndexKeyType.INSTANCE));
    Random random = new Random(size);
    List<String> ids = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      String id = String.format(Locale.ROOT, "%08x%016x", random.nextInt(), random.nextLong());
      ids.add(id);
      index.put(new KeyValue(id), (long) i);
    }
    List<Double> warm = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      long began = System.nanoTime();
      int found = 0;
      for (int i = 0; i < lookups; i++) {
        if (index.get(new KeyValue(ids.get(random.nextInt(size)))) != null) {
          found++;
        }
      }
      double each = (System.nanoTime() - began) / (double) lookups;
      if (found != lookups) {
        throw new IllegalStateException("found " + found + " of " + lookups);
      }
      System.err.printf(Locale.ROOT, "  %,d keys, round %d: %.0f ns a lookup%n", size, round, each);
      if (round >= rounds / 2) {
        warm.add(each);
      }
    }
    store.close();
    List<Double> sorted = warm.stream().sorted().toList();
    System.out.printf(
        Locale.ROOT,
        "| %,d | %.0f | %s |%n",
        size,
        sorted.get(sorted.size() / 2),
        String.join(
            ", ", warm.stream().map(ns -> String.format(Locale.ROOT, "%.0f", ns)).toList()));
  }
}
