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
 * without MongoDB. H2 commits about once a second by default; a commit delay of 100 ms keeps a
 * crash from losing acknowledged writes in any way that matters for a developer's machine.
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
    H2Backend backend = new H2Backend(file.toString());
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
