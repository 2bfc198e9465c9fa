package io.chatapp.devstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend, honouring the write concern {@code j: true} as MongoDB does: such a write is
 * answered only once it is committed to the file, so it survives a crash of this process. Other
 * writes are committed by H2 in the background (every 100 ms here). Measured before this existed: a
 * {@code kill -9} right after 1,000 acknowledged inserts lost about half of them. Its maps use
 * {@link IndexKeyType} ({@link FastH2Database}).
 */
final class JournaledH2Backend extends H2Backend {

  /** H2's page cache; its default of 16 MB made the server read and deserialize pages again. */
  private static final int CACHE_MB = 128;

  /**
   * How full the file's chunks are kept, in percent. H2's default of 90 kept its background writer
   * rewriting live pages under the store lock all the time (JFR at 100 msg/s: three quarters of
   * that thread in {@code rewriteChunks}), and every journaled commit then waited for the lock and
   * serialized the rewritten pages again: inserts stalled for up to 1.6 s. At 50 the file holds at
   * most about twice its live data.
   */
  private static final int FILL_RATE = 50;

  /**
   * H2's write buffer, in KB: it also sizes each compaction pass, which rewrites about this many KB
   * times 19 (a quarter of that while the store is busy), all under the store lock. At H2's default
   * of 1,024 a pass held the lock for 500-800 ms (JFR at 100 msg/s: a journaled commit waited 806
   * ms while the background writer was in {@code rewriteChunks}; messages' p99 493 ms); at 128 the
   * longest wait was 115 ms and the p99 22 ms. Every journaled write commits anyway, so the buffer
   * itself never fills.
   */
  private static final int WRITE_BUFFER_KB = 128;

  /**
   * How often a quiet store still commits, in ms, so that H2 frees the chunks that died meanwhile.
   * Each journaled commit writes a chunk, so at 1,000 msg/s thousands die within a minute. H2 frees
   * one only on a commit, and only 45 s (its retention time) after it was written: after a quiet
   * minute, the first write froze all those of the busy minute before at once, under the store lock
   * (JFR: {@code FileStore.dropUnusedChunks} inside that write's commit). {@code
   * bench/quiet-store}: that write took 191-541 ms. Shortening the retention time instead let a
   * concurrent read find a chunk gone ("Chunk 10223 not found" in user-war under {@code
   * bench/connections}): H2 counts it from when a chunk was written, not from when it died.
   */
  private static final long HEARTBEAT_MS = 1_000;

  private static final Logger LOG = Logger.getLogger(JournaledH2Backend.class.getName());

  private final MVStore store;
  private long versionAtLastBeat = -1;
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "embedded-mongo-heartbeat");
            thread.setDaemon(true);
            return thread;
          });

  JournaledH2Backend(String fileName) {
    this(
        new MVStore.Builder()
            .fileName(fileName)
            .cacheSize(CACHE_MB)
            .autoCompactFillRate(FILL_RATE)
            .autoCommitBufferSize(WRITE_BUFFER_KB)
            .open());
  }

  private JournaledH2Backend(MVStore store) {
    super(store);
    this.store = store;
    MVMap<String, Long> beats = store.openMap("devstack.heartbeat");
    heartbeat.scheduleWithFixedDelay(
        () -> beat(beats), HEARTBEAT_MS, HEARTBEAT_MS, TimeUnit.MILLISECONDS);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new FastH2Database(
        databaseName, store != null ? store : getMvStore(), getCursorRegistry());
  }

  @Override
  public Document handleCommand(
      Channel channel, String databaseName, String command, Document query) {
    Document answer = super.handleCommand(channel, databaseName, command, query);
    if (journaled(query)) {
      commit();
    }
    return answer;
  }

  /**
   * When nothing was committed since the last beat, a write of a few bytes and a commit: it frees
   * the chunks that died since. A busy store frees them on its own commits.
   */
  private void beat(MVMap<String, Long> beats) {
    try {
      if (store.getCurrentVersion() == versionAtLastBeat) {
        beats.put("at", System.currentTimeMillis());
        store.commit();
      }
      versionAtLastBeat = store.getCurrentVersion();
    } catch (RuntimeException e) {
      if (!store.isClosed()) {
        LOG.log(Level.WARNING, "the quiet store's commit failed", e);
      }
    }
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    super.close();
  }

  private static boolean journaled(Document query) {
    return query.get("writeConcern") instanceof Document concern
        && Boolean.TRUE.equals(concern.get("j"));
  }
}
