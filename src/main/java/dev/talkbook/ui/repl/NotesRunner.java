package dev.talkbook.ui.repl;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.repl.BlockRun;
import dev.talkbook.core.repl.NoteCode;
import dev.talkbook.core.repl.NoteCode.Block;
import dev.talkbook.core.repl.Rehearsal;
import dev.talkbook.core.repl.ReplSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.fxmisc.richtext.CodeArea;

/**
 * Runs the {@code ```java} blocks of the notes in place: the block under the caret in the REPL's
 * session (Ctrl+Shift+Enter), or all of them in order in a fresh session. Each block's output is
 * written as an {@code ```output} block right after it ({@code ```output-error} when it failed),
 * replacing the old one, in one edit (so one undo step).
 *
 * <p>Run all and Rehearse run in a JVM of their own, each block with the time limit {@code talkbook
 * run} has ({@link BlockRun#TIME_LIMIT}); {@link #stop()} stops them (the running block and the
 * rest), {@link #close()} ends them and their JVMs (the window closes, the app quits).
 */
public final class NotesRunner {

  private final CodeArea notes;
  private final ReplSession session;
  private final Supplier<ReplSession> freshSession;
  private final Consumer<String> status;

  /** Run all and rehearsals under way, each with its own session. FX thread. */
  private final List<Active> active = new ArrayList<>();

  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private boolean closed;

  /** Which notes the area shows now (the open talk's id); null for any, as by default. */
  private Supplier<Object> shownNotes = () -> null;

  /**
   * Tells which notes the area shows ({@code which}: the open talk's id, say): a run's outputs are
   * written only into the notes it ran from, still shown and still editable. A run that ends after
   * another talk was opened wrote its outputs under that talk's block of the same code (saved
   * there), or silently nowhere. FX thread.
   */
  public void notesShownAre(Supplier<Object> which) {
    shownNotes = which;
  }

  /** Said after a block run at the caret whose code was edited while it ran. */
  static final String CHANGED_WHILE_RUNNING =
      " Its output was not written into the notes: the block was changed while it ran; run it"
          + " again.";

  /** Said when a run ended after its notes were left: its outputs are written nowhere. */
  static final String NOT_WRITTEN =
      " Not written into the notes: they are no longer the ones open (or no longer editable);"
          + " run it there again.";

  /** A run of the notes' blocks under way: how to stop it, and the session it runs in. */
  private record Active(Runnable stop, ReplSession session) {}

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
   * reading {@code System.in} sees its end (no window would ask for the input), and with preview
   * features as the REPL's {@code session} has them when the run starts.
   */
  public NotesRunner(CodeArea notes, ReplSession session, Consumer<String> status) {
    this(
        notes,
        session,
        () -> ReplSession.start(BlockRun.options().withPreview(session.preview())),
        status);
  }

  /** Where Run all shows each block as it has run (the REPL's transcript). */
  public interface RanBlocks {
    RanBlocks NONE = (index, total, code, result) -> {};

    /**
     * Block {@code index} (0 for the first) of {@code total}, with this {@code code}, has run and
     * gave {@code result}. FX thread.
     */
    void ran(int index, int total, String code, NoteCode.Result result);
  }

  private RanBlocks ranBlocks = RanBlocks.NONE;

  /**
   * Shows each block of a Run all in {@code shown} as it has run (the notes get the outputs in one
   * edit at the end, as before): the REPL's transcript stayed empty while the run went on.
   */
  public void showRanBlocksIn(RanBlocks shown) {
    ranBlocks = shown;
  }

  /** True while a Run all or a rehearsal runs (the REPL's own code is the session's to tell). */
  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public boolean isRunning() {
    return running.get();
  }

  /**
   * Stops every Run all and rehearsal under way: the block that runs, and the blocks after it. What
   * ran is written (Run all) or shown (Rehearse), and the status says where it stopped.
   */
  public void stop() {
    for (Active a : List.copyOf(active)) {
      a.stop().run();
    }
  }

  /**
   * Ends every Run all and rehearsal under way and the JVMs they run in, before it returns; nothing
   * is written into the notes after this (the window is closing).
   */
  public void close() {
    closed = true;
    for (Active a : List.copyOf(active)) {
      a.stop().run();
      a.session().close();
    }
    active.clear();
    running.set(false);
  }

  private Active track(Runnable stop, ReplSession fresh) {
    Active a = new Active(stop, fresh);
    active.add(a);
    running.set(true);
    return a;
  }

