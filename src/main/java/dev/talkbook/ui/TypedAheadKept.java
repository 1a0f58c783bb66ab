package dev.talkbook.ui;

import dev.talkbook.core.common.AtomicFile;
import dev.talkbook.core.common.Counts;
import dev.talkbook.core.store.NotesJournal;
import dev.talkbook.ui.common.HeldKeys;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Keys typed for a talk that could then not be opened (Go to talk, or a letter on the navigator's
 * row: deleted meanwhile, the talk left could not be saved, a read error) are dropped, not sent
 * into the talk left; the text they typed is not dropped with them. It goes on the clipboard, or,
 * when the clipboard refuses it, into a file beside the notebook ({@code NAME.typed-TIME.txt}), and
 * the status bar says where, with the text, until dismissed. It leaves the talk's journal only once
 * it is in one of them.
 */
final class TypedAheadKept {
  private TypedAheadKept() {}

  /**
   * {@code journal} (the talk's, {@code OpenTalk.typedAhead}), whose text, should the keys be
   * dropped, goes on the clipboard (or, failing that, into a file beside {@code notebook}) and is
   * said in {@code status}.
   */
  static HeldKeys.Ahead of(HeldKeys.Ahead journal, long talkId, StatusBar status, Path notebook) {
    return new HeldKeys.Ahead() {
      @Override
      public void typed(String text) {
        journal.typed(text);
      }

      @Override
      public void gone() {
        journal.gone();
      }

      @Override
      public void dropped(String text) {
        String before = status.messageShown();
        keep(
            text,
            talkId,
            journal,
            TypedAheadKept::copy,
            notebook,
            ShutdownRecovery::onOwnThread,
            Platform::runLater,
            said -> status.showMessageUntilDismissed(said(before, said)));
      }
    };
  }

  /**
   * Keeps {@code text}, typed for a talk that could not be opened: on the clipboard ({@code
   * clipboard}, on the FX thread), else in a file beside {@code notebook} (or in the temporary
   * folder) written by {@code io}; only once it is in one of them is it taken out of {@code
   * journal}, whose file brings it back should Talkbook be killed meanwhile. {@code say} gets, on
   * {@code fx}, what the status bar says of where it is.
   */
  static void keep(
      String text,
      long talkId,
      HeldKeys.Ahead journal,
      Predicate<String> clipboard,
      Path notebook,
      Function<Runnable, CompletableFuture<Void>> io,
      Executor fx,
      Consumer<Where> say) {
    if (clipboard.test(text)) {
      journal.gone();
      say.accept(new Where(text, "", null));
      return;
    }
    Path[] written = new Path[1];
    String[] problem = {""};
    io.apply(
            () -> {
              try {
                written[0] = writeBeside(notebook, talkId, text);
              } catch (IOException | RuntimeException e) {
                problem[0] = e.getMessage() == null ? e.toString() : e.getMessage();
              }
            })
        .thenRunAsync(
            () -> {
              if (written[0] != null) {
                journal.gone();
              }
              say.accept(new Where(text, problem[0], written[0]));
            },
            fx);
  }

  /**
   * Where {@code text} was kept: on the clipboard ({@code file} null, {@code problem} empty), in
   * {@code file}, or nowhere but the journal ({@code problem} says why no file could be written).
   */
  record Where(String text, String problem, Path file) {}

