package io.chatapp.testsupport;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ virtual host of the test run's own, made and deleted with {@code rabbitmqctl} (which
 * needs root or the rabbitmq user, as {@code config/payara-server-test} does). A deployed service
 * declares the fixed queue names ({@code send-otp}, {@code chat:messages}, ...); in a virtual host
 * of its own it never consumes the messages of a stack running on the same broker, and deleting the
 * virtual host deletes every queue the run made.
 */
public final class BrokerVirtualHost implements AutoCloseable {

  private final String name;

  /** A new virtual host, {@code prefix} followed by a random part. */
  public BrokerVirtualHost(String prefix) {
    name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    rabbitmqctl("add_vhost", name);
    rabbitmqctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
  }

  public String name() {
    return name;
  }

  /** The broker's URL ({@link LocalServices#brokerUrl()}) with this virtual host. */
  public String url() {
    URI broker = URI.create(LocalServices.brokerUrl());
    return broker.getScheme() + "://" + broker.getRawAuthority() + "/" + name;
  }

  /** A connection of the test's own to this virtual host. */
  public Connection connect(String connectionName) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(url());
    factory.setConnectionTimeout(3000);
    return factory.newConnection(connectionName);
  }

  /**
   * The messages in each queue of this virtual host, those handed to a consumer and not yet
   * acknowledged included: all zero means nothing is left that could still be delivered.
   */
  public Map<String, Integer> messages() {
    Map<String, Integer> depths = new TreeMap<>();
    for (String line : rabbitmqctl("list_queues", "-p", name, "name", "messages").split("\n")) {
      String[] columns = line.trim().split("\\s+");
      if (columns.length == 2 && columns[1].matches("\\d+")) {
        depths.put(columns[0], Integer.parseInt(columns[1]));
      }
    }
    return depths;
  }

  @Override
  public void close() {
    rabbitmqctl("delete_vhost", name);
  }

  private static String rabbitmqctl(String... arguments) {
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
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("rabbitmqctl could not be run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String executable() {
    for (String folder : List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin")) {
      if (new File(folder, "rabbitmqctl").canExecute()) {
        return folder + "/rabbitmqctl";
      }
    }
    return "rabbitmqctl";
  }
}
