package dev.talkbook.bench;

import dev.talkbook.core.common.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code docs/benchmarks.md}: an introduction, then one section per benchmark group. */
public final class BenchDoc {
  private BenchDoc() {}

  /** The start of a new file. */
  static final String INTRO =
      """
      # Benchmarks

      How fast Talkbook's core is on realistically large notebooks. The JMH benchmarks in
      `src/bench/java` write this file themselves, with the date and the machine of each run:

      ```
      ./mvnw -B -Pbench -DskipTests verify                               # every group
      ./mvnw -B -Pbench -DskipTests verify -Dbench.args=notebook-store   # only the named groups (comma list)
      ```

      Each group of benchmarks owns one section, between `<!-- bench:NAME -->` and
      `<!-- /bench:NAME -->`; a run rewrites only the sections of the groups it ran, so write
      anything by hand outside the markers. Figures are comparable only between runs on the same
      machine. The benchmarks never run with the tests (`./mvnw -B verify`).
      """;

  static String begin(String group) {
    return "<!-- bench:" + group + " -->";
  }

  static String end(String group) {
    return "<!-- /bench:" + group + " -->";
  }

  /**
   * {@code text} with the section of {@code group} replaced by {@code body} (or, when it has none
   * yet, with the section added at the end).
   */
  static String withSection(String text, String group, String body) {
    String begin = begin(group);
    String end = end(group);
    String section = begin + "\n" + body.strip() + "\n" + end;
    int from = text.indexOf(begin);
    int to = from < 0 ? -1 : text.indexOf(end, from);
    if (from >= 0 && to > from) {
      return text.substring(0, from) + section + text.substring(to + end.length());
    }
    return text.stripTrailing() + "\n\n" + section + "\n";
  }

  /** Rewrites the section of {@code group} in the file at {@code doc}, creating the file. */
  public static void writeSection(Path doc, String group, String body) throws IOException {
    String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : INTRO;
    String updated = withSection(text, group, body);
    Files.createDirectories(doc.toAbsolutePath().getParent());
    AtomicFile.writeString(doc, updated);
  }
}
