package dev.talkbook.ui;

import dev.talkbook.core.common.Counts;
import dev.talkbook.ui.common.HeldKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
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
  static HeldKeys.Ahead of(HeldKeys.Ahead journal, StatusBar status, Path notebook) {
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
                written[0] = writeBeside(notebook, text);
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
   * Writes {@code text} to {@code NAME.typed-TIME.txt} beside the notebook, or in the temp folder.
   */
  static Path writeBeside(Path notebook, String text) throws IOException {
    String name =
        notebook.getFileName()
            + ".typed-"
            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"))
            + ".txt";
    Path beside = notebook.toAbsolutePath().resolveSibling(name);
    try {
      return Files.writeString(beside, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      Files.deleteIfExists(beside);
      try {
        return Files.writeString(
            Path.of(System.getProperty("java.io.tmpdir")).resolve(name),
            text,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW);
      } catch (IOException again) {
        again.addSuppressed(e);
        throw e;
      }
    }
  }

  /** What the status bar says of {@code where}, after {@code before} (said already; or null). */
  static String said(String before, Where where) {
    if (where.file() == null && where.problem().isEmpty()) {
      return said(before, where.text(), true);
    }
    String said = said(before, where.text(), false);
    String start = said.substring(0, said.indexOf("; the clipboard could not take it"));
    if (where.file() != null) {
      return start + "; the clipboard could not take it, so it is in " + where.file() + ".";
    }
    return start
        + "; neither the clipboard nor a file could take it ("
        + where.problem()
        + "). It is left in the talk's journal, which a crash brings back; here it is whole: "
        + where.text().replace("\n", " ⏎ ");
  }

  /**
   * What the status bar says of {@code text}, typed for a talk that could not be opened, after
   * {@code before} (why, said already; null for nothing).
   */
  static String said(String before, String text, boolean copied) {
    String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    shown = shown.replace("\n", " ⏎ ");
    return (before == null || before.isBlank() ? "" : before.strip() + " ")
        + "What you typed for it ("
        + Counts.of(text.length(), "character")
        + ", “"
        + shown
        + "”) went into no talk"
        + (copied
            ? ": it is on the clipboard, paste it where it belongs."
            : "; the clipboard could not take it, so type it again.");
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
