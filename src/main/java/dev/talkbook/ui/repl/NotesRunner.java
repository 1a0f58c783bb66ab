package dev.talkbook.ui.repl;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.repl.Evaluation;
import dev.talkbook.core.repl.NoteCode;
import dev.talkbook.core.repl.NoteCode.Block;
import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.fxmisc.richtext.CodeArea;

/**
 * Runs the {@code ```java} blocks of the notes in place: the block under the caret in the REPL's
 * session (Ctrl+Shift+Enter), or all of them in order in a fresh session. Each block's output is
 * written as an {@code ```output} block right after it ({@code ```output-error} when it failed),
 * replacing the old one, in one edit (so one undo step).
 */
public final class NotesRunner {

  private final CodeArea notes;
  private final ReplSession session;
  private final Supplier<ReplSession> freshSession;
  private final Consumer<String> status;

  /**
   * @param notes the notes editor's text area
   * @param session the REPL's session, for single blocks
   * @param freshSession makes a new session for "Run all" (closed afterwards)
   * @param status shows a short message to the user
   */
  public NotesRunner(
      CodeArea notes,
      ReplSession session,
      Supplier<ReplSession> freshSession,
      Consumer<String> status) {
    this.notes = notes;
    this.session = session;
    this.freshSession = freshSession;
    this.status = status;
  }

  /**
   * A runner whose "Run all" and rehearsal start a session with the default options, in which code
   * reading {@code System.in} sees its end (no window would ask for the input).
   */
  public NotesRunner(CodeArea notes, ReplSession session, Consumer<String> status) {
    this(notes, session, () -> ReplSession.start(ReplOptions.defaults().withoutInput()), status);
  }

  /** Runs the Java block under the caret; completes when its output is in the notes. */
  public CompletableFuture<Void> runBlockAtCaret() {
    if (!notes.isEditable()) {
      status.accept("These notes cannot be changed.");
      return CompletableFuture.completedFuture(null);
    }
    String text = notes.getText();
    Block block = NoteCode.blockAt(text, notes.getCaretPosition());
    if (block == null) {
      status.accept("The caret is not in a ```java block.");
      return CompletableFuture.completedFuture(null);
    }
    status.accept("Running the code block…");
    CompletableFuture<Void> done = new CompletableFuture<>();
    session
        .evaluate(block.code())
        .whenComplete(
            (evaluation, error) ->
                Platform.runLater(
                    () -> {
                      if (error != null) {
                        status.accept("The block could not run: " + error.getMessage());
                      } else {
                        NoteCode.Result result = NoteCode.resultOf(evaluation);
                        writeOutputs(List.of(block), List.of(result));
                        status.accept(
                            result.failed()
                                ? "The code block failed: its error is under it."
                                : "Ran the code block.");
                      }
                      done.complete(null);
                    }));
    return done;
  }

