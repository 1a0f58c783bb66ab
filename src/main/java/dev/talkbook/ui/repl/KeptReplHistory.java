package dev.talkbook.ui.repl;

import dev.talkbook.core.common.AtomicFile;
import dev.talkbook.core.common.NotebookFileName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The REPL's history (the inputs run, for Up and Ctrl+Up) of one notebook, kept across restarts as
 * jshell keeps its own: a speaker whose laptop crashed or who quit mid-demo walks back to the
 * snippets run before instead of typing them again on stage. Window state, not notes: a file of its
 * own for each notebook in the config folder, beside the settings ({@code repl-history/<hash of the
 * notebook's path>.history}), never in the notebook. Written soon after each change on the executor
 * given (one write for a burst, atomically), so a kill -9 loses at most the last moment's inputs. A
 * file that cannot be read, is not one of these or is another notebook's is ignored (and replaced
 * at the next write). Thread-safe.
 *
 * <p>The file: a first line {@value #HEADER}, a line {@code notebook <absolute path>}, then one
 * line an input, the oldest first, with {@code \} written {@code \\}, a line break {@code \n} and a
 * carriage return {@code \r}.
 */
public final class KeptReplHistory {
  private static final System.Logger LOG = System.getLogger(KeptReplHistory.class.getName());

  /** The file's first line. */
  static final String HEADER = "talkbook-repl-history 1";

  /** The largest file read: {@link ReplHistory#MAX} inputs of a few KB each. */
  static final long MAX_BYTES = 4L * 1024 * 1024;

  /** The longest input kept in the file (a pasted data file is not a snippet to walk back to). */
  static final int INPUT_CHARS = 100_000;

  private final Path file;
  private final String notebook;
  private final Executor writer;
  private final AtomicBoolean writeAsked = new AtomicBoolean();

  /** The inputs to write next; guarded by this. */
  private List<String> latest;

  private KeptReplHistory(Path file, String notebook, Executor writer) {
    this.file = file;
    this.notebook = notebook;
    this.writer = writer;
  }

  /**
   * The history of {@code notebook} kept in {@code folder} (the config folder), written out on
   * {@code writer}. Reads nothing yet: {@link #read} does, off the FX thread.
   */
  public static KeptReplHistory of(Path folder, Path notebook, Executor writer) {
    String path = notebook.toAbsolutePath().normalize().toString();
    return new KeptReplHistory(
        folder.resolve("repl-history").resolve(NotebookFileName.of(notebook, "history")),
        path,
        writer);
  }

  /** Where the history is written. */
  public Path file() {
    return file;
  }

  /**
   * The inputs kept, the oldest first; none when there is no file yet or it cannot be read
   * (logged). Reads a file: not on the FX thread.
   */
  public List<String> read() {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<String> lines;
    try {
      if (Files.size(file) > MAX_BYTES) {
        LOG.log(System.Logger.Level.WARNING, "ignored the REPL history in " + file + ": too large");
        return List.of();
      }
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "could not read the REPL history in " + file, e);
      return List.of();
    }
    if (lines.size() < 2
        || !lines.get(0).equals(HEADER)
        || !lines.get(1).equals("notebook " + notebook)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "ignored "
              + file
              + ": not the REPL history of "
              + notebook
              + " (replaced at the next write)");
      return List.of();
    }
    List<String> inputs = new ArrayList<>();
    for (String line : lines.subList(2, lines.size())) {
      if (!line.isBlank()) {
        inputs.add(unescape(line));
      }
    }
    return inputs.size() > ReplHistory.MAX
        ? List.copyOf(inputs.subList(inputs.size() - ReplHistory.MAX, inputs.size()))
        : List.copyOf(inputs);
  }

  /**
   * Keeps {@code inputs} (the history as it is now, the oldest first): written soon after on the
   * writer; written here when the writer no longer takes work (the window is closing).
   */
  public void keep(List<String> inputs) {
    synchronized (this) {
      latest = List.copyOf(inputs);
    }
    if (writeAsked.compareAndSet(false, true)) {
      try {
        writer.execute(
            () -> {
              writeAsked.set(false);
              flush();
            });
      } catch (RejectedExecutionException closing) {
        writeAsked.set(false);
        flush();
      }
    }
  }

  /** Writes what {@link #keep} was last given, atomically; a failure is logged (only Up loses). */
  public synchronized void flush() {
    if (latest == null) {
      return;
    }
    // The newest inputs that fit in what read() takes (a few pasted megabytes must not make the
    // whole file unreadable); an input larger than INPUT_CHARS alone is left out.
    List<String> lines = new ArrayList<>();
    long bytes = 0;
    for (int i = latest.size() - 1; i >= 0; i--) {
      if (latest.get(i).length() > INPUT_CHARS) {
        continue;
      }
      String line = escape(latest.get(i));
      bytes += (long) line.getBytes(StandardCharsets.UTF_8).length + 1;
      if (bytes > MAX_BYTES - 64 * 1024) {
        break;
      }
      lines.add(line);
    }
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("notebook ").append(notebook).append('\n');
    for (int i = lines.size() - 1; i >= 0; i--) {
      text.append(lines.get(i)).append('\n');
    }
    latest = null;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      AtomicFile.writeString(file, text, AtomicFile.Option.OWNER_ONLY);
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "could not save the REPL history to " + file, e);
    }
  }

  /** {@code input} on one line: {@code \} as {@code \\}, line breaks as {@code \n}, {@code \r}. */
  static String escape(String input) {
    StringBuilder out = new StringBuilder(input.length() + 8);
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The input a line of the file holds ({@link #escape} undone; a lone {@code \} stays). */
  static String unescape(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(i + 1);
        switch (next) {
          case 'n' -> {
            out.append('\n');
            i++;
          }
          case 'r' -> {
            out.append('\r');
            i++;
          }
          case '\\' -> {
            out.append('\\');
            i++;
          }
          default -> out.append(c);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
