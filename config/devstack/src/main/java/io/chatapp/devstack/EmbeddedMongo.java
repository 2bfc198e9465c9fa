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

/**
 * A MongoDB-compatible server (mongo-java-server) keeping its data in one H2 file, for machines
 * without MongoDB. A write with the write concern {@code j: true} is committed before it is
 * answered ({@link JournaledH2Backend}), as MongoDB journals it; the rest is committed every 100 ms
 * (H2's default is about once a second).
 */
public final class EmbeddedMongo implements AutoCloseable {

  private final MongoServer server;
  private final InetSocketAddress address;

  private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
    this.server = server;
    this.address = address;
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
    backend.getMvStore().setAutoCommitDelay(100);
    MongoServer server = new MongoServer(backend);
    server.bind(host, port);
    return new EmbeddedMongo(server, server.getLocalAddress());
  }

  /** Starts an in-memory server on a free port, for tests. */
  public static EmbeddedMongo startInMemory() {
    quietUnknownCommandErrors();
    MongoServer server = new MongoServer(new de.bwaldvogel.mongo.backend.memory.MemoryBackend());
    return new EmbeddedMongo(server, server.bind());
  }

  public InetSocketAddress address() {
    return address;
  }

  public String uri() {
    return "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
  }

  private static void quietUnknownCommandErrors() {
    Logger.getLogger("de.bwaldvogel.mongo").setLevel(Level.OFF);
  }
}
