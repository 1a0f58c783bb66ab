package dev.talkbook.ui;

import dev.talkbook.core.common.AtomicFile;
import dev.talkbook.core.common.NotebookFileName;
import dev.talkbook.ui.editor.EditorView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the caret, the selection and the scroll were left in each talk of one notebook, kept across
 * restarts for the {@link #LIMIT} talks visited most recently. Window state, not notes: a file of
 * its own for each notebook in the config folder, beside the settings ({@code places/<hash of the
 * notebook's path>.places}), never in the notebook. A file that cannot be read, is not one of these
 * or is another notebook's is ignored (and replaced at the next write); a line that does not read
 * is skipped. Changes are written soon after, on {@link #writeChangesOn}'s executor (one write for
 * a burst), and by {@link #flush}. Thread-safe.
 *
 * <p>The file: a first line {@value #HEADER}, a line {@code notebook <absolute path>}, then one
 * line a talk, the most recent first: {@code <talk id> <anchor> <caret> <top paragraph>}.
 */
final class TalkPlaces {
  private static final System.Logger LOG = System.getLogger(TalkPlaces.class.getName());

  /** The file's first line. */
  static final String HEADER = "talkbook-places 1";

  /** How many talks' places are kept (the most recently visited). */
  static final int LIMIT = 200;

  /** The largest file read: {@link #LIMIT} lines of four numbers fit many times over. */
  private static final long MAX_BYTES = 256 * 1024;

  private final Path file;
  private final String notebook;

  /** The places, the least recently visited first. Guarded by itself. */
  private final LinkedHashMap<Long, EditorView.Place> places = new LinkedHashMap<>();

  private final AtomicBoolean writeAsked = new AtomicBoolean();
  private volatile Executor writer;

  private TalkPlaces(Path file, String notebook) {
    this.file = file;
    this.notebook = notebook;
  }

  /**
   * The places kept for {@code notebook} in {@code folder} (the config folder): none when there is
   * no file yet or it cannot be read. Reads a small file (at most {@link #LIMIT} short lines).
   */
  static TalkPlaces load(Path folder, Path notebook) {
    String path = notebook.toAbsolutePath().normalize().toString();
    TalkPlaces kept =
        new TalkPlaces(
            folder.resolve("places").resolve(NotebookFileName.of(notebook, "places")), path);
    kept.read();
    return kept;
  }

  /** Where the places are written. */
  Path file() {
    return file;
  }

  private void read() {
    if (!Files.isRegularFile(file)) {
      return;
    }
    List<String> lines;
    try {
      if (Files.size(file) > MAX_BYTES) {
        LOG.log(System.Logger.Level.WARNING, "ignored the places in " + file + ": too large");
        return;
      }
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "could not read the places in " + file, e);
      return;
    }
    if (lines.size() < 2
        || !lines.get(0).equals(HEADER)
        || !lines.get(1).equals("notebook " + notebook)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "ignored " + file + ": not the places of " + notebook + " (replaced at the next write)");
      return;
    }
    List<Map.Entry<Long, EditorView.Place>> read = new ArrayList<>();
    for (String line : lines.subList(2, lines.size())) {
      Map.Entry<Long, EditorView.Place> entry = parse(line);
      if (entry != null && read.size() < LIMIT) {
        read.add(entry);
      }
    }
    synchronized (places) {
      for (int i = read.size() - 1; i >= 0; i--) { // the file has the most recent first
        places.remove(read.get(i).getKey());
        places.put(read.get(i).getKey(), read.get(i).getValue());
      }
    }
  }

  /** A line of the file, or null when it is not one. */
  private static Map.Entry<Long, EditorView.Place> parse(String line) {
    String[] parts = line.strip().split(" ");
    if (parts.length != 4) {
      return null;
    }
    try {
      long talk = Long.parseLong(parts[0]);
      int anchor = Integer.parseInt(parts[1]);
      int caret = Integer.parseInt(parts[2]);
      int top = Integer.parseInt(parts[3]);
      if (talk < 0 || anchor < 0 || caret < 0 || top < 0) {
        return null;
      }
      return Map.entry(talk, new EditorView.Place(anchor, caret, top));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Where the caret and scroll were left in talk {@code talkId}; null when not known. */
  EditorView.Place get(long talkId) {
    synchronized (places) {
      return places.get(talkId);
    }
  }

  /** Whether no place is kept. */
  boolean isEmpty() {
    synchronized (places) {
      return places.isEmpty();
    }
  }

  /** Keeps {@code place} for talk {@code talkId}, as the most recently visited. */
  void put(long talkId, EditorView.Place place) {
    synchronized (places) {
      boolean wasNewest = isNewest(talkId);
      EditorView.Place before = places.remove(talkId);
      places.put(talkId, place);
      if (places.size() > LIMIT) {
        places.remove(places.keySet().iterator().next());
      }
      if (wasNewest && place.equals(before)) {
        return; // nothing changed: no write
      }
    }
    askWrite();
  }

  /** The talks {@code talkIds} were deleted: their places go. */
  void forget(java.util.Collection<Long> talkIds) {
    synchronized (places) {
      if (!places.keySet().removeAll(talkIds)) {
        return;
      }
    }
    askWrite();
  }

  /** Talk {@code talkId} was visited: its place (if one is kept) is the last to be dropped. */
  void visited(long talkId) {
    synchronized (places) {
      if (isNewest(talkId)) {
        return;
      }
      EditorView.Place place = places.remove(talkId);
      if (place == null) {
        return;
      }
      places.put(talkId, place);
    }
    askWrite();
  }

  private boolean isNewest(long talkId) {
    Long newest = null;
    for (Long id : places.keySet()) {
      newest = id;
    }
    return newest != null && newest == talkId;
  }

  /** From now on each change is written out soon after, on {@code executor}. */
  void writeChangesOn(Executor executor) {
    writer = executor;
  }

  private void askWrite() {
    Executor to = writer;
    if (to != null && writeAsked.compareAndSet(false, true)) {
      try {
        to.execute(
            () -> {
              writeAsked.set(false);
              flush();
            });
      } catch (RejectedExecutionException closing) {
        writeAsked.set(false); // the window is closing: it flushes itself
      }
    }
  }

  /** Writes the places out (atomically); a failure costs only remembered places, and is logged. */
  void flush() {
    synchronized (this) { // one write at a time, each of the places as they are when it begins
      write();
    }
  }

  private void write() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("notebook ").append(notebook).append('\n');
    synchronized (places) {
      List<Map.Entry<Long, EditorView.Place>> entries = new ArrayList<>(places.entrySet());
      for (int i = entries.size() - 1; i >= 0; i--) {
        EditorView.Place p = entries.get(i).getValue();
        text.append(entries.get(i).getKey())
            .append(' ')
            .append(p.anchor())
            .append(' ')
            .append(p.caret())
            .append(' ')
            .append(p.top())
            .append('\n');
      }
    }
    try {
      Path folder = file.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      AtomicFile.writeString(file, text, AtomicFile.Option.OWNER_ONLY);
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "could not save the places in the notes to " + file, e);
    }
  }
}