  /**
   * Writes {@code text} to {@code NAME.typed-TALK-TIME.txt} beside the notebook ({@code TALK} the
   * id of the talk it was typed for), or, failing that, to {@code TAG-NAME.typed-TALK-TIME.txt} in
   * the temporary folder (the tag says which notebook's, as {@link ShutdownRecovery} names its
   * files there). A name another hold took in the same millisecond is left to it: the next free one
   * ({@code …-2.txt}) is taken. The text is forced to the disk ({@link AtomicFile}); a file this
   * call made and could not fill is removed, no other. When neither folder takes it, the exception
   * says why for each.
   */
  static Path writeBeside(Path notebook, long talkId, String text) throws IOException {
    return writeBeside(notebook, talkId, text, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** The same, with {@code fallback} in place of the temporary folder. */
  static Path writeBeside(Path notebook, long talkId, String text, Path fallback)
      throws IOException {
    return writeBeside(
        notebook,
        talkId,
        text,
        fallback,
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
  }

  /** The same, at {@code time} ({@code yyyyMMdd-HHmmss-SSS}). */
  static Path writeBeside(Path notebook, long talkId, String text, Path fallback, String time)
      throws IOException {
    String name = notebook.getFileName() + TYPED + talkId + "-" + time;
    Path folder = notebook.toAbsolutePath().getParent();
    try {
      return writeNew(folder, name, text);
    } catch (IOException beside) {
      try {
        return writeNew(fallback, NotesJournal.tag(notebook) + "-" + name, text);
      } catch (IOException inTemp) {
        IOException both =
            new IOException(
                "not beside the notebook ("
                    + why(beside)
                    + "), nor in the temporary folder ("
                    + why(inTemp)
                    + ")",
                beside);
        both.addSuppressed(inTemp);
        throw both;
      }
    }
  }

  /** What follows the notebook's name in the name of a file this class writes. */
  static final String TYPED = ".typed-";

  /**
   * Writes {@code text} to a new file {@code NAME.txt} in {@code folder}, or {@code NAME-2.txt} and
   * on where that is taken. The name is taken first (an empty file made only if none is there),
   * then filled whole and forced to the disk; a failure to fill it removes it.
   */
  private static Path writeNew(Path folder, String name, String text) throws IOException {
    for (int n = 1; ; n++) {
      Path file = folder.resolve(name + (n == 1 ? "" : "-" + n) + ".txt");
      try {
        Files.createFile(file);
      } catch (FileAlreadyExistsException taken) {
        if (n == 100) {
          throw taken;
        }
        continue; // another hold's, in the same millisecond: its text stays
      }
      try {
        AtomicFile.writeString(file, text, AtomicFile.Option.FORCE);
        return file;
      } catch (IOException | RuntimeException e) {
        try {
          Files.deleteIfExists(file); // made by this call, and empty
        } catch (IOException notDeleted) {
          e.addSuppressed(notDeleted);
        }
        throw e;
      }
    }
  }

  /** Why {@code e} failed, in a user's words ("/x: permission denied"). */
  private static String why(IOException e) {
    if (e instanceof AccessDeniedException a) {
      return a.getFile() + ": permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return (f.getFile() == null ? "" : f.getFile() + ": ") + f.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  /** What the status bar says of {@code where}, after {@code before} (said already; or null). */
  static String said(String before, Where where) {
    String start = typedFor(before, where.text());
    if (where.file() == null && where.problem().isEmpty()) {
      return start + ONTO_CLIPBOARD;
    }
    if (where.file() != null) {
      return start
          + "; the clipboard could not take it, so it is in "
          + where.file()
          + " (at the next start Talkbook offers to add it to the talk's notes).";
    }
    return start
        + "; neither the clipboard nor a file could take it ("
        + where.problem()
        + "). It is left in the talk's journal, which a crash brings back; here it is whole: "
        + where.text().replace("\n", " ⏎ ");
  }

  private static final String ONTO_CLIPBOARD =
      ": it is on the clipboard, paste it where it belongs.";

  /**
   * What the status bar says of {@code text}, typed for a talk that could not be opened, after
   * {@code before} (why, said already; null for nothing).
   */
  static String said(String before, String text, boolean copied) {
    return typedFor(before, text)
        + (copied ? ONTO_CLIPBOARD : "; the clipboard could not take it, so type it again.");
  }

  /** "{@code before} What you typed for it (5 characters, “hello”) went into no talk". */
  private static String typedFor(String before, String text) {
    String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    shown = shown.replace("\n", " ⏎ ");
    return (before == null || before.isBlank() ? "" : before.strip() + " ")
        + "What you typed for it ("
        + Counts.of(text.length(), "character")
        + ", “"
        + shown
        + "”) went into no talk";
  }

  private static final Pattern TYPED_NAME =
      Pattern.compile("\\.typed-(?:(\\d{1,18})-)?(\\d{8}-\\d{6}-\\d{3})(?:-\\d+)?\\.txt$");

  /**
   * The files of text typed ahead kept for {@code notebook} ({@link #writeBeside}): beside it, and
   * in {@code fallback} named for it; the folders that could not be read. Reads only.
   */
  static ShutdownRecovery.Looked look(Path notebook, Path fallback) {
    String name = notebook.getFileName() + TYPED;
    List<Path> found = new ArrayList<>();
    List<ShutdownRecovery.Unreadable> unreadable = new ArrayList<>();
    ShutdownRecovery.find(notebook.toAbsolutePath().getParent(), name, ".txt", found, unreadable);
    ShutdownRecovery.find(
        fallback, NotesJournal.tag(notebook) + "-" + name, ".txt", found, unreadable);
    found.removeIf(file -> !isTyped(file));
    return new ShutdownRecovery.Looked(List.copyOf(found), List.copyOf(unreadable));
  }

  /** Whether {@code file} is named as one {@link #writeBeside} writes. */
  static boolean isTyped(Path file) {
    return TYPED_NAME.matcher(file.getFileName().toString()).find();
  }

  /**
   * The id of the talk the text in {@code file} was typed for, as its name says; -1 when it does
   * not (a file written before names said it).
   */
  static long talkIdOf(Path file) {
    Matcher m = TYPED_NAME.matcher(file.getFileName().toString());
    return m.find() && m.group(1) != null ? Long.parseLong(m.group(1)) : -1;
  }

  /**
   * When {@code file} was kept (ms): when it was last written, else the time its name says, else 0.
   */
  static long keptAt(Path file) {
    long modified = ShutdownRecovery.modified(file);
    if (modified != 0) {
      return modified;
    }
    Matcher m = TYPED_NAME.matcher(file.getFileName().toString());
    if (!m.find()) {
      return 0;
    }
    try {
      return LocalDateTime.parse(m.group(2), DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"))
          .atZone(ZoneId.systemDefault())
          .toInstant()
          .toEpochMilli();
    } catch (DateTimeException e) {
      return 0;
    }
  }

  /**
   * {@code notes} with {@code typed} added at their end, as a paragraph of its own (a blank line
   * before it, a line end after it).
   */
  static String added(String notes, String typed) {
    String before =
        notes.isEmpty() || notes.endsWith("\n\n") ? "" : notes.endsWith("\n") ? "\n" : "\n\n";
    return notes + before + typed + (typed.endsWith("\n") ? "" : "\n");
  }

  private static boolean copy(String text) {
    try {
      ClipboardContent content = new ClipboardContent();
      content.putString(text);
      return Clipboard.getSystemClipboard().setContent(content);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
