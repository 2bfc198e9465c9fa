package io.chatapp.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How the benchmarks' reports write their figures, so that {@link Report} and {@link
 * ConnectionsReport} read alike: the one-line summary of a round, the Markdown tables, and the JSON
 * and Markdown files.
 */
final class Tables {

  private Tables() {}

  /** The cells on one line, each after its column's name: {@code a 1, b 2}. */
  static String summary(List<String> columns, List<Object> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      line.append(i == 0 ? "" : ", ").append(columns.get(i)).append(' ').append(cells.get(i));
    }
    return line.toString();
  }

  /**
   * A Markdown table's head: the columns' names, then every column right-aligned but the last,
   * which is aligned as {@code lastAlignment} says ({@code ---:} or {@code :---:}).
   */
  static String head(List<String> columns, String lastAlignment) {
    return "| "
        + String.join(" | ", columns)
        + " |\n|"
        + "---:|".repeat(columns.size() - 1)
        + lastAlignment
        + "|\n";
  }

  /** One row of a Markdown table. */
  static String row(Object... cells) {
    StringBuilder row = new StringBuilder("|");
    for (Object cell : cells) {
      row.append(' ').append(cell).append(" |");
    }
    return row.append('\n').toString();
  }

  /**
   * The table of CPU use: a row for each of {@code rows}, named by {@code key} under {@code
   * keyColumn}, and a column for each process any row measured.
   */
  static <T> String cpu(
      String keyColumn,
      List<T> rows,
      Function<T, Object> key,
      Function<T, Map<String, Double>> cpuPercent) {
    StringBuilder md = new StringBuilder();
    Set<String> names = new LinkedHashSet<>();
    rows.forEach(r -> names.addAll(cpuPercent.apply(r).keySet()));
    md.append("| ")
        .append(keyColumn)
        .append(" | ")
        .append(String.join(" | ", names))
        .append(" |\n");
    md.append("|---:|").append("---:|".repeat(names.size())).append('\n');
    for (T r : rows) {
      List<Object> cells = new ArrayList<>(List.of(key.apply(r)));
      names.forEach(name -> cells.add(percent(cpuPercent.apply(r).get(name))));
      md.append(row(cells.toArray()));
    }
    return md.toString();
  }

  /** A figure with one decimal below 10 and none from there, or {@code -} for none. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return value < 10 ? String.format("%.1f", value) : String.format("%.0f", value);
  }

  static String percent(Double value) {
    return value == null ? "-" : String.format("%.0f", value);
  }

  /** Writes {@code name.json} (pretty-printed) and {@code name.md} into the folder. */
  static List<Path> write(Path folder, String name, JsonObject json, String markdown)
      throws IOException {
    Files.createDirectories(folder);
    StringWriter text = new StringWriter();
    try (JsonWriter writer =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
      writer.writeObject(json);
    }
    Path jsonFile = Files.writeString(folder.resolve(name + ".json"), text + "\n");
    Path mdFile = Files.writeString(folder.resolve(name + ".md"), markdown);
    return List.of(jsonFile, mdFile);
  }
}
