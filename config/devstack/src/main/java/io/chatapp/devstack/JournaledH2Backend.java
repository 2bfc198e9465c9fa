package io.chatapp.devstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
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
   * How long a chunk that holds no live data is kept before its space is reused, in ms. H2's
   * default of 45 s is a guard for file systems that flush later than that; its cost here was the
   * first write after a quiet minute. Each journaled commit writes a chunk, so at 1,000 msg/s
   * thousands of chunks die within 45 s, and H2 frees them only on a commit: the first write after
   * a quiet spell froze all of them at once, under the store lock (JFR: {@code
   * FileStore.dropUnusedChunks} in the writer's own commit). {@code bench/quiet-store}: the first
   * write after 60 quiet seconds took 191-541 ms with the default, 34-70 ms at 1 s. H2 never forces
   * its file to the disk on a commit anyway, so this server survives a crash of its process, as
   * {@link JournaledH2BackendTest} drills, not of the machine; {@code MONGODB_URI} points at a real
   * MongoDB for that.
   */
  private static final int RETENTION_MS = 1_000;

  private final MVStore store;

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
    store.setRetentionTime(RETENTION_MS);
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

  private static boolean journaled(Document query) {
    return query.get("writeConcern") instanceof Document concern
        && Boolean.TRUE.equals(concern.get("j"));
  }
}
