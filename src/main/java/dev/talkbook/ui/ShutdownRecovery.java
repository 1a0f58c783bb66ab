package dev.talkbook.ui;

import dev.talkbook.core.common.NotebookFileName;
import dev.talkbook.core.common.PathProblems;
import dev.talkbook.ui.talk.EditorSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The last resort of the shutdown hook: notes that could not be saved in the notebook before the
 * process ends are written to a Markdown file beside the notebook (or, failing that, in the
 * temporary folder), and the log (stderr) says where. Nothing typed is dropped silently.
 */
final class ShutdownRecovery {
  private static final System.Logger LOG = System.getLogger(ShutdownRecovery.class.getName());

  private ShutdownRecovery() {}

  /**
   * The shutdown hook's save of the open talk's notes: {@code save} runs on a thread of its own for
   * at most {@code nanos}; when it fails or takes longer, what {@code unsaved} then says is not in
   * the notebook is written to a file ({@link #write}). A {@code readOnly} notebook's window cannot
   * change its notes: nothing is saved, nothing kept. Returns whether the notes are in the notebook
   * (it may then be closed).
   */
  static boolean saveOrKeep(
      Path notebook,
      boolean readOnly,
      Runnable save,
      java.util.function.Supplier<EditorSession.Unsaved> unsaved,
      long nanos,
      Path fallback)
      throws InterruptedException {
    if (readOnly) {
      return true;
    }
    try {
      onOwnThread(save).get(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
      return true;
    } catch (java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException failed) {
      write(notebook, unsaved.get(), failed, fallback);
      return false;
    }
  }

  /** Runs {@code work} on a daemon thread of its own (the FX thread may be busy or gone). */
  static java.util.concurrent.CompletableFuture<Void> onOwnThread(Runnable work) {
    return java.util.concurrent.CompletableFuture.runAsync(
        work,
        r -> {
          Thread t = new Thread(r, "talkbook-shutdown-save");
          t.setDaemon(true);
          t.start();
        });
  }

  /** Writes {@code unsaved} (nothing when null); returns the file written, or null. */
  static Path write(Path notebook, EditorSession.Unsaved unsaved, Throwable why) {
    return write(notebook, unsaved, why, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** The same, with {@code fallback} in place of the temporary folder. */
  static Path write(Path notebook, EditorSession.Unsaved unsaved, Throwable why, Path fallback) {
    if (unsaved == null) {
      return null;
    }
    String name =
        notebook.getFileName()
            + ".unsaved-"
            + unsaved.talk().id()
            + "-"
            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
            + ".md";
    String markdown = dev.talkbook.ui.talk.ClosingGuard.markdownOf(unsaved.talk(), unsaved.text());
    String reason = why == null ? "" : " (" + (why.getCause() != null ? why.getCause() : why) + ")";
    // In the shared temporary folder the name also says which notebook's (of the same name).
    for (Path file :
        new Path[] {
          notebook.toAbsolutePath().resolveSibling(name),
          fallback.resolve(tag(notebook) + "-" + name)
        }) {
      try {
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        LOG.log(
            System.Logger.Level.ERROR,
            "the notes of “"
                + unsaved.talk().title()
                + "” could not be saved in the notebook before exiting"
                + reason
                + "; they are in "
                + file);
        return file;
      } catch (IOException e) {
        // A full disk leaves the file begun, empty or cut short: a user who finds it would take it
        // for the notes. It goes, and the next folder is tried.
        try {
          Files.deleteIfExists(file);
        } catch (IOException cannot) {
          e.addSuppressed(cannot);
        }
      }
    }
    LOG.log(
        System.Logger.Level.ERROR,
        "the notes of “"
            + unsaved.talk().title()
            + "” could not be saved before exiting"
            + reason
            + ", nor written to a file.");
    return null;
  }

  private static final java.util.regex.Pattern KEPT_NAME =
      java.util.regex.Pattern.compile("\\.unsaved-(\\d{1,18})-(\\d{8}-\\d{6})\\.md$");

  /** The id of the talk whose notes {@code file} keeps, as its name says; -1 when it does not. */
  static long talkIdOf(Path file) {
    var m = KEPT_NAME.matcher(file.getFileName().toString());
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** The notebook's path as a short tag ({@code Settings} keys each notebook the same way). */
  private static String tag(Path notebook) {
    return dev.talkbook.core.store.NotesJournal.tag(notebook);
  }

  /**
   * The files this class wrote for {@code notebook}: beside it, and in {@code fallback} (named for
   * it there), oldest first. A folder that cannot be read finds nothing there ({@link #look} says
   * which and why).
   */
  static List<Path> kept(Path notebook, Path fallback) {
    return look(notebook, fallback).files();
  }

  /**
   * What looking for the files kept for a notebook found: the files, oldest first, and the folders
   * that could not be read (a folder that is not there is not one of them: nothing was kept in it).
   */
  record Looked(List<Path> files, List<Unreadable> unreadable) {}

  /** A folder or file that could not be read, and why in a user's words ("permission denied"). */
  record Unreadable(Path path, String why) {}

  /** {@link #kept}, with the folders that could not be read. Reads only; changes nothing. */
  static Looked look(Path notebook, Path fallback) {
    String name = notebook.getFileName() + ".unsaved-";
    List<Path> found = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    find(notebook.toAbsolutePath().getParent(), name, ".md", found, unreadable);
    find(fallback, tag(notebook) + "-" + name, ".md", found, unreadable);
    found.sort(java.util.Comparator.comparingLong(ShutdownRecovery::keptAt));
    return new Looked(List.copyOf(found), List.copyOf(unreadable));
  }

  /**
   * Adds the files in {@code folder} whose names start with {@code start} and end with {@code end}
   * (as written: a notebook's name may hold {@code [ ] { } * ?}) to {@code found}; a folder that
   * cannot be listed to {@code unreadable}, with why (one that is not there finds nothing).
   */
  static void find(
      Path folder, String start, String end, List<Path> found, List<Unreadable> unreadable) {
    if (folder == null) {
      return;
    }
    try (DirectoryStream<Path> files = NotebookFileName.filesIn(folder, start, end)) {
      files.forEach(found::add);
    } catch (NoSuchFileException e) {
      // No such folder: nothing was kept there.
    } catch (IOException | DirectoryIteratorException e) {
      unreadable.add(new Unreadable(folder, whyNotListed(e, folder)));
    }
  }

  /**
   * Why {@code folder} could not be listed, in a user's words: "permission denied", "/x/tmp is a
   * file, not a folder"; else the system's reason.
   */
  static String whyNotListed(Exception error, Path folder) {
    Throwable e = error instanceof DirectoryIteratorException d ? d.getCause() : error;
    if (e instanceof NotDirectoryException) {
      return PathProblems.fileInTheWayOfFolder(folder).orElse(folder + " is not a folder");
    }
    return reason(e);
  }

  /**
   * Why the kept file {@code file} could not be read, in a user's words: "permission denied", "it
   * is a folder, not a file", "it is no longer there, or it is a link to nothing"; else the
   * system's reason.
   */
  static String whyNotRead(Exception e, Path file) {
    if (e instanceof NoSuchFileException) {
      return "it is no longer there, or it is a link to nothing";
    }
    if (!(e instanceof AccessDeniedException) && Files.isDirectory(file)) {
      return "it is a folder, not a file";
    }
    return reason(e);
  }

  private static String reason(Throwable e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  /**
   * When {@code file} was kept (ms): when it was last written, else (a link to nothing, a folder
   * that may not be searched) the time its name says, else 0.
   */
  static long keptAt(Path file) {
    long modified = modified(file);
    if (modified != 0) {
      return modified;
    }
    var m = KEPT_NAME.matcher(file.getFileName().toString());
    if (!m.find()) {
      return 0;
    }
    try {
      return LocalDateTime.parse(m.group(2), DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
          .atZone(java.time.ZoneId.systemDefault())
          .toInstant()
          .toEpochMilli();
    } catch (java.time.DateTimeException e) {
      return 0;
    }
  }

  /** When {@code file} was last written (ms), 0 when that cannot be read. */
  static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
