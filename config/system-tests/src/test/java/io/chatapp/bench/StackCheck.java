package io.chatapp.bench;

import io.chatapp.system.Stack;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the services the benchmark needs answer ready. The benchmark never starts the stack: a
 * run against a half-started one would measure the start, not the message path.
 */
final class StackCheck {

  static final String HOW_TO_START =
      "start the stack with config/start (CHAT_INSTANCES=2 for two instances)";

  private StackCheck() {}

  /** Whether {@code baseUrl/health/ready} answers 200. */
  static boolean ready(String baseUrl) {
    return answers(baseUrl + "/health/ready");
  }

  /** The services that are not ready, each with its address; empty when all are. */
  static List<String> notReady(BenchOptions options) {
    return notReady(options.chatUrls(), options.userUrl(), options.mailboxUrl());
  }

  /** The same, for the given chat-war instances, user-war and mailbox. */
  static List<String> notReady(List<String> chatUrls, String userUrl, String mailboxUrl) {
    List<String> missing = new ArrayList<>();
    List<String> services = new ArrayList<>(chatUrls);
    services.add(userUrl);
    services.add(Stack.url("mail"));
    for (String url : services) {
      if (!ready(url)) {
        missing.add(url + "/health/ready");
      }
    }
    String mailbox = mailboxUrl + "/api/messages?to=ready-check%40bench.example";
    if (!answers(mailbox)) {
      missing.add(mailbox);
    }
    return missing;
  }

  private static boolean answers(String url) {
    try {
      return Stack.get(url).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }
}
