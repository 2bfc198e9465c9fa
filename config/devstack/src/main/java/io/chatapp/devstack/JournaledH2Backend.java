package io.chatapp.devstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend, honouring the write concern {@code j: true} as MongoDB does: such a write is
 * answered only once it survives a crash of this process. Every write command is appended to a
 * journal ({@link CommandJournal}) as it is applied, and answered then; the store is committed in
 * the background every {@value #COMMIT_EVERY_MS} ms, and a server that starts after a crash applies
 * the journal's commands again. So a journaled write is a few KB appended to a file, where it was a
 * commit of its own: H2 writing every page the write changed (a leaf of 48 documents for one
 * inserted, each chat counted in a batch), 36 % of the server's CPU samples at 1,000 msg/s.
 * Measured before the journal existed: a {@code kill -9} right after 1,000 acknowledged inserts
 * lost about half of them. Its maps use {@link IndexKeyType} ({@link FastH2Database}).
 */
final class JournaledH2Backend extends H2Backend {

  /** H2's page cache; its default of 16 MB made the server read and deserialize pages again. */
  private static final int CACHE_MB = 128;

  /**
   * How full the file's chunks are kept, in percent. H2's default of 90 kept its background writer
   * rewriting live pages under the store lock all the time (JFR at 100 msg/s: three quarters of
   * that thread in {@code rewriteChunks}), and every journaled commit then waited for the lock and
   * serialized the rewritten pages again: inserts stalled for up to 1.6 s. At 50 H2 compacts only
   * while the store is quiet; under load {@link #compact} does, while the chunks are on the whole
   * less than this full (they are 1-15 % live there).
   */
  private static final int FILL_RATE = 50;

  /**
   * How often, in ms, the store is committed: every write since is in the journal until then. H2
   * commits nothing on its own (its auto-commit is off), as a commit of its own would put in the
   * store writes the journal still holds, and a restart would apply them twice.
   */
  private static final long COMMIT_EVERY_MS = 100;

  /**
   * The commands that change data, each journaled. The applications send no other writes (an
   * aggregation's {@code $out} would be one, and would be in the store only from the next commit).
   */
  private static final Set<String> WRITES =
      Set.of(
          "insert",
          "update",
          "delete",
          "findandmodify",
          "create",
          "createindexes",
          "drop",
          "dropindexes",
          "dropdatabase",
          "renamecollection");

  /** Where the store keeps the generation of the journal it was last committed with. */
  private static final String JOURNAL_MAP = "devstack.journal";

  private static final String GENERATION = "generation";

  /**
   * How often a quiet store still commits, in ms, so that H2 frees the chunks that died meanwhile.
   * Each journaled commit writes a chunk, so at load thousands die within a minute. H2 frees one
   * only on a commit, and only once its retention time ({@link #RETENTION_MS}) has passed since it
   * was written: after a quiet minute, the first write froze all those of the busy minute before at
   * once, under the store lock (JFR: {@code FileStore.dropUnusedChunks} inside that write's commit;
   * {@code bench/quiet-store}: that write took 191-541 ms).
   */
  private static final long HEARTBEAT_MS = 1_000;

  /**
   * How long a chunk is kept after it was written, in ms, even once all its pages are dead: H2's
   * default is 45 s. Under load the file then held 45 s of chunks whatever the live data (2.5 GiB
   * before the first could be freed, {@code bench/store-growth} at 1,100 msg/s). A read no longer
   * needs it: a command holds its version ({@link #handleCommand}), and cursors keep their
   * documents in memory. With 1 s and without that hold, a read in user-war failed with "Chunk
   * 10223 not found" under {@code bench/connections}. It stays a few seconds, so that chunks are
   * not overwritten right after they were written.
   */
  private static final int RETENTION_MS = 5_000;

  /**
   * How often, in ms, the live pages of the emptiest old chunks are rewritten, and at most how many
   * bytes of them a time. H2 frees a chunk only once every page in it is dead, and its own
   * compaction never runs while the store is busy at this {@link #FILL_RATE}. Under the storage
   * consumer's load each commit's chunk keeps a few pages that stay current (a finished leaf of an
   * index, a user nobody changed since), so the file grew by 27-59 KiB a message with its chunks 1
   * % live ({@code bench/store-growth}: 4.9 GiB in two minutes at 1,100 msg/s). Rewriting those few
   * pages frees whole chunks; small passes keep the store lock, which commits wait for, short.
   */
  private static final long COMPACT_EVERY_MS = 100;

  private static final int COMPACT_WRITE_BYTES = 256 * 1024;

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
    this(fileName, COMMIT_EVERY_MS);
  }

  /** With the store committed this often, in ms (tests commit when they choose). */
  JournaledH2Backend(String fileName, long commitEveryMs) {
    this(
        new MVStore.Builder()
            .fileName(fileName)
            .cacheSize(CACHE_MB)
            .autoCompactFillRate(FILL_RATE)
            .autoCommitBufferSize(0)
            .autoCommitDisabled()
            .open(),
        CommandJournal.open(Path.of(fileName + ".journal")),
        commitEveryMs);
  }

  /** Commands hold it to read, {@link #close} to write: the store closes between commands. */
  private final ReentrantReadWriteLock closing = new ReentrantReadWriteLock();

  /**
   * Held to apply a write command and journal it, and to commit: the journal then holds exactly the
   * writes the store was not committed with, in the order they were applied.
   */
  private final ReentrantLock writes = new ReentrantLock();

  private final CommandJournal journal;
  private final MVMap<String, Long> journalState;
  private long generation;

  private JournaledH2Backend(MVStore store, CommandJournal journal, long commitEveryMs) {
    super(store);
    this.store = store;
    this.journal = journal;
    store.setRetentionTime(RETENTION_MS);
    journalState = store.openMap(JOURNAL_MAP);
    generation = journalState.getOrDefault(GENERATION, 0L);
    replayJournal();
    MVMap<String, Long> beats = store.openMap("devstack.heartbeat");
    heartbeat.scheduleWithFixedDelay(
        this::commit, commitEveryMs, commitEveryMs, TimeUnit.MILLISECONDS);
    heartbeat.scheduleWithFixedDelay(
        () -> beat(beats), HEARTBEAT_MS, HEARTBEAT_MS, TimeUnit.MILLISECONDS);
    heartbeat.scheduleWithFixedDelay(
        this::compact, COMPACT_EVERY_MS, COMPACT_EVERY_MS, TimeUnit.MILLISECONDS);
  }

  /**
   * Applies again the writes of the journal's current generation, the ones the store was not
   * committed with when the server stopped, then commits them.
   */
  private void replayJournal() {
    List<CommandJournal.Command> lost = journal.commandsOf(generation);
    if (!lost.isEmpty()) {
      EmbeddedChannel replaying = new EmbeddedChannel();
      for (CommandJournal.Command command : lost) {
        try {
          super.handleCommand(replaying, command.database(), command.name(), command.query());
        } catch (RuntimeException failedAsBefore) {
          // it failed the same way when it was first applied, and was journaled all the same:
          // an insert of many that failed on one had stored those before it
        }
      }
      handleClose(replaying);
      LOG.log(Level.INFO, "Applied {0} journaled writes again", lost.size());
    }
    commit();
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new FastH2Database(
        databaseName, store != null ? store : getMvStore(), getCursorRegistry());
  }

  /**
   * Runs a command with the store's current version registered as in use, as H2's own transactions
   * do: a chunk that dies meanwhile (a commit or {@link #compact} rewriting its last live pages) is
   * not freed before the command is done with the pages it reads. mongo-java-server reads the maps
   * without this, so a chunk freed under a read failed it with "Chunk ... not found".
   */
  @Override
  public Document handleCommand(
      Channel channel, String databaseName, String command, Document query) {
    closing.readLock().lock();
    MVStore.TxCounter reading = null;
    try {
      if (store.isClosed()) {
        throw new MongoServerException("the server is shutting down");
      }
      reading = store.registerVersionUsage();
      if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
        return super.handleCommand(channel, databaseName, command, query);
      }
      return applied(channel, databaseName, command, query);
    } finally {
      if (reading != null) {
        store.deregisterVersionUsage(reading);
      }
      closing.readLock().unlock();
    }
  }

  /**
   * Applies a write command and journals it (as received: what it makes of it is the same when it
   * is applied again), even when it failed, as part of it may have been applied. A command that
   * BSON cannot write is committed instead.
   */
  private Document applied(Channel channel, String databaseName, String command, Document query) {
    byte[] record = CommandJournal.encode(databaseName, command, query);
    writes.lock();
    try {
      return super.handleCommand(channel, databaseName, command, query);
    } finally {
      try {
        if (record != null) {
          journal.append(record, generation);
        } else {
          commit();
        }
      } finally {
        writes.unlock();
      }
    }
  }

  /**
   * Commits the store, if anything changed since, with the journal's next generation, then empties
   * the journal. A crash before the commit is done leaves the store as it was, and the journal's
   * writes are applied again; one after it leaves records of a generation the store is past.
   */
  @Override
  public void commit() {
    writes.lock();
    try {
      if (store.isClosed() || (!store.hasUnsavedChanges() && journal.isEmpty())) {
        return;
      }
      journalState.put(GENERATION, generation + 1);
      store.commit();
      generation++;
      journal.restart();
    } catch (RuntimeException e) {
      if (!store.isClosed()) {
        LOG.log(Level.WARNING, "committing the store failed", e);
      }
    } finally {
      writes.unlock();
    }
  }

  /**
   * When nothing was committed since the last beat, a write of a few bytes and a commit: it frees
   * the chunks that died since. A busy store frees them on its own commits.
   */
  private void beat(MVMap<String, Long> beats) {
    try {
      if (store.getCurrentVersion() == versionAtLastBeat) {
        beats.put("at", System.currentTimeMillis());
        commit();
      }
      versionAtLastBeat = store.getCurrentVersion();
    } catch (RuntimeException e) {
      if (!store.isClosed()) {
        LOG.log(Level.WARNING, "the quiet store's commit failed", e);
      }
    }
  }

  /**
   * Rewrites the live pages of the emptiest old chunks, a little at a time ({@link
   * #COMPACT_EVERY_MS}).
   */
  private void compact() {
    try {
      store.compact(FILL_RATE, COMPACT_WRITE_BYTES);
    } catch (RuntimeException e) {
      if (!store.isClosed() && !heartbeat.isShutdown()) { // not a pass that close() interrupted
        LOG.log(Level.WARNING, "compacting the store failed", e);
      }
    }
  }

  /**
   * Closes the store once the commands under way are done (a stop with TERM). mongo-java-server
   * applies an update to the stored document field by field, so a store closed in the middle could
   * write a chat with its unread counter raised but the message's id not yet among those it
   * counted, and the count retried after the restart would count that message again.
   */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    closing.writeLock().lock();
    try {
      commit();
      super.close();
      journal.close();
    } finally {
      closing.writeLock().unlock();
    }
  }
}
