package io.chatapp.chat.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ virtual host of the test run's own, made and deleted with {@code rabbitmqctl} (which
 * needs root or the rabbitmq user, as {@code config/payara-server-test} does). A deployed chat-war
 * declares the fixed pipeline names ({@code chat:messages}, ...); in a virtual host of its own it
 * never consumes the messages of a stack running on the same broker.
 */
final class BrokerVirtualHost implements AutoCloseable {

  final String name = "chat-it-" + UUID.randomUUID().toString().substring(0, 8);

  BrokerVirtualHost() {
    rabbitmqctl("add_vhost", name);
    rabbitmqctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
  }

  /** {@code brokerUrl} with this virtual host in place of its own. */
  String url(String brokerUrl) {
    URI broker = URI.create(brokerUrl);
    return broker.getScheme() + "://" + broker.getRawAuthority() + "/" + name;
  }

  @Override
  public void close() {
    rabbitmqctl("delete_vhost", name);
  }

  private static void rabbitmqctl(String... arguments) {
    List<String> command = new ArrayList<>(List.of(executable(), "-q"));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "rabbitmqctl "
                + String.join(" ", arguments)
                + " failed (the in-container tests need rabbitmqctl of the local broker, as root"
                + " or the rabbitmq user): "
                + output.strip());
      }
    } catch (IOException e) {
      throw new IllegalStateException("rabbitmqctl could not be run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String executable() {
    for (String folder : List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin")) {
      if (new java.io.File(folder, "rabbitmqctl").canExecute()) {
        return folder + "/rabbitmqctl";
      }
    }
    return "rabbitmqctl";
  }
}
