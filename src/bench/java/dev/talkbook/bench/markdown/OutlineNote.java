package dev.talkbook.bench.markdown;

import java.util.Random;

/** Generated outline notes: headings, nested bullets (some tasks, inline code), code blocks. */
final class OutlineNote {
  private static final String[] WORDS =
      ("virtual thread carrier pinning scheduler loom structured concurrency scope fork join"
              + " executor monitor synchronized blocking socket latency throughput heap stack"
              + " continuation preview jep record pattern switch sealed interface module graal")
          .split(" ");

  private OutlineNote() {}

  /** About {@code lines} lines of outline notes. */
  static String generate(int lines, long seed) {
    Random r = new Random(seed);
    StringBuilder out = new StringBuilder("# Notes from the conference\n\n");
    int n = 2;
    int section = 0;
    while (n < lines) {
      section++;
      out.append("## Talk ").append(section).append(": ").append(words(r, 4)).append("\n\n");
      n += 2;
      int items = 20 + r.nextInt(40);
      int depth = 0;
      for (int i = 0; i < items && n < lines; i++) {
        depth = Math.max(0, Math.min(3, depth + r.nextInt(3) - 1));
        out.append("  ".repeat(depth)).append("- ");
        if (r.nextInt(10) == 0) {
          out.append(r.nextBoolean() ? "[ ] " : "[x] ");
        }
        out.append(words(r, 5 + r.nextInt(8)));
        if (r.nextInt(6) == 0) {
          out.append(" `").append(WORDS[r.nextInt(WORDS.length)]).append("()`");
        }
        out.append('\n');
        n++;
      }
      out.append('\n');
      n++;
      if (r.nextInt(3) == 0 && n < lines) {
        out.append("```java\ntry (var scope = new StructuredTaskScope<String>()) {\n")
            .append("  var a = scope.fork(() -> fetch(\"")
            .append(words(r, 1))
            .append("\"));\n  scope.join();\n}\n```\n\n");
        n += 7;
      }
    }
    return out.toString();
  }

  /** Outline notes of about {@code bytes} characters. */
  static String ofSize(int bytes, long seed) {
    String note = generate(bytes / 30, seed);
    while (note.length() < bytes) {
      note = note + note;
    }
    return note.substring(0, note.lastIndexOf('\n', bytes) + 1);
  }

  private static String words(Random r, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(WORDS[r.nextInt(WORDS.length)]);
    }
    return out.toString();
  }
}