  private void untrack(Active a) {
    active.remove(a);
    running.set(!active.isEmpty());
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
    status.accept("Running the code block… " + STOP_HINT);
    Object from = shownNotes.get();
    CompletableFuture<Void> done = new CompletableFuture<>();
    // Its stack frames say "block 2, line 2", as the notes count their ```java blocks.
    session
        .evaluate(block.code(), "block " + (NoteCode.javaBlocks(text).indexOf(block) + 1))
        .whenComplete(
            (evaluation, error) ->
                Platform.runLater(
                    () -> {
                      if (error != null) {
                        status.accept("The block could not run: " + error.getMessage());
                      } else {
                        NoteCode.Result result = NoteCode.resultOf(evaluation);
                        String ended =
                            result.failed()
                                ? "The code block failed."
                                : evaluation.stoppedOnRequest()
                                    ? "Stopped the code block."
                                    : "Ran the code block.";
                        if (!stillShown(from)) {
                          status.accept(ended + NOT_WRITTEN);
                        } else if (writeOutputs(List.of(block), List.of(result)) > 0) {
                          status.accept(ended + CHANGED_WHILE_RUNNING);
                        } else {
                          status.accept(
                              result.failed()
                                  ? "The code block failed: its error is under it."
                                  : evaluation.stoppedOnRequest()
                                      ? stoppedBlock(block)
                                      : "Ran the code block.");
                        }
                      }
                      done.complete(null);
                    }));
    return done;
  }

  /** How a running block is stopped, said while it runs. */
  static final String STOP_HINT = "Esc stops it";

  /**
   * What the status says of a block stopped on request (Esc, Stop): no failure of the code; what it
   * printed until then is its output (and one undo brings back the output it had before).
   */
  static String stoppedBlock(Block block) {
    return "Stopped the code block: what it printed until then is under it"
        + (block.hasOutput()
            ? " ("
                + dev.talkbook.ui.common.Keys.shown("Shortcut+Z")
                + " brings back the one before)."
            : ".");
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

  /**
   * "Stopped at the 7th of 11 code blocks; the 4 after it did not run.", or "Stopped after the 6th
   * …" when the stop came between two blocks.
   */
  static String stoppedAt(BlockRun.Result r) {
    int ran = r.evaluations().size();
    int notRun = r.notRun();
    String where =
        ran == 0
            ? "Stopped before the first"
            : (r.lastStopped() ? "Stopped at the " : "Stopped after the ") + ordinal(ran);
    return where
        + " of "
        + Counts.of(r.total(), "code block")
        + (notRun == 0
            ? "."
            : ran == 0
                ? "; none ran."
                : "; the "
                    + (notRun == 1 ? "one" : String.valueOf(notRun))
                    + " after it did not run.");
  }

  /**
   * Runs every Java block in order in a fresh session, each with the time limit; completes when the
   * outputs are written. Stopped ({@link #stop()}), the outputs of the blocks that ran are written,
   * the stopped block's among them (what it printed and "Stopped.", a plain output: a stop is not
   * the code's failure), and those after it are left as they were.
   */
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
    status.accept(
        "Running " + Counts.of(blocks.size(), "code block") + " in a fresh Java VM… " + STOP_HINT);
    Object from = shownNotes.get();
    ReplSession fresh = freshSession.get();
    BlockRun run =
        BlockRun.start(
            fresh,
            blocks.stream().map(Block::code).toList(),
            new BlockRun.Listener() {
              @Override
              public void starting(int index, int total) {
                // Said again as each block starts: the REPL's own messages take the same line.
                Platform.runLater(
                    () -> {
                      if (!closed && underWay(fresh)) {
                        status.accept(
                            "Running code block "
                                + (index + 1)
                                + " of "
                                + total
                                + " in a fresh Java VM… "
                                + STOP_HINT);
                      }
                    });
              }

              @Override
              public void finished(
                  int index, int total, dev.talkbook.core.repl.Evaluation evaluation) {
                NoteCode.Result result = NoteCode.resultOf(evaluation);
                String code = blocks.get(index).code();
                Platform.runLater(
                    () -> {
                      if (!closed && underWay(fresh)) {
                        ranBlocks.ran(index, total, code, result);
                      }
                    });
              }
            });
    Active tracked = track(run::stop, fresh);
    return whenEnded(
        run.result(),
        tracked,
        result -> {
          List<NoteCode.Result> outputs = result.outputs();
          String said = result.stopped() ? stoppedAt(result) : ranAll(outputs);
          if (!stillShown(from)) {
            status.accept(said + NOT_WRITTEN);
            return;
          }
          int changed = writeOutputs(blocks.subList(0, outputs.size()), outputs);
          status.accept(
              changed == 0
                  ? said
                  : said
                      + " "
                      + Counts.of(changed, "block")
                      + (changed == 1 ? " was" : " were")
                      + " changed while the code ran: "
                      + (changed == 1 ? "its" : "their")
                      + " output was not written (run "
                      + (changed == 1 ? "it" : "them")
                      + " again).");
        },
        error -> status.accept("The blocks could not run: " + messageOf(error)));
  }

