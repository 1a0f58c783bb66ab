package dev.talkbook.cli;

import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.store.Notebook;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Kills writing commands with SIGKILL at random moments, including while they close the notebook,
 * and opens the notebook after each kill as the next command would. Counts opens that were refused,
 * notes that are neither the text before nor the text after the killed write (mixed), and notebooks
 * SQLite's check finds unsound. Used by the test suite (a few dozen cycles) and by the {@code
 * crash} benchmark group (hundreds).
 */
public final class CrashCycles {
  private CrashCycles() {}

  /** What the cycles found. */
  public record Result(
      int cycles,
      int killedBeforeSaved,
      int killedWhileClosing,
      int finished,
      int leftPendingWrites,
      int refusedOpens,
      int cyclesRefused,
      int mixedNotes,
      int unsound,
      List<String> problems) {
    @Override
    public String toString() {
      return cycles
          + " cycles (2 not killed, "
          + killedBeforeSaved
          + " killed before the save was reported, "
          + killedWhileClosing
          + " after it, while closing; "
          + finished
          + " ended before the kill; "
          + leftPendingWrites
          + " left a -journal or -wal to recover): "
          + refusedOpens
          + " refused opens (after "
          + cyclesRefused
          + " kills), "
          + mixedNotes
          + " mixed notes, "
          + unsound
          + " unsound notebooks"
          + (problems.isEmpty()
              ? ""
              : "\n  " + String.join("\n  ", problems.subList(0, Math.min(10, problems.size()))));
    }
  }

  /**
   * After a refused open, lets SQLite recover the file (as opening it once with the {@code sqlite3}
   * shell does), so that the next cycles count their own refusals, not this one's again.
   */
  private static void recoverAsTheSqliteShellWould(Path notebook) throws java.sql.SQLException {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + notebook);
        var s = c.createStatement()) {
      s.executeQuery("SELECT count(*) FROM sqlite_schema").close();
    }
  }

  private static boolean pending(Path notebook, String suffix) throws IOException {
    Path file = notebook.resolveSibling(notebook.getFileName() + suffix);
    return Files.exists(file) && Files.size(file) > 0;
  }

  /** Notes of about {@code size} characters, every line naming the version, so mixing shows. */
  static String notes(int version, int size) {
    StringBuilder b = new StringBuilder(size + 100);
    int line = 0;
    while (b.length() < size) {
      b.append("- version ").append(version).append(", line ").append(line++).append(": notes\n");
    }
    return b.toString();
  }

  /**
   * Runs {@code cycles} kill cycles on a new notebook in {@code dir}. Half the kills land at a
   * random moment of the whole run, half within 60 ms after the command printed that it saved,
   * while it closes the notebook.
   */
  public static Result run(Path dir, int cycles, long seed, int notesSize) throws Exception {
    Random random = new Random(seed);
    Path notebook = dir.resolve("crash.talkbook");
    String nb = notebook.toString();
    if (TalkbookCommand.run("--notebook", nb, "event", "add", "--title", "Crash") != 0
        || TalkbookCommand.run("--notebook", nb, "talk", "add", "--event", "1", "--title", "T")
            != 0) {
      throw new IllegalStateException("could not set up " + notebook);
    }
    String current = "";
    long runMillis = 0;
    long closeMillis = 0;
    int beforeSaved = 0;
    int whileClosing = 0;
    int finished = 0;
    int leftPending = 0;
    int refused = 0;
    int cyclesRefused = 0;
    int mixed = 0;
    int unsound = 0;
    List<String> problems = new ArrayList<>();
    for (int cycle = 1; cycle <= cycles; cycle++) {
      String next = notes(cycle, notesSize);
      Path file = dir.resolve("notes.md");
      Files.writeString(file, next, StandardCharsets.UTF_8);
      boolean afterSave = cycle % 2 == 0;
      long started = System.nanoTime();
      Process p =
          new ProcessBuilder(
                  ChildTalkbook.command(
                      "--notebook", nb, "talk", "edit", "1", "--notes-file", file.toString()))
              .redirectErrorStream(true)
              .start();
      CompletableFuture<Void> saved = new CompletableFuture<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = in.readLine()) != null) {
                    if (line.startsWith("Saved talk")) {
                      saved.complete(null);
                    }
                  }
                } catch (IOException e) {
                  // the process was killed
                } finally {
                  saved.complete(null); // or ended without saying it saved
                }
              });
      reader.setDaemon(true);
      reader.start();
      if (runMillis == 0) {
        // The first run is not killed: it says how long a run takes here.
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new IllegalStateException("talk edit failed: exit " + p.exitValue());
        }
        runMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        finished++;
      } else if (afterSave) {
        try {
          saved.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException
            | java.util.concurrent.TimeoutException e) {
          // ended without saying it saved: counted below
        }
        Thread.sleep(random.nextInt(60));
        if (p.isAlive()) {
          whileClosing++;
        } else {
          finished++;
        }
        p.destroyForcibly();
      } else {
        Thread.sleep((long) (random.nextDouble() * runMillis));
        if (!p.isAlive()) {
          finished++;
        } else if (saved.isDone()) {
          whileClosing++;
        } else {
          beforeSaved++;
        }
        p.destroyForcibly();
      }
      p.waitFor(60, TimeUnit.SECONDS);
      reader.join(10_000);

      // Open it as the next commands would: a reading one (read-only), then a writing one.
      if (pending(notebook, "-journal") || pending(notebook, "-wal")) {
        leftPending++;
      }
      String body = null;
      int refusedBefore = refused;
      for (boolean readOnly : new boolean[] {true, false}) {
        try (Notebook n =
            Notebook.open(
                notebook, Notebook.Options.defaults().withReadOnly(readOnly).withCreate(false))) {
          String read = n.talks().get(1).body();
          if (body == null) {
            body = read;
          } else if (!body.equals(read)) {
            problems.add("cycle " + cycle + ": read-only and writable opens read different notes");
            mixed++;
          }
          if (!readOnly && !n.check().isEmpty()) {
            unsound++;
            problems.add("cycle " + cycle + ": unsound: " + n.check());
          }
        } catch (NotebookException e) {
          refused++;
          problems.add("cycle " + cycle + (readOnly ? " (read-only)" : "") + ": " + e.getMessage());
          if (!readOnly) {
            recoverAsTheSqliteShellWould(notebook);
          }
        }
      }
      if (body == null || refusedBefore != refused) {
        cyclesRefused++;
      }
      if (body == null) {
        // Refused: recovered above as the sqlite3 shell would; read what is there now.
        try (Notebook n = Notebook.open(notebook, Notebook.Options.defaults().withCreate(false))) {
          body = n.talks().get(1).body();
        }
      }
      if (body != null) {
        if (body.equals(next)) {
          current = next;
        } else if (!body.equals(current)) {
          mixed++;
          problems.add("cycle " + cycle + ": notes are neither the old nor the new text");
          current = body;
        }
      }
    }
    return new Result(
        cycles,
        beforeSaved,
        whileClosing,
        finished,
        leftPending,
        refused,
        cyclesRefused,
        mixed,
        unsound,
        problems);
  }
}
