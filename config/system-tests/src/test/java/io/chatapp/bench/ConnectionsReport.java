package io.chatapp.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The results of a connections run as a reader wants them: a Markdown table of the steps (sockets
 * asked for and really open, what the server process costs with them, probe latency), one of the
 * burst, one of CPU; and the same as JSON, with the failure reasons and close codes the tables only
 * count.
 */
final class ConnectionsReport {

  /** One step, read once its sockets had been idle for a while. */
  record Step(
      int asked,
      ConnectionsFleet.Status sockets,
      double connectSeconds,
      boolean allSettled,
      List<ConnectionsServer> servers,
      List<ConnectionsServer.Reading> readings,
      Map<String, Double> cpuPercent,
      double idleFramesPerSecond,
      double idleKibPerSecond,
      ConnectionsProbes.Result probes) {}

  /** The burst: sockets opened at once on top of {@code openBefore}, probes before and during. */
  record Burst(
      long openBefore,
      int asked,
      long accepted,
      long failed,
      long retried,
      double seconds,
      boolean allSettled,
      ConnectionsProbes.Result before,
      ConnectionsProbes.Result during,
      Map<String, Double> cpuPercent) {}

  private final ConnectionsOptions options;
  private final Instant started;
  private final List<Step> steps = new ArrayList<>();
  private final List<Burst> bursts = new ArrayList<>();

  ConnectionsReport(ConnectionsOptions options, Instant started) {
    this.options = options;
    this.started = started;
  }

  void add(Step step) {
    steps.add(step);
  }

  void burst(Burst burst) {
    bursts.add(burst);
  }

  private static final List<String> COLUMNS =
      List.of(
          "sockets asked",
          "open",
          "short",
          "failed",
          "closed by server",
          "connect s",
          "chat-war RSS MiB",
          "heap after GC MiB",
          "open files",
          "chat-war CPU %",
          "load generator CPU %",
          "frames in/s (idle)",
          "KiB in/s (idle)",
          "probe p50 ms",
          "probe max ms",
          "probes lost of sent");

  private static List<Object> cells(Step s) {
    return List.of(
        s.asked(),
        s.sockets().open(),
        Math.max(0, s.asked() - s.sockets().open()),
        s.sockets().failed(),
        s.sockets().closed(),
        Tables.number(s.connectSeconds()) + (s.allSettled() ? "" : " (cut off)"),
        each(s.readings(), r -> kibToMib(r.rssKib())),
        each(s.readings(), r -> kibToMib(r.heapAfterGcKib())),
        each(s.readings(), r -> r.openFiles() < 0 ? "-" : Long.toString(r.openFiles())),
        s.servers().stream()
            .map(server -> Tables.percent(s.cpuPercent().get(server.name())))
            .collect(Collectors.joining(" / ")),
        Tables.percent(s.cpuPercent().get(CpuMeter.SELF)),
        Tables.number(s.idleFramesPerSecond()),
        Tables.number(s.idleKibPerSecond()),
        Tables.number(s.probes().p50Ms()),
        Tables.number(s.probes().maxMs()),
        (s.probes().sent() - s.probes().delivered()) + " of " + s.probes().sent());
  }

  /** One step's figures on one line, as it is printed when the step ends. */
  static String summary(Step step) {
    return Tables.summary(COLUMNS, cells(step));
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Connections: idle authenticated WebSockets on chat-war\n\n")
        .append(
            String.format(
                "%s; up to %d sockets a user, %d s idle a step, %d probes a step over %d pairs,"
                    + " chat-war %s, %d cores; figures of two instances as a / b%n%n",
                started,
                options.perUser(),
                options.idleSeconds(),
                options.probes(),
                options.probePairs(),
                String.join(" ", options.chatUrls()),
                Runtime.getRuntime().availableProcessors()));
    md.append(Tables.head(COLUMNS, "---:"));
    steps.forEach(s -> md.append(Tables.row(cells(s).toArray())));
    if (!bursts.isEmpty()) {
      md.append("\nBurst: sockets opened ")
          .append(
              options.burstSpread() == 0
                  ? "all at once"
                  : "each at a random time within " + options.burstSpread() + " ms")
          .append(" while probes flow at ")
          .append(options.burstRate())
          .append("/s:\n\n")
          .append(
              "| # | open before | burst | open | failed | refused busy, tried again | took s |")
          .append(" probe p50/max ms before | probe p50/max ms during | probes lost during |")
          .append(" chat-war CPU % during |\n")
          .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (int i = 0; i < bursts.size(); i++) {
        Burst burst = bursts.get(i);
        md.append(
            Tables.row(
                i + 1,
                burst.openBefore(),
                burst.asked(),
                burst.accepted(),
                burst.failed(),
                burst.retried(),
                Tables.number(burst.seconds()) + (burst.allSettled() ? "" : " (cut off)"),
                Tables.number(burst.before().p50Ms())
                    + " / "
                    + Tables.number(burst.before().maxMs()),
                Tables.number(burst.during().p50Ms())
                    + " / "
                    + Tables.number(burst.during().maxMs()),
                (burst.during().sent() - burst.during().delivered())
                    + " of "
                    + burst.during().sent(),
                chatWarCpu(burst.cpuPercent())));
      }
    }
    md.append("\nCPU over each step's idle window, % of one core:\n\n")
        .append(Tables.cpu("sockets asked", steps, Step::asked, Step::cpuPercent));
    md.append("\nWhy sockets failed or were closed, by step (cumulative):\n\n");
    for (Step s : steps) {
      md.append(
          String.format(
              "- %d: failed %s; closed by code %s%n",
              s.asked(), s.sockets().failures(), s.sockets().closes()));
    }
    return md.toString();
  }

