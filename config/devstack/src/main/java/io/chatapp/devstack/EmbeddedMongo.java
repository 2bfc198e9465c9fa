package io.chatapp.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB-compatible server (mongo-java-server) keeping its data in one H2 file, for machines
 * without MongoDB. A write with the write concern {@code j: true} is committed before it is
 * answered ({@link JournaledH2Backend}), as MongoDB journals it; the rest is committed every 100 ms
 * (H2's default is about once a second).
 */
public final class EmbeddedMongo implements AutoCloseable {

  /**
   * Threads that run the clients' commands. The server runs each command on its connection's event
   * loop, and a journaled write blocks that loop until H2 committed it: with netty's default of two
   * loops a core, every connection sharing that loop waited behind the commit. JFR in chat-war's
   * storage consumer at 1,000 msg/s: a chat's counter update (a few hundred microseconds of work)
   * took about 10 ms and the journaled insert 33-38 ms; with 32 loops, 4 ms and 20 ms. MongoDB
   * itself serves each connection on a thread of its own; this many loops come close to that for
   * the services' connection pools.
   */
  static final int WORKER_THREADS = 32;

  private final MongoServer server;
  private final InetSocketAddress address;
  private final MVStore store;

  private EmbeddedMongo(MongoServer server, InetSocketAddress address, MVStore store) {
    this.server = server;
    this.address = address;
    this.store = store;
  }

  public static EmbeddedMongo start(String host, int port, Path file) {
    quietUnknownCommandErrors();
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    H2Backend backend = new JournaledH2Backend(file.toString());
    MongoServer server = new MongoServer(backend);
    server.bind(new InetSocketAddress(host, port), 1, WORKER_THREADS);
    return new EmbeddedMongo(server, server.getLocalAddress(), backend.getMvStore());
  }

  /** Starts an in-memory server on a free port, for tests. */
  public static EmbeddedMongo startInMemory() {
    quietUnknownCommandErrors();
    MongoServer server = new MongoServer(new de.bwaldvogel.mongo.backend.memory.MemoryBackend());
    return new EmbeddedMongo(server, server.bind(), null);
  }

  public InetSocketAddress address() {
    return address;
  }

  public String uri() {
    return "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  /** The H2 store of a server started on a file, for the benchmarks' figures; null in memory. */
  MVStore store() {
    return store;
  }

  @Override
  public void close() {
    server.shutdownNow();
  }

  private static void quietUnknownCommandErrors() {
    Logger.getLogger("de.bwaldvogel.mongo").setLevel(Level.OFF);
  }
}
