package io.chatapp.bench;

import io.chatapp.system.Stack;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one run of the benchmark does, from its command line. Every figure is bounded and every
 * address must be on this machine (loopback), so a run cannot turn into load on anything else.
 */
record BenchOptions(
    List<Integer> rates,
    int seconds,
    int warmup,
    int pairs,
    int groups,
    int groupSize,
    boolean clientIds,
    List<String> chatUrls,
    String userUrl,
    String mailboxUrl) {

  static final String USAGE =
      """
      bench/message-path [--rates 100,500,1000,2000,3000] [--seconds 20] [--warmup 20] [--pairs 20]
                         [--groups 1 --group-size 50] [--client-ids no]
                         [--chat-urls http://localhost:3002,http://localhost:3012]
                         [--user-url http://localhost:3000] [--mailbox-url http://localhost:3080]
        --rates       messages a second to offer, one round each (1 to 20000, at most 12 rounds)
        --seconds     length of each round (1 to 300)
        --warmup      seconds at up to 50 msg/s first, not recorded, so that the first rate is
                      not measured on cold JIT-compiled code (0 to 120)
        --pairs       sender/recipient pairs, each a 1:1 chat (1 to 500)
        --groups      group mode instead of pairs: this many group chats (1 to 20), made with
                      POST /api/v1/chat/group; every member sends (the rate spread over all
                      members) and delivery is timed at every member but the sender
        --group-size  members of each group, its creator included (3 to 256; default 50);
                      per member, a rate is rate / (groups * size) a second, which must stay
                      under MESSAGES_PER_USER_PER_SECOND (default 20) or be refused with 429
        --client-ids  yes (the default): each send carries a clientId, as the web page's do, and
                      chat-war remembers it in Redis for retries; no: sends without one
        --chat-urls   chat-war instances; with two, each pair's sender (socket and POSTs) is on
                      one and its recipient on the other, alternating. Default: CHAT_PORT, plus
                      CHAT2_PORT when CHAT_INSTANCES=2 and it answers ready
        --user-url    user-war (OTP login)   --mailbox-url  the local mailbox that holds the codes
      Only loopback addresses are accepted. The stack must already run (config/start).""";

  BenchOptions {
    rates = List.copyOf(rates);
    chatUrls = List.copyOf(chatUrls);
    if (rates.isEmpty() || rates.size() > 12) {
      throw new IllegalArgumentException("--rates takes 1 to 12 rates");
    }
    for (int rate : rates) {
      within("--rates", rate, 1, 20_000);
    }
    within("--seconds", seconds, 1, 300);
    within("--warmup", warmup, 0, 120);
    within("--pairs", pairs, 1, 500);
    if (groups != 0 || groupSize != 0) {
      within("--groups", groups, 1, 20);
      within("--group-size", groupSize, 3, 256);
      if (groups * groupSize > 1000) {
        throw new IllegalArgumentException("--groups times --group-size must be at most 1000");
      }
      for (int rate : rates) {
        if ((long) rate * Math.max(seconds, warmup) * groupSize > MAX_DELIVERIES) {
          throw new IllegalArgumentException(
              "a round of "
                  + rate
                  + " msg/s to groups of "
                  + groupSize
                  + " times more than "
                  + MAX_DELIVERIES
                  + " deliveries: fewer --seconds or a lower rate");
        }
      }
    }
    if (chatUrls.isEmpty() || chatUrls.size() > 4) {
      throw new IllegalArgumentException("--chat-urls takes 1 to 4 addresses");
    }
    chatUrls.forEach(BenchOptions::loopback);
    loopback(userUrl);
    loopback(mailboxUrl);
  }

  /** Deliveries one round of group mode may time (the ledger holds one timestamp for each). */
  static final long MAX_DELIVERIES = 4_000_000;

  /** Whether the run sends to groups rather than in 1:1 pairs. */
  boolean groupMode() {
    return groups > 0;
  }

  /** The options of the command line; the defaults for what it leaves out. */
  static BenchOptions parse(String[] args) {
    List<Integer> rates = List.of(100, 500, 1000, 2000, 3000);
    int seconds = 20;
    int warmup = 20;
    int pairs = 20;
    int groups = 0;
    int groupSize = 0;
    boolean clientIds = true;
    Urls urls = new Urls();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      String value = value(args, i);
      switch (name) {
        case "--rates" ->
            rates = Arrays.stream(value.split(",")).map(BenchOptions::number).toList();
        case "--seconds" -> seconds = number(value);
        case "--warmup" -> warmup = number(value);
        case "--pairs" -> pairs = number(value);
        case "--groups" -> groups = number(value);
        case "--group-size" -> groupSize = number(value);
        case "--client-ids" -> clientIds = yes(value);
        default -> urls.take(name, value);
      }
    }
    if (groupSize > 0 && groups == 0) {
      groups = 1;
    }
    if (groups > 0 && groupSize == 0) {
      groupSize = 50;
    }
    return new BenchOptions(
        rates,
        seconds,
        warmup,
        pairs,
        groups,
        groupSize,
        clientIds,
        urls.chat(),
        urls.user(),
        urls.mailbox());
  }

  private static boolean yes(String value) {
    return switch (value) {
      case "yes" -> true;
      case "no" -> false;
      default -> throw new IllegalArgumentException("--client-ids takes yes or no: " + value);
    };
  }

  /**
   * The value that follows the option {@code args[i]}; {@code --help} or {@code -h} in its place
   * asks for the usage (an empty message).
   */
  static String value(String[] args, int i) {
    String name = args[i];
    if (name.equals("--help") || name.equals("-h")) {
      throw new IllegalArgumentException("");
    }
    if (i + 1 >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i + 1];
  }

  /**
   * The options every benchmark takes for where the stack answers ({@code --chat-urls}, {@code
   * --user-url}, {@code --mailbox-url}), with their defaults.
   */
  static final class Urls {
    private List<String> chat;
    private String user = Stack.url("user");
    private String mailbox = Stack.url("mailbox");

    /** Takes one of these options; any other is unknown. */
    void take(String name, String value) {
      switch (name) {
        case "--chat-urls" -> chat = Arrays.stream(value.split(",")).map(String::trim).toList();
        case "--user-url" -> user = value;
        case "--mailbox-url" -> mailbox = value;
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }

    List<String> chat() {
      return chat == null ? defaultChatUrls() : chat;
    }

    String user() {
      return trim(user);
    }

    String mailbox() {
      return trim(mailbox);
    }
  }

  private static List<String> defaultChatUrls() {
    List<String> urls = new ArrayList<>(List.of(Stack.url("chat")));
    if ("2".equals(System.getenv("CHAT_INSTANCES")) && StackCheck.ready(Stack.url("chat2"))) {
      urls.add(Stack.url("chat2"));
    }
    return urls;
  }

  static int number(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number: " + value);
    }
  }

  static void within(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(option + " must be from " + min + " to " + max);
    }
  }

  private static String trim(String url) {
    return url.trim().replaceAll("/+$", "");
  }

  static void loopback(String url) {
    String host;
    try {
      URI uri = URI.create(url.trim());
      host = uri.getHost();
      if (!"http".equals(uri.getScheme()) || host == null) {
        throw new IllegalArgumentException("not an http:// address: " + url);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an http:// address: " + url);
    }
    boolean local =
        host.equals("localhost")
            || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
            || host.equals("[::1]")
            || host.equals("::1");
    if (!local) {
      throw new IllegalArgumentException("only loopback addresses are allowed, not " + url);
    }
  }
}