  private String chatWarCpu(Map<String, Double> cpu) {
    return steps.isEmpty()
        ? "-"
        : steps.get(0).servers().stream()
            .map(server -> Tables.percent(cpu.get(server.name())))
            .collect(Collectors.joining(" / "));
  }

  JsonObject json() {
    JsonArrayBuilder rows = Json.createArrayBuilder();
    for (Step s : steps) {
      JsonArrayBuilder servers = Json.createArrayBuilder();
      for (int i = 0; i < s.servers().size(); i++) {
        ConnectionsServer.Reading r = s.readings().get(i);
        servers.add(
            Json.createObjectBuilder()
                .add("name", s.servers().get(i).name())
                .add("pid", s.servers().get(i).pid())
                .add("rssKib", r.rssKib())
                .add("heapAfterGcKib", r.heapAfterGcKib())
                .add("openFiles", r.openFiles())
                .add("cpuPercent", s.cpuPercent().getOrDefault(s.servers().get(i).name(), -1.0)));
      }
      rows.add(
          Json.createObjectBuilder()
              .add("socketsAsked", s.asked())
              .add("sockets", sockets(s.sockets()))
              .add("connectSeconds", s.connectSeconds())
              .add("allSettled", s.allSettled())
              .add("servers", servers)
              .add("cpuPercent", map(s.cpuPercent()))
              .add("idleFramesPerSecond", s.idleFramesPerSecond())
              .add("idleKibPerSecond", s.idleKibPerSecond())
              .add("probes", probes(s.probes())));
    }
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("benchmark", "connections")
            .add("startedAt", started.toString())
            .add("cores", Runtime.getRuntime().availableProcessors())
            .add(
                "options",
                Json.createObjectBuilder()
                    .add("steps", Json.createArrayBuilder(options.steps()))
                    .add("perUser", options.perUser())
                    .add("idleSeconds", options.idleSeconds())
                    .add("probes", options.probes())
                    .add("probePairs", options.probePairs())
                    .add("burst", options.burst())
                    .add("bursts", options.bursts())
                    .add("burstSpreadMillis", options.burstSpread())
                    .add("burstAfter", options.burstAfter())
                    .add("burstRate", options.burstRate())
                    .add("parallel", options.parallel())
                    .add("chatUrls", Json.createArrayBuilder(options.chatUrls())))
            .add("steps", rows);
    JsonArrayBuilder burstRows = Json.createArrayBuilder();
    for (Burst burst : bursts) {
      burstRows.add(
          Json.createObjectBuilder()
              .add("openBefore", burst.openBefore())
              .add("asked", burst.asked())
              .add("accepted", burst.accepted())
              .add("failed", burst.failed())
              .add("retried", burst.retried())
              .add("seconds", burst.seconds())
              .add("allSettled", burst.allSettled())
              .add("probesBefore", probes(burst.before()))
              .add("probesDuring", probes(burst.during()))
              .add("cpuPercent", map(burst.cpuPercent())));
    }
    json.add("bursts", burstRows);
    return json.build();
  }

  private static JsonObjectBuilder sockets(ConnectionsFleet.Status s) {
    JsonObjectBuilder failures = Json.createObjectBuilder();
    s.failures().forEach(failures::add);
    JsonObjectBuilder closes = Json.createObjectBuilder();
    s.closes().forEach(closes::add);
    return Json.createObjectBuilder()
        .add("added", s.added())
        .add("accepted", s.accepted())
        .add("open", s.open())
        .add("firstFrameNotOnlineUsers", s.notOnlineFirst())
        .add("failed", s.failed())
        .add("closedByServer", s.closed())
        .add("failures", failures)
        .add("closeCodes", closes)
        .add("framesReceived", s.frames())
        .add("bytesReceived", s.bytes());
  }

  private static JsonObjectBuilder probes(ConnectionsProbes.Result p) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("sent", p.sent())
            .add("created", p.created())
            .add("delivered", p.delivered());
    if (p.delivered() > 0) {
      json.add("p50Ms", p.p50Ms()).add("maxMs", p.maxMs());
    }
    return json;
  }

  private static JsonObjectBuilder map(Map<String, Double> values) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    values.forEach(json::add);
    return json;
  }

  /** Writes {@code connections.json} and {@code connections.md} into the folder. */
  List<Path> write(Path folder) throws IOException {
    return Tables.write(folder, "connections", json(), markdown());
  }

  private static <T> String each(List<T> items, Function<T, String> cell) {
    return items.stream().map(cell).collect(Collectors.joining(" / "));
  }

  private static String kibToMib(long kib) {
    return kib < 0 ? "-" : Long.toString(Math.round(kib / 1024.0));
  }
}
