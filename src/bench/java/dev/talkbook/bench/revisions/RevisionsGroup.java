package dev.talkbook.bench.revisions;

import dev.talkbook.bench.BenchmarkGroup;
import dev.talkbook.bench.RunInfo;
import dev.talkbook.bench.store.NotebookBuilder;
import dev.talkbook.cli.TalkbookCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code revisions}: how much a notebook grows when a large note is edited from the command line
 * again and again. 150 times {@code talkbook talk edit TALK --notes-file FILE} (run in this JVM
 * through the command line's own entry, {@code TalkbookCommand.run}) with a note of about 2.5 MB,
 * each edit changing one line and adding one; then the notebook's size on disk.
 */
public final class RevisionsGroup implements BenchmarkGroup {
  static final int EDITS = 150;
  static final int LINES = 50_000;

  @Override
  public String name() {
    return "revisions";
  }

  /** The note after {@code n} edits: one line changed, {@code n} lines added. */
  static String note(int n) {
    StringBuilder b = new StringBuilder(2_600_000);
    for (int i = 0; i < LINES; i++) {
      b.append("- point ")
          .append(i)
          .append(i == (n * 331) % LINES ? " (edited in edit " + n + ")" : "")
          .append(": what the speaker said, with a few words of my own\n");
    }
    for (int i = 1; i <= n; i++) {
      b.append("- added in edit ").append(i).append('\n');
    }
    return b.toString();
  }

  @Override
  public String run(RunInfo run) throws Exception {
    Path work = Files.createTempDirectory("talkbook-bench-revisions");
    long size;
    long noteBytes;
    long millis;
    try {
      Path notebook = work.resolve("edits.talkbook");
      String nb = notebook.toString();
      Path file = work.resolve("note.md");
      check(TalkbookCommand.run("--notebook", nb, "event", "add", "--title", "Edits"));
      Files.writeString(file, note(0), StandardCharsets.UTF_8);
      check(
          TalkbookCommand.run(
              "--notebook",
              nb,
              "talk",
              "add",
              "--event",
              "1",
              "--title",
              "Big",
              "--notes-file",
              file.toString()));
      noteBytes = Files.size(file);
      long started = System.nanoTime();
      for (int n = 1; n <= EDITS; n++) {
        Files.writeString(file, note(n), StandardCharsets.UTF_8);
        check(
            TalkbookCommand.run(
                "--notebook", nb, "talk", "edit", "1", "--notes-file", file.toString()));
      }
      millis = (System.nanoTime() - started) / 1_000_000;
      size = Files.size(notebook);
    } finally {
      NotebookBuilder.deleteTree(work);
    }
    System.out.printf(
        Locale.ROOT, "%d edits of a %,d-byte note: notebook %,d bytes%n", EDITS, noteBytes, size);
    StringBuilder b = new StringBuilder(run.preamble()).append("\n\n");
    b.append("| figure | value |\n|---|---:|\n");
    b.append(String.format(Locale.ROOT, "| note size | %,d bytes |%n", noteBytes));
    b.append(
        String.format(
            Locale.ROOT,
            "| notebook after %d `talk edit --notes-file` (one line changed, one added each) |"
                + " %,d bytes (%.1f MB) |%n",
            EDITS,
            size,
            size / 1e6));
    b.append(
        String.format(
            Locale.ROOT,
            "| time for the %d edits (in one JVM, notebook opened and closed each time) | %,d ms |%n",
            EDITS,
            millis));
    b.append(
        "\nEach edit keeps a checkpoint revision. Revisions are kept as changes against the next"
            + " one (ADR 0012); before that, each was a whole copy. See `docs/reliability.md` for the"
            + " figure from before.\n");
    return b.toString();
  }

  private static void check(int exitCode) {
    if (exitCode != 0) {
      throw new IllegalStateException("a talkbook command failed: exit " + exitCode);
    }
  }
}