  /** "Ran 3 code blocks." or, when some failed, which: "Ran 3 code blocks; 1 failed (the 2nd)." */
  static String ranAll(List<NoteCode.Result> outputs) {
    List<Integer> failed = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      if (outputs.get(i).failed()) {
        failed.add(i + 1);
      }
    }
    String ran = "Ran " + Counts.of(outputs.size(), "code block");
    if (failed.isEmpty()) {
      return ran + ".";
    }
    if (failed.size() == outputs.size()) {
      return ran + (outputs.size() == 1 ? "; it failed." : "; all failed.");
    }
    List<String> which = failed.stream().limit(5).map(NotesRunner::ordinal).toList();
    return ran
        + "; "
        + failed.size()
        + " failed (the "
        + String.join(", ", which)
        + (failed.size() > which.size() ? ", …" : "")
        + ").";
  }

  private static String ordinal(int n) {
    int tens = n % 100;
    String suffix =
        tens >= 11 && tens <= 13
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }

  /** Runs every Java block in order in a fresh session; completes when the outputs are written. */
  public CompletableFuture<Void> runAll() {
    if (!notes.isEditable()) {
      status.accept("These notes cannot be changed.");
      return CompletableFuture.completedFuture(null);
    }
    List<Block> blocks = NoteCode.javaBlocks(notes.getText());
    if (blocks.isEmpty()) {
      status.accept("These notes have no ```java blocks.");
      return CompletableFuture.completedFuture(null);
    }
    status.accept("Running " + Counts.of(blocks.size(), "code block") + " in a fresh Java VM…");
    ReplSession fresh = freshSession.get();
    List<NoteCode.Result> outputs = new ArrayList<>();
    CompletableFuture<Evaluation> chain = CompletableFuture.completedFuture(null);
    for (Block b : blocks) {
      chain =
          chain.thenCompose(
              previous -> {
                if (previous != null) {
                  outputs.add(NoteCode.resultOf(previous));
                }
                return fresh.evaluate(b.code());
              });
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    chain.whenComplete(
        (last, error) -> {
          fresh.close();
          Platform.runLater(
              () -> {
                if (error != null) {
                  status.accept("The blocks could not run: " + error.getMessage());
                } else {
                  outputs.add(NoteCode.resultOf(last));
                  writeOutputs(blocks, outputs);
                  status.accept(ranAll(outputs));
                }
                done.complete(null);
              });
        });
    return done;
  }

  /**
   * Java → Rehearse: runs every Java block of the notes in a fresh session and shows, in a window,
   * which blocks give something else than the output kept under them. Changes nothing. Returns null
   * when the notes have no Java blocks.
   */
  public RehearsalView rehearse() {
    String text = notes.getText();
    List<Block> blocks = NoteCode.javaBlocks(text);
    if (blocks.isEmpty()) {
      status.accept("These notes have no ```java blocks to rehearse.");
      return null;
    }
    RehearsalView view =
        new RehearsalView(
            notes.getScene() == null ? null : notes.getScene().getWindow(), this::showBlock);
    view.show();
    ReplSession fresh = freshSession.get();
    dev.talkbook.core.repl.Rehearsal.rehearse(
            fresh, text, (index, total) -> Platform.runLater(() -> view.running(index, total)))
        .whenComplete(
            (report, error) -> {
              fresh.close();
              Platform.runLater(
                  () -> {
                    if (error != null) {
                      view.failed(
                          error.getCause() != null
                              ? error.getCause().getMessage()
                              : error.getMessage());
                    } else {
                      view.finished(report);
                      status.accept("Rehearsal: " + report.verdict());
                    }
                  });
            });
    return view;
  }

  /** Puts the caret on the Java block with this index (if the notes still have it). */
  private void showBlock(int index) {
    List<Block> blocks = NoteCode.javaBlocks(notes.getText());
    if (index < blocks.size()) {
      notes.moveTo(blocks.get(index).start());
      notes.requestFollowCaret();
      notes.requestFocus();
    }
  }

  /**
   * Java → Prepare for offline: resolves every library the notes' ```java blocks name (//DEPS),
   * with a window that shows the progress and the result. Returns null when they name none.
   */
  public OfflinePreparation prepareForOffline() {
    StringBuilder code = new StringBuilder();
    for (Block b : NoteCode.javaBlocks(notes.getText())) {
      code.append(b.code()).append('\n');
    }
    if (dev.talkbook.core.repl.Libraries.parse(code.toString()).isEmpty()) {
      status.accept("These notes name no libraries: a //DEPS group:artifact:version line does.");
      return null;
    }
    OfflinePreparation window =
        new OfflinePreparation(notes.getScene() == null ? null : notes.getScene().getWindow());
    window.start(session, code.toString());
    return window;
  }

  /**
   * Appends the REPL session so far (each input as a {@code ```java} block with its {@code
   * ```output} block) to the end of the notes, as one undo step.
   */
  public void saveTranscript(List<NoteCode.Ran> ran) {
    if (!notes.isEditable()) {
      status.accept("These notes cannot be changed.");
      return;
    }
    if (ran.isEmpty()) {
      status.accept("Nothing has run in the REPL yet.");
      return;
    }
    String text = notes.getText();
    String gap =
        text.isEmpty() ? "" : text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
    int end = notes.getLength();
    notes.getUndoManager().preventMerge();
    notes.replaceText(end, end, gap + NoteCode.transcript(ran));
    notes.getUndoManager().preventMerge();
    notes.moveTo(notes.getLength());
    notes.requestFollowCaret();
    status.accept("Added " + Counts.of(ran.size(), "REPL input") + " to the notes.");
  }

  /**
   * Writes the outputs after their blocks as one replacement of the span from the first block to
   * the last, so that it is one undo step. Blocks are found again by their code, in case the notes
   * changed while the code ran; a block that is gone is skipped.
   */
  private void writeOutputs(List<Block> ran, List<NoteCode.Result> outputs) {
    String text = notes.getText();
    List<Block> now = NoteCode.javaBlocks(text);
    List<NoteCode.Edit> edits = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < ran.size(); i++) {
      Block match = null;
      for (int j = from; j < now.size(); j++) {
        if (now.get(j).code().equals(ran.get(i).code())) {
          match = now.get(j);
          from = j + 1;
          break;
        }
      }
      if (match != null) {
        edits.add(NoteCode.outputEdit(text, match, outputs.get(i)));
      }
    }
    if (edits.isEmpty()) {
      return;
    }
    int start = edits.get(0).start();
    int end = edits.get(edits.size() - 1).end();
    StringBuilder replacement = new StringBuilder();
    int at = start;
    for (NoteCode.Edit e : edits) {
      replacement.append(text, at, e.start()).append(e.text());
      at = e.end();
    }
    int caret = notes.getCaretPosition();
    notes.replaceText(start, end, replacement.toString());
    notes.moveTo(Math.min(caret, notes.getLength()));
  }
}
