package io.chatapp.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Entry point of the developer servers started by {@code config/start}:
 *
 * <pre>
 *   java -jar devstack.jar mongo --port 27017 --file .data/mongo/chat.mv
 *   java -jar devstack.jar mail  --smtp-port 3025 --http-port 3080
 *   java -jar devstack.jar keys  --dir .data/keys
 * </pre>
 */
public final class DevStack {

  private DevStack() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
      return;
    }
    Map<String, String> options = options(args);
    switch (args[0]) {
      case "mongo" -> {
        EmbeddedMongo mongo =
            EmbeddedMongo.start(
                options.getOrDefault("host", "127.0.0.1"),
                Integer.parseInt(options.getOrDefault("port", "27017")),
                Path.of(options.getOrDefault("file", ".data/mongo/chat.mv")));
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
        System.out.println("MongoDB-compatible server listening on " + mongo.address());
      }
      case "mail" -> {
        LocalMailServer mail =
            LocalMailServer.start(
                options.getOrDefault("host", "127.0.0.1"),
                Integer.parseInt(options.getOrDefault("smtp-port", "3025")),
                Integer.parseInt(options.getOrDefault("http-port", "3080")));
        Runtime.getRuntime().addShutdownHook(new Thread(mail::close));
        System.out.println("SMTP on port " + mail.smtpPort() + ", mailbox at " + mail.mailboxUrl());
      }
      case "keys" -> {
        Path directory = Path.of(options.getOrDefault("dir", ".data/keys"));
        boolean made = DevKeys.ensure(directory);
        System.out.println((made ? "Made a new" : "Kept the") + " JWT key pair in " + directory);
        return;
      }
      default -> usage();
    }
    Thread.currentThread().join();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("Expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private static void usage() {
    System.err.println(
        "usage: devstack mongo [--port 27017] [--file path.mv] | mail [--smtp-port 3025]"
            + " [--http-port 3080] | keys [--dir .data/keys]");
    System.exit(2);
  }
}
