package io.chatapp.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * The embedded server on a fresh file (removed first) and a client of it, for the embedded server's
 * benchmarks, with their shared argument parsing ({@code --file PATH} names the file).
 */
final class EmbeddedBench implements AutoCloseable {

  private final Path file;
  private final EmbeddedMongo server;
  private final MongoClient client;

  private EmbeddedBench(Path file) throws IOException {
    this.file = file;
    Files.deleteIfExists(file);
    this.server = EmbeddedMongo.start("127.0.0.1", 0, file);
    this.client = MongoClients.create(server.uri());
  }

  static EmbeddedBench open(String[] args, String defaultFile) throws IOException {
    return new EmbeddedBench(Path.of(arg(args, "--file", defaultFile)));
  }

  MongoDatabase db() {
    return client.getDatabase("chat");
  }

  MVStore store() {
    return server.store();
  }

  Path file() {
    return file;
  }

  String megabytes() {
    try {
      return Files.size(file) / (1024 * 1024) + " MiB";
    } catch (IOException e) {
      return "? MiB";
    }
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }

  static int intArg(String[] args, String name, int fallback) {
    return Integer.parseInt(arg(args, name, String.valueOf(fallback)));
  }

  static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
