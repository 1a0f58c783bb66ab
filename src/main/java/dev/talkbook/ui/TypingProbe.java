package dev.talkbook.ui;

import dev.talkbook.core.common.Probes;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * With {@code -Dtalkbook.typingProbe=RUN} the window types a line into the open talk's notes every
 * 100 ms, at the end, as key events sent to the editor (so they go where a user's keys go: the
 * editor's key handling, the autosave), and prints {@code talkbook-typed RUN N MILLIS} after line
 * {@code N} (epoch milliseconds), and {@code talkbook-journaled RUN N} once the line is in the
 * notes' journal (written to the OS: a kill from then on cannot lose it). The line reads {@code
 * typed RUN N MILLIS}. The {@code window-kill} benchmark and {@code WindowKillTest} kill the
 * process at random moments and count what was lost.
 */
final class TypingProbe {
  /** The system property that turns the probe on; its value names the run. */
  static final String PROPERTY = "talkbook.typingProbe";

  static final String HANG_AFTER = "talkbook.typingProbe.hangAfter";

  static final Duration EVERY = Duration.millis(100);

  private final org.fxmisc.richtext.CodeArea editor;

  /** Completes once what was typed so far is in the notes' journal (written to the OS). */
  private final java.util.function.Supplier<java.util.concurrent.CompletableFuture<Void>> journaled;

  private final String run;
  private final Timeline timeline;
  private final int hangAfter = Integer.getInteger(HANG_AFTER, Integer.MAX_VALUE);
  private int line;

  private TypingProbe(
      org.fxmisc.richtext.CodeArea editor,
      java.util.function.Supplier<java.util.concurrent.CompletableFuture<Void>> journaled,
      String run) {
    this.editor = editor;
    this.journaled = journaled;
    this.run = run;
    this.timeline = new Timeline(new KeyFrame(EVERY, e -> typeLine()));
    timeline.setCycleCount(Timeline.INDEFINITE);
  }

  /**
   * Starts typing into the window's editor when the property is set (once a talk is open: the one
   * shown, else the notebook's first).
   */
  static void startIfAsked(
      MainWindow window,
      dev.talkbook.core.store.Notebook notebook,
      dev.talkbook.ui.common.UiExecutors executors,
      Scene scene) {
    String run = System.getProperty(PROPERTY);
    if (run == null || run.isBlank()) {
      return;
    }
    if (!(scene.lookup("#editor") instanceof org.fxmisc.richtext.CodeArea editor)) {
      throw new IllegalStateException("the typing probe found no editor");
    }
    TypingProbe probe = new TypingProbe(editor, window::journalWritten, run.strip());
    if (window.openTalk().getTalk() != null) {
      probe.timeline.play();
      return;
    }
    window.openTalk().talkProperty().addListener((obs, old, talk) -> probe.timeline.play());
    executors.run(
        () -> notebook.talks().summaries(),
        talks -> window.open(talks.get(0).id(), null),
        error -> {
          throw new IllegalStateException("the typing probe found no talk", error);
        });
  }

  private void typeLine() {
    if (line >= hangAfter) {
      timeline.stop();
      hang();
      return;
    }
    line++;
    long now = System.currentTimeMillis();
    // The caret goes to the end, as a user clicking there would (Ctrl+End), on a line of its own
    // (the text may end in a line cut off when an earlier run was killed).
    press(KeyCode.END, true);
    if (!editor.getText().endsWith("\n")) {
      press(KeyCode.ENTER, false);
    }
    for (char c : ("typed " + run + " " + line + " " + now).toCharArray()) {
      Event.fireEvent(
          editor,
          new KeyEvent(
              KeyEvent.KEY_TYPED,
              String.valueOf(c),
              "",
              KeyCode.UNDEFINED,
              false,
              false,
              false,
              false));
    }
    press(KeyCode.ENTER, false);
    Probes.report("talkbook-typed " + run + " " + line + " " + now);
    int typed = line;
    journaled.get().thenRun(() -> Probes.report("talkbook-journaled " + run + " " + typed));
  }

  @SuppressWarnings("InfiniteLoopStatement")
  private static void hang() {
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void press(KeyCode code, boolean control) {
    for (var type : new javafx.event.EventType<?>[] {KeyEvent.KEY_PRESSED, KeyEvent.KEY_RELEASED}) {
      @SuppressWarnings("unchecked")
      var keyType = (javafx.event.EventType<KeyEvent>) type;
      Event.fireEvent(editor, new KeyEvent(keyType, "", "", code, false, control, false, false));
    }
  }
}