  /**
   * When a Run all or rehearsal has ended: its session is closed, it is no longer under way, and,
   * on the FX thread, what it gave goes to {@code shown} (or its failure to {@code failed}) unless
   * the runner was closed meanwhile. The future returned completes after that.
   */
  private <T> CompletableFuture<Void> whenEnded(
      CompletableFuture<T> ended, Active tracked, Consumer<T> shown, Consumer<Throwable> failed) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    ended.whenComplete(
        (result, error) -> {
          tracked.session().close();
          Platform.runLater(
              () -> {
                boolean wasClosed = closed;
                untrack(tracked);
                if (!wasClosed) {
                  if (error != null) {
                    failed.accept(error);
                  } else {
                    shown.accept(result);
                  }
                }
                done.complete(null);
              });
        });
    return done;
  }

  /** Whether a run in {@code fresh} is still under way. */
  private boolean underWay(ReplSession fresh) {
    return active.stream().anyMatch(a -> a.session() == fresh);
  }

  private static String messageOf(Throwable error) {
    Throwable cause =
        error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause()
            : error;
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }

  /**
   * Java → Rehearse: runs every Java block of the notes in a fresh session and shows, in a window,
   * which blocks give something else than the output kept under them, each as it has run. Changes
   * nothing. Closing the window stops the rehearsal and ends its JVM. Returns null when the notes
   * have no Java blocks.
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
    ReplSession fresh = freshSession.get();
    Rehearsal.Run run =
        Rehearsal.start(
            fresh,
            text,
            new Rehearsal.Progress() {
              @Override
              public void running(int index, int total) {
                Platform.runLater(() -> view.running(index, total));
              }

              @Override
              public void checked(Rehearsal.Check check) {
                Platform.runLater(() -> view.checked(check));
              }
            });
    Active tracked = track(run::stop, fresh);
    // Closed before it ends: the rehearsal stops, and its JVM ends (off the FX thread).
    view.setOnClosed(
        () -> {
          if (run.isRunning()) {
            run.stop();
            Thread closing = new Thread(fresh::close, "talkbook-rehearsal-close");
            closing.setDaemon(true);
            closing.start();
          }
        });
    view.show();
    whenEnded(
        run.report(),
        tracked,
        report -> {
          view.finished(report);
          status.accept("Rehearsal: " + report.verdict());
        },
        error -> view.failed(messageOf(error)));
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

  /** Whether the notes a run started from ({@code from}) are shown still, and editable. */
  private boolean stillShown(Object from) {
    return notes.isEditable() && java.util.Objects.equals(from, shownNotes.get());
  }

  /**
   * Writes the outputs after their blocks as one replacement of the span from the first block to
   * the last, so that it is one undo step. Blocks are found again by their code, in case the notes
   * changed while the code ran; a block that is gone (its code edited meanwhile) is skipped.
   *
   * @return how many blocks were skipped so, for the status to say (an output that silently did not
   *     land under its block was taken for written)
   */
  private int writeOutputs(List<Block> ran, List<NoteCode.Result> outputs) {
    String text = notes.getText();
    List<Block> now = NoteCode.javaBlocks(text);
    List<Block> found = new ArrayList<>();
    List<NoteCode.Result> kept = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < ran.size(); i++) {
      for (int j = from; j < now.size(); j++) {
        if (now.get(j).code().equals(ran.get(i).code())) {
          found.add(now.get(j));
          kept.add(outputs.get(i));
          from = j + 1;
          break;
        }
      }
    }
    NoteCode.Edit edit = NoteCode.outputsEdit(text, found, kept);
    if (edit != null) {
      int caret = notes.getCaretPosition();
      notes.replaceText(edit.start(), edit.end(), edit.text());
      notes.moveTo(Math.min(caret, notes.getLength()));
    }
    return ran.size() - found.size();
  }
}
