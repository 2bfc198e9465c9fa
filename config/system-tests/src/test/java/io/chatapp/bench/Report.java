package io.chatapp.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The results of a run as a reader wants them: a Markdown table of the message path, one of CPU,
 * and the highest rate that holds; and the same as JSON for a program, with everything the tables
 * leave out (the first answer of each kind of failure, socket closes, the breakdowns).
 */
final class Report {

  private final BenchOptions options;
  private final Instant started;
  private final List<RateResult> results = new ArrayList<>();

  Report(BenchOptions options, Instant started) {
    this.options = options;
    this.started = started;
  }

  void add(RateResult result) {
    results.add(result);
  }

  /** The highest offered rate that holds, if any does. */
  Optional<Integer> highestHolding() {
    return results.stream()
        .filter(RateResult::holds)
        .map(RateResult::offered)
        .max(Integer::compare);
  }

  String holdsLine() {
    return "highest rate that holds: "
        + highestHolding().map(rate -> rate + " msg/s").orElse("none")
        + " (delivery p99 < "
        + (int) RateResult.HOLDS_P99_MS
        + " ms, nothing lost, duplicated or failed)";
  }

  private static final List<String> COLUMNS =
      List.of(
          "offered/s",
          "sent/s",
          "late starts",
          "skipped (cap)",
          "201",
          "429",
          "503",
          "other",
          "client err/timeout",
          "POST p50 ms",
          "POST p99 ms",
          "delivered/s",
          "p50 ms",
          "p95 ms",
          "p99 ms",
          "max ms",
          ">10 s",
          "lost",
          "dup",
          "holds");

  /** A result's figures, one for each of {@link #COLUMNS}. */
  private static List<Object> cells(RateResult r) {
    RateResult.Answers a = r.answers();
    RateResult.Delivery d = r.delivery();
    return List.of(
        r.offered(),
        String.format("%.0f", r.sends().perSecond()),
        r.sends().lateStarts(),
        r.sends().skipped(),
        a.created(),
        a.tooMany(),
        a.unavailable(),
        a.otherCount(),
        a.clientErrors() + a.timeouts(),
        Tables.number(a.p50Ms()),
        Tables.number(a.p99Ms()),
        String.format("%.0f", d.perSecond()),
        Tables.number(d.p50Ms()),
        Tables.number(d.p95Ms()),
        Tables.number(d.p99Ms()),
        Tables.number(d.maxMs()),
        d.laterThan10s(),
        d.lost(),
        d.duplicated(),
        r.holds() ? "yes" : "no");
  }

  /** One result's figures on one line, as it is printed when its round ends. */
  static String summary(RateResult r) {
    return Tables.summary(COLUMNS, cells(r));
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(
            options.groupMode()
                ? "# Message path in groups: POST /api/v1/message to message:new at every other"
                    + " member\n\n"
                : "# Message path: POST /api/v1/message to message:new at the recipient\n\n")
        .append(
            String.format(
                "%s; %s, %d s a rate after a %d s warm-up, chat-war %s, %d cores%n%n",
                started,
                options.groupMode()
                    ? String.format(
                        "%d group(s) of %d, every member sending; delivered/s, latencies, lost and"
                            + " dup count (message, recipient) pairs",
                        options.groups(), options.groupSize())
                    : options.pairs()
                        + " pairs"
                        + (options.clientIds()
                            ? ", each send with a clientId"
                            : ", sends without a clientId"),
                options.seconds(),
                options.warmup(),
                String.join(" ", options.chatUrls()),
                Runtime.getRuntime().availableProcessors()));
    md.append(Tables.head(COLUMNS, ":---:"));
    results.forEach(r -> md.append(Tables.row(cells(r).toArray())));
    md.append("\nCPU over each window, % of one core:\n\n")
        .append(Tables.cpu("offered/s", results, RateResult::offered, RateResult::cpuPercent));
    md.append('\n').append(holdsLine()).append('\n');
    return md.toString();
  }

  JsonObject json() {
    JsonArrayBuilder rates = Json.createArrayBuilder();
    options.rates().forEach(rates::add);
    JsonArrayBuilder urls = Json.createArrayBuilder();
    options.chatUrls().forEach(urls::add);
    JsonArrayBuilder rows = Json.createArrayBuilder();
    results.forEach(r -> rows.add(r.toJson()));
    var json =
        Json.createObjectBuilder()
            .add("benchmark", name())
            .add("startedAt", started.toString())
            .add("cores", Runtime.getRuntime().availableProcessors())
            .add(
                "options",
                Json.createObjectBuilder()
                    .add("rates", rates)
                    .add("seconds", options.seconds())
                    .add("warmupSeconds", options.warmup())
                    .add("pairs", options.pairs())
                    .add("groups", options.groups())
                    .add("groupSize", options.groupSize())
                    .add("chatUrls", urls)
                    .add("userUrl", options.userUrl())
                    .add("mailboxUrl", options.mailboxUrl()))
            .add("results", rows);
    highestHolding()
        .ifPresentOrElse(
            rate -> json.add("highestRateThatHolds", rate),
            () -> json.addNull("highestRateThatHolds"));
    return json.build();
  }

  /**
   * Writes {@code message-path.json} and {@code message-path.md} into the folder, or {@code
   * message-path-groups.*} for a run in group mode.
   */
  List<Path> write(Path folder) throws IOException {
    return Tables.write(folder, name(), json(), markdown());
  }

  private String name() {
    return options.groupMode() ? "message-path-groups" : "message-path";
  }
}
