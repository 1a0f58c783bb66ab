package dev.talkbook.ui;

import dev.talkbook.core.common.Counts;
import dev.talkbook.ui.common.CutText;
import dev.talkbook.ui.common.Icons;
import dev.talkbook.ui.common.Tips;
import dev.talkbook.ui.details.TalkDetailsPane;
import dev.talkbook.ui.talk.EditorSession;
import dev.talkbook.ui.talk.OpenTalk;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/**
 * The open talk's save state (saved, edited, saving, not saved and when it tries again) and word
 * count, bound to {@link OpenTalk}; which notebook this is; and a notice with Undo for a while.
 */
final class StatusBar {
  private final HBox root = new HBox(16);
  private final Label saveState = new Label();

  /**
   * The save state's tooltip (why it is read-only, what went wrong), made when first needed (not
   * with the window: a saved talk has none), then kept; shown or not.
   */
  private Tooltip saveStateWhy;

  private final Label words = new Label();
  private final Label path = new Label();
  private final OpenTalk talk;
  private final Label notice = new Label();
  private final javafx.scene.control.Button undo = new javafx.scene.control.Button("Undo");

  /**
   * The action of the message that waits to be dismissed and shows, for those given one ("Copy
   * again", {@link #showMessageUntilDismissed(String, String, java.util.function.BooleanSupplier,
   * Runnable)}); hidden otherwise.
   */
  private final javafx.scene.control.Button pinnedAction = new javafx.scene.control.Button();

  /** The actions of messages that wait to be dismissed (by their text; for those given one). */
  private final java.util.Map<String, PinnedAction> pinnedActions = new java.util.HashMap<>();

  /** What a message that waits to be dismissed offers to do: its button's name, and the doing. */
  private record PinnedAction(String name, java.util.function.BooleanSupplier run) {}

  private final javafx.animation.PauseTransition noticeTimeout =
      new javafx.animation.PauseTransition(javafx.util.Duration.seconds(20));

  /** Whether the notice shows its text cut ("…"); its whole text is then its tooltip. */
  private final CutText noticeCut;

  /** The notice's whole text shown on a click, Enter or Space (made with the first). */
  private Tooltip noticeWhole;

  /**
   * The talk a notice about the talk just left was shown beside (its id), -2 while it is not yet
   * known, -1 when the notice is about no talk: opening another talk hides it.
   */
  private long noticeWith = -1;

  /** Whether the talk's details hold text not yet saved, and why it cannot be (or ""). */
  private javafx.beans.value.ObservableBooleanValue detailsUnsaved =
      new javafx.beans.property.SimpleBooleanProperty();

  private javafx.beans.value.ObservableStringValue detailsProblem =
      new javafx.beans.property.SimpleStringProperty("");

  /** Which of the details' fields are not saved, why, and that the others are (or ""). */
  private javafx.beans.value.ObservableStringValue detailsNotSaved =
      new javafx.beans.property.SimpleStringProperty("");

  /**
   * Whether the notice shown stays until it is dismissed (a click, Enter or Space on it): no time,
   * nor a window that opens, ends it ({@link #showMessageUntilDismissed}).
   */
  private boolean untilDismissed;

  /**
   * Whether the message that waits to be dismissed, cut with "…", was shown whole since it showed:
   * the first click (Enter, Space) on a cut one shows it whole, the next dismisses it. A click
   * dismissed it unread before, the one thing a pinned message must not be.
   */
  private boolean pinnedReadWhole;

  /**
   * The messages that stay until dismissed ({@link #showMessageUntilDismissed}), the newest last
   * (the one shown): a later notice shows over them for its while, and the newest comes back when
   * that one goes; dismissed, it goes and the one before it shows, until none waits.
   */
  private final java.util.Deque<String> pinned = new java.util.ArrayDeque<>();

  /** What to run once a pinned message is dismissed (by its text; for those given one). */
  private final java.util.Map<String, Runnable> onDismissed = new java.util.HashMap<>();

  /** Why the notebook is read-only ("another Talkbook has it open…"), null when it is not. */
  private String readOnlyWhy;

  /**
   * Why typing cannot be journaled (a full disk), null while it can: said once as a short notice
   * while the notes are saved, else part of the save state's details (one message, not two that
   * contradict each other).
   */
  private String journalWhy;

  /** Whether a save failed since the notes were last saved (then saving again is said). */
  private boolean saveFailed;

  /** Said once saving works again after it failed. */
  static final String SAVED_AGAIN = "Saved again: the notes typed meanwhile are in the notebook.";

  /** When a read-only window last showed another process's save ("22:51:03"), null before. */
  private String followedAt;

  /** How long a message (no Undo) stays: it goes sooner when a dialog or window opens. */
  static final javafx.util.Duration MESSAGE_FOR = javafx.util.Duration.seconds(10);

  /** How long an offer to undo stays. */
  static final javafx.util.Duration UNDO_FOR = javafx.util.Duration.seconds(20);

  /** Hides a message when a window of its own shows (held here: listened to weakly). */
  private final javafx.collections.ListChangeListener<javafx.stage.Window> windowShown;

  /** The least width a cut notice keeps beside a long save state (its start stays readable). */
  static final double NOTICE_LEAST = 200;

  /** The least width the notebook's path keeps beside a long notice. */
  static final double PATH_LEAST = 360;

  /** Why a notebook is read-only when nothing more is known. */
  static final String OPENED_READ_ONLY = "it was opened read-only.";

  StatusBar(Path notebook, boolean readOnly, OpenTalk talk) {
    saveState.setId("save-state");
    words.setId("word-count");
    path.setId("notebook-path");
    path.setText(notebook.toString() + (readOnly ? "  (read-only)" : ""));
    Tips.install(path, notebook.toString());
    path.setGraphic(Icons.of(Feather.BOOK));
    // The path keeps its place beside a long notice, which is cut instead ("/tmp/t1…" was drawn);
    // only a path longer than PATH_LEAST gives way.
    path.minWidthProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () ->
                    Math.min(
                        PATH_LEAST,
                        Math.ceil(
                                dev.talkbook.ui.common.TextWidth.of(path.getText(), path.getFont()))
                            + path.getGraphicTextGap()
                            + (path.getGraphic() == null ? 0 : path.getGraphic().prefWidth(-1))
                            + path.snappedLeftInset()
                            + path.snappedRightInset()),
                path.textProperty(),
                path.fontProperty(),
                path.graphicProperty()));
    path.getStyleClass().add("tb-muted");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    // A long notice gives way first: the save state (when it is a word or two) and the word
    // count stay whole beside it ("Sa…", "411 wo…" were drawn).
    words.setMinWidth(Region.USE_PREF_SIZE);
    saveState
        .minWidthProperty()
        .bind(
            javafx.beans.binding.Bindings.when(
                    saveState.textProperty().length().lessThan(24).or(failedWhole))
                .then(Region.USE_PREF_SIZE)
                .otherwise(0));
    // A long notice is cut, not squeezed away by a long save state beside it: some of it stays
    // (its whole text is a click or its tooltip away), and its Undo stays whole.
    notice
        .minWidthProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () ->
                    Math.min(
                        NOTICE_LEAST,
                        Math.ceil(
                                dev.talkbook.ui.common.TextWidth.of(
                                    notice.getText(), notice.getFont()))
                            + notice.snappedLeftInset()
                            + notice.snappedRightInset()),
                notice.textProperty(),
                notice.fontProperty()));
    notice.setId("notice");
    // A notice cut with "…" can be read whole: its tooltip, and a click, Enter or Space on it (it
    // takes the keyboard while it is cut) shows all of it; a screen reader reads the whole text.
    noticeCut = CutText.of(notice);
    noticeCut.cutProperty().addListener(obs -> markCut());
    notice.setOnMouseClicked(e -> showWholeOrDismiss());
    notice.addEventHandler(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.ENTER
              || e.getCode() == javafx.scene.input.KeyCode.SPACE) {
            showWholeOrDismiss();
            e.consume();
          }
        });
    undo.setId("undo-notice");
    // The notice's text gives way, never its button: cut to "…" it was taken for "show more".
    undo.setMinWidth(Region.USE_PREF_SIZE);
    undo.getStyleClass().addAll("small", "flat", "accent");
    pinnedAction.setId("notice-action");
    pinnedAction.setMinWidth(Region.USE_PREF_SIZE);
    pinnedAction.getStyleClass().addAll("small", "flat", "accent");
    pinnedAction.setOnAction(e -> runPinnedAction());
    hideNotice();
    noticeTimeout.setOnFinished(e -> hideNotice());
    // The next thing done in a window of its own (a dialog: export, history) ends a message: it
    // stayed into the export dialog after a crash recovery (tester 9a). An offer to undo stays.
    windowShown =
        change -> {
          while (change.next()) {
            if (change.getAddedSubList().stream().anyMatch(w -> w instanceof javafx.stage.Stage)
                && notice.isVisible()
                && !undo.isVisible()
                && !untilDismissed
                && (noticeWhole == null || !noticeWhole.isShowing())) {
              hideNotice();
            }
          }
        };
    // Weakly: a window closed (another notebook opened) leaves no status bar behind.
    javafx.stage.Window.getWindows()
        .addListener(new javafx.collections.WeakListChangeListener<>(windowShown));
    root.getChildren().addAll(saveState, words, notice, undo, pinnedAction, spacer, path);
    root.setAlignment(Pos.CENTER_LEFT);
    root.setPadding(new Insets(3, 10, 3, 10));
    root.getStyleClass().add("tb-status-bar");
    this.talk = talk;
    talk.saveStateProperty()
        .addListener(
            (obs, old, state) -> {
              showState();
              if (state == EditorSession.SaveState.FAILED) {
                saveFailed = true;
              } else if (state == EditorSession.SaveState.SAVED && saveFailed) {
                saveFailed = false;
                journalWhy = null; // the save starts the journal afresh
                if (talk.getTalk() != null) {
                  showMessage(SAVED_AGAIN);
                }
              }
            });
    // The save state's details (why it is not saved, what to do) on a click, Enter or Space: it
    // takes the keyboard while it has them, so a keyboard user reaches them (a tooltip alone
    // was out of reach).
    saveState.setOnMouseClicked(e -> showSaveStateWhy());
    saveState.addEventHandler(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.ENTER
              || e.getCode() == javafx.scene.input.KeyCode.SPACE) {
            showSaveStateWhy();
            e.consume();
          }
        });
    talk.saveProblemProperty().addListener((obs, old, problem) -> showState());
    talk.retryInProperty().addListener((obs, old, wait) -> showState());
    talk.wordsProperty().addListener((obs, old, count) -> showWords());
    talk.talkProperty().addListener((obs, old, open) -> showState());
    talk.talkProperty()
        .addListener(
            (obs, old, open) -> {
              if (noticeWith >= 0 && (open == null || open.id() != noticeWith)) {
                hideNotice(); // about a talk the user has moved on from
              }
            });
    readOnlyWhy = readOnly ? OPENED_READ_ONLY : null;
    showState();
  }

  /**
   * The save state covers the talk's details too: not "Saved" while a field holds text the notebook
   * does not have, and why when it cannot take it; what they say of a talk left with a field not
   * saved is shown here, and a scheme they added, or details put back after a crash, offered to
   * undo; details not put back (changed since) are said until dismissed, and kept until then.
   */
  void followDetails(TalkDetailsPane details) {
    followDetails(details.unsavedProperty(), details.problemProperty(), details.notSavedProperty());
    details.onLeftUnsaved(this::showTalkMessage);
    details.onSchemeAdded(this::offerUndo);
    details.onTagRespelled(this::offerUndo);
    details.onPutBack(this::offerUndo);
    details.onKeptAside(
        (message, copyAgain, dismissed) ->
            showMessageUntilDismissed(message, "Copy again", copyAgain, dismissed));
  }

  private void followDetails(
      javafx.beans.value.ObservableBooleanValue unsaved,
      javafx.beans.value.ObservableStringValue problem,
      javafx.beans.value.ObservableStringValue notSaved) {
    detailsUnsaved = unsaved;
    detailsProblem = problem;
    detailsNotSaved = notSaved;
    unsaved.addListener((obs, old, now) -> showState());
    problem.addListener((obs, old, now) -> showState());
    notSaved.addListener((obs, old, now) -> showState());
    showState();
  }

  /**
   * The notebook is read-only because of {@code why} (a sentence from its small letter: "another
   * Talkbook has it open for writing."): the save state says "Read-only", its tooltip why.
   */
  void readOnlyBecause(String why) {
    readOnlyWhy = why;
    showState();
  }

  /**
   * A read-only window showed what another process saved (now): the save state says at what time.
   */
  void followed() {
    followedAt =
        java.time.LocalTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    showState();
  }

  /**
   * The notebook file was moved, renamed or deleted while open: the path shows where it is now (or
   * that it is gone), marked as a problem, with the whole message as its tooltip, and the message
   * shows whole in the bar once.
   */
  void fileMoved(dev.talkbook.core.store.Notebook.Moved moved) {
    path.setText(
        moved.deleted()
            ? moved.from() + "  (deleted)"
            : moved.now() == null ? moved.from() + "  (moved)" : moved.now() + "  (moved here)");
    path.setGraphic(Icons.of(Feather.ALERT_TRIANGLE));
    path.getStyleClass().remove("tb-muted");
    path.getStyleClass().add("tb-failed");
    path.setAccessibleHelp(moved.message());
    path.setTooltip(Tips.wrapping(moved.message()));
    showMessage(moved.message());
  }

  /**
   * Typing cannot be journaled, because of {@code why}: while the notes are saved, said once as a
   * notice; while saving fails too, part of the save state's details, not a second message.
   */
  void journalProblem(String why) {
    journalWhy = why;
    if (talk.saveStateProperty().get() != EditorSession.SaveState.FAILED) {
      showMessage(why);
    }
    showState();
  }

  /** What a read-only window says to a key typed into its notes (null when it is writable). */
  String readOnlyMessage() {
    return readOnlyWhy == null ? null : "This notebook is open read-only: " + readOnlyWhy;
  }

  /** Says {@code message} for a while, unless the bar says it already (no flicker per key). */
  void showMessageOnce(String message) {
    if (!(notice.isVisible() && message.equals(notice.getText()) && !undo.isVisible())) {
      showMessage(message);
    }
  }

  /** The notebook's path (out of the audience's sight while presenting). */
  javafx.scene.Node path() {
    return path;
  }

  HBox root() {
    return root;
  }

  /** Puts {@code indicator} (a state of the window's, such as live share) before the notebook. */
  void addIndicator(javafx.scene.Node indicator) {
    root.getChildren().add(root.getChildren().indexOf(path), indicator);
  }

  /** Says what just happened, with an Undo button for a while. */
  void offerUndo(String message, Runnable action) {
    offerUndo(message, action, false);
  }

  /**
   * As {@link #offerUndo(String, Runnable)}; {@code claimsNotesUndo} when Ctrl+Z in the notes may
   * take it (the menu's tag rename, which hands the keyboard back to the notes), not only the Undo
   * button and Ctrl+Z elsewhere.
   */
  void offerUndo(String message, Runnable action, boolean claimsNotesUndo) {
    offeredAt = System.nanoTime();
    this.claimsNotesUndo = claimsNotesUndo;
    oneLine();
    noticeWith = -1;
    notice.setText(message);
    showPinnedAction(null);
    undo.setOnAction(
        e -> {
          hideNotice();
          action.run();
        });
    for (javafx.scene.Node n : List.of(notice, undo)) {
      n.setVisible(true);
      n.setManaged(true);
    }
    noticeTimeout.setDuration(UNDO_FOR);
    noticeTimeout.playFromStart();
  }

  /**
   * Whether the status bar offers to undo something just done in the navigator (a delete, a
   * rename): Edit → Undo (Ctrl+Z) undoes it then, outside the notes, as its Undo link does.
   */
  javafx.beans.value.ObservableBooleanValue undoOffered() {
    return undo.visibleProperty();
  }

  /** When the Undo shown now was offered ({@link System#nanoTime}). */
  long undoOfferedAt() {
    return offeredAt;
  }

  private long offeredAt;

  private boolean claimsNotesUndo;

  /** Whether the Undo shown now may be taken by Ctrl+Z in the notes ({@link #offerUndo}). */
  boolean offerClaimsNotesUndo() {
    return claimsNotesUndo && undo.isVisible();
  }

  /**
   * Undoes what the status bar offers to undo, as its Undo link does; false when it offers none.
   */
  boolean undoOffer() {
    if (!undo.isVisible()) {
      return false;
    }
    undo.fire();
    return true;
  }

  /**
   * Says {@code message} about the talk just left (what it keeps unsaved) for a while, and no
   * longer than the talk now open is: opening another one hides it.
   */
  void showTalkMessage(String message) {
    showMessage(message);
    noticeWith = -2;
    // The talk now open, once the switch that left the other one is done.
    javafx.application.Platform.runLater(
        () -> {
          if (noticeWith == -2 && notice.isVisible() && message.equals(notice.getText())) {
            noticeWith = talk.getTalk() == null ? -1 : talk.getTalk().id();
          }
        });
  }

  /** Whether the notice shows its text cut with "…" (for tests). */
  boolean noticeCut() {
    return notice.isVisible() && cut();
  }

  /** Whether the notice shows its text cut ({@link CutText} measures its one line). */
  private boolean cut() {
    return noticeCut.isCut();
  }

  /** The cut notice takes the keyboard (its tooltip is {@link CutText}'s); a whole one does not. */
  private void markCut() {
    boolean cut = cut();
    // A notice that waits to be dismissed takes the keyboard too: Enter dismisses it.
    notice.setFocusTraversable(cut || untilDismissed);
    notice.setCursor(cut || untilDismissed ? javafx.scene.Cursor.HAND : null);
    notice.setAccessibleHelp(
        untilDismissed
            ? (cut && !pinnedReadWhole
                    ? "Enter shows the whole message, and once more dismisses it"
                    : "Enter dismisses the message")
                + (pinned.size() > 1 ? "; the one before it shows then" : "")
            : cut ? "Enter shows the whole message" : null);
  }

  /** Shows the notice's whole text over it, until a click elsewhere or Esc. */
  void showWholeNotice() {
    if (!notice.isVisible() || notice.getScene() == null) {
      return;
    }
    showWhole(notice, notice.getText());
  }

  /** Shows the save state's details over it (why it is not saved, what to do), if it has any. */
  void showSaveStateWhy() {
    if (saveState.getTooltip() != null && saveState.getScene() != null) {
      showWhole(saveState, saveState.getTooltip().getText());
    }
  }

  /** Shows {@code text} whole over {@code over}, until a click elsewhere or Esc. */
  private void showWhole(Label over, String text) {
    if (noticeWhole == null) {
      noticeWhole = dev.talkbook.ui.common.Tips.wrapping("");
      noticeWhole.setId("notice-whole");
      noticeWhole.setAutoHide(true);
      noticeWhole.setAnchorLocation(javafx.stage.PopupWindow.AnchorLocation.CONTENT_BOTTOM_LEFT);
      // Read and closed: the notice goes its usual while later.
      noticeWhole.setOnHidden(
          e -> {
            if (!untilDismissed) {
              noticeTimeout.playFromStart();
            }
          });
      // Its bottom just over the notice, whatever height its wrapped text gives it.
      noticeWhole.heightProperty().addListener(obs -> placeWholeNotice());
      noticeWhole.setOnShown(e -> placeWholeNotice());
    }
    noticeWhole.setText(text);
    javafx.geometry.Bounds at = over.localToScreen(over.getBoundsInLocal());
    noticeTimeout.stop(); // being read: it stays until the next notice or the user moves on
    wholeBottom = at.getMinY() - 2;
    noticeWhole.show(over, at.getMinX(), wholeBottom);
    javafx.application.Platform.runLater(this::placeWholeNotice);
  }

  /** Where the bottom of the whole notice goes (screen y). */
  private double wholeBottom;

  private void placeWholeNotice() {
    if (noticeWhole.isShowing() && noticeWhole.getHeight() > 0) {
      noticeWhole.setY(wholeBottom - noticeWhole.getHeight());
    }
  }

  /** The whole notice shown by {@link #showWholeNotice}, or null (for tests). */
  String wholeNoticeShown() {
    return noticeWhole != null && noticeWhole.isShowing() ? noticeWhole.getText() : null;
  }

  /**
   * Says {@code message} until the user dismisses it (a click, Enter or Space on it): the only
   * place that says something the user must act on, such as the file a crash's typing is kept in. A
   * dialog that opens (the start's offers) does not end it, nor does time; a later notice shows
   * over it for its while (a talk's cut notice, a save's message at a start after a crash replaced
   * it at once) and it comes back when that one goes. Another such message shows over it ("(1 of
   * 2)" before it), and once that one is dismissed this one is back: none is lost unread.
   */
  void showMessageUntilDismissed(String message) {
    pinned.remove(message); // the same again: once, the newest
    pinned.addLast(message);
    showPinned();
  }

  /**
   * Says {@code message} as {@link #showMessageUntilDismissed(String)} does, and runs {@code
   * dismissed} once the user dismissed it (what it says is kept until then: the details' texts not
   * put back).
   */
  void showMessageUntilDismissed(String message, Runnable dismissed) {
    // the same message again (shown once): its dismissal runs both
    onDismissed.merge(
        message,
        dismissed,
        (earlier, now) ->
            () -> {
              earlier.run();
              now.run();
            });
    showMessageUntilDismissed(message);
  }

  /**
   * Says {@code message} as {@link #showMessageUntilDismissed(String, Runnable)} does, with a
   * button named {@code actionName} beside it that runs {@code action} (true when done) as often as
   * the user likes while it shows: "Copy again" for texts it put on the clipboard, which the user
   * may have replaced since.
   */
  void showMessageUntilDismissed(
      String message,
      String actionName,
      java.util.function.BooleanSupplier action,
      Runnable dismissed) {
    pinnedActions.put(message, new PinnedAction(actionName, action));
    showMessageUntilDismissed(message, dismissed);
  }

  /**
   * The pinned message's action clicked: its button then says whether it was done, its name with a
   * check mark ("Copy again ✓") or with "(failed, try again)".
   */
  private void runPinnedAction() {
    PinnedAction action = pinnedActions.get(pinned.peekLast());
    if (action == null || !untilDismissed) {
      return;
    }
    boolean done = action.run().getAsBoolean();
    pinnedAction.setText(done ? action.name() + " ✓" : action.name() + " (failed, try again)");
  }

  /** The pinned message's action button shown (with its name) or hidden, as the notice shows. */
  private void showPinnedAction(PinnedAction action) {
    boolean shown = action != null;
    if (shown) {
      pinnedAction.setText(action.name());
    }
    pinnedAction.setVisible(shown);
    pinnedAction.setManaged(shown);
  }

  /**
   * The message that waits to be dismissed, on one line like any notice (on two it took the bar's
   * height twice): cut where the bar is too narrow, its whole text in its tooltip. No time ends it.
   */
  private void showPinned() {
    showMessage(
        pinned.size() > 1
            ? "(1 of " + pinned.size() + ") " + pinned.peekLast()
            : pinned.peekLast());
    noticeTimeout.stop();
    untilDismissed = true;
    pinnedReadWhole = false;
    showPinnedAction(pinnedActions.get(pinned.peekLast()));
    markCut();
  }

  /** The message that waits to be dismissed and shows, or null (for tests). */
  String pinnedMessage() {
    return pinned.peekLast();
  }

  /** The messages that wait to be dismissed, the one shown last (for tests). */
  List<String> pinnedMessages() {
    return List.copyOf(pinned);
  }

  /**
   * A click, Enter or Space on the notice: shown whole if it is cut (a message that waits to be
   * dismissed, once: the next click dismisses it), else dismissed if it waits for that.
   */
  private void showWholeOrDismiss() {
    if (untilDismissed && cut() && !pinnedReadWhole) {
      pinnedReadWhole = true;
      markCut();
      showWholeNotice();
    } else if (untilDismissed) {
      String gone = pinned.pollLast();
      pinnedActions.remove(gone);
      Runnable dismissed = onDismissed.remove(gone);
      hideNotice(); // the one before it, if any, shows
      if (dismissed != null) {
        dismissed.run();
      }
    } else {
      showWholeNotice();
    }
  }

  /** The notice shown now, or null when none is. */
  String messageShown() {
    return notice.isVisible() ? notice.getText() : null;
  }

  /**
   * Says what just happened, for a while (no Undo); also a message to read whole, such as what was
   * put back after a crash. On one line like any notice (on two the bar grew and pushed the
   * notebook's path aside, "/tmp/t1…"): cut with "…" where the bar is too narrow, its whole text in
   * its tooltip and shown over the bar by a click, Enter or Space on it.
   */
  void showMessage(String message) {
    oneLine();
    noticeWith = -1;
    notice.setText(message);
    notice.setVisible(true);
    notice.setManaged(true);
    undo.setVisible(false);
    undo.setManaged(false);
    showPinnedAction(null);
    noticeTimeout.setDuration(MESSAGE_FOR);
    noticeTimeout.playFromStart();
  }

  /** A notice that no longer waits to be dismissed (a later one shows, or none). */
  private void oneLine() {
    if (untilDismissed) {
      untilDismissed = false;
      markCut();
    }
  }

  private void hideNotice() {
    oneLine();
    noticeWith = -1;
    if (noticeWhole != null) {
      noticeWhole.hide();
    }
    for (javafx.scene.Node n : List.of(notice, undo, pinnedAction)) {
      n.setVisible(false);
      n.setManaged(false);
    }
    if (!pinned.isEmpty()) {
      showPinned(); // a later notice went: the one that waits to be dismissed is back
    }
  }

  private void showState() {
    boolean open = talk.getTalk() != null;
    for (javafx.scene.Node n : List.of(saveState, words)) {
      // Out of the row, not only empty: their gaps pushed a notice away from the bar's start.
      n.setVisible(open);
      n.setManaged(open);
    }
    if (!open) {
      // No talk open: nothing to say about saving or words.
      saveState.setText("");
      saveState.setGraphic(null);
      explainSaveState(null);
      words.setText("");
      return;
    }
    EditorSession.SaveProblem problem = talk.saveProblemProperty().get();
    saveState.getStyleClass().removeAll("tb-failed", "tb-muted");
    if (readOnlyWhy != null && talk.saveStateProperty().get() == EditorSession.SaveState.SAVED) {
      // Nothing can be typed or saved: not "Saved", which says the typing is kept.
      saveState.setText(
          followedAt == null
              ? "Read-only · following saves"
              : "Read-only · followed a save at " + followedAt);
      saveState.setGraphic(stateIcon(Feather.LOCK));
      saveState.getStyleClass().add("tb-muted");
      explainSaveState(
          readOnlyMessage()
              + " The notes and details can be read, not changed. What another window saves shows"
              + " here within a second or two.");
      showWords();
      return;
    }
    String detailsWhy = detailsProblem.get() == null ? "" : detailsProblem.get();
    if (talk.saveStateProperty().get() == EditorSession.SaveState.SAVED
        && detailsUnsaved.get()
        && !detailsWhy.isEmpty()) {
      // Fields the notebook cannot take yet (a time half typed): kept in them, not saved; which
      // ones, while the others are saved. "Details not saved" alone when the notebook failed.
      String which = detailsNotSaved.get() == null ? "" : detailsNotSaved.get();
      saveState.setText(which.isEmpty() ? "Details not saved: " + detailsWhy : which);
      saveState.setGraphic(stateIcon(Feather.ALERT_TRIANGLE));
      saveState.getStyleClass().add("tb-failed");
      // Every problem on a line of its own.
      explainSaveState(
          which.isEmpty() ? detailsWhy : detailsWhy + "\nThe other details are saved.");
      showWords();
      return;
    }
    switch (detailsUnsaved.get() && talk.saveStateProperty().get() == EditorSession.SaveState.SAVED
        ? EditorSession.SaveState.UNSAVED
        : talk.saveStateProperty().get()) {
      case SAVED -> {
        saveState.setText("Saved");
        saveState.setGraphic(stateIcon(Feather.CHECK));
        saveState.getStyleClass().add("tb-muted");
      }
      case UNSAVED -> {
        saveState.setText("Edited");
        saveState.setGraphic(stateIcon(Feather.EDIT_3));
        saveState.getStyleClass().add("tb-muted");
      }
      case SAVING -> {
        saveState.setText("Saving…");
        saveState.setGraphic(stateIcon(Feather.UPLOAD));
        saveState.getStyleClass().add("tb-muted");
      }
      case FAILED -> {
        java.time.Duration wait = talk.retryInProperty().get();
        // What went wrong in a few words ("the disk is full."): the bar names the notebook
        // already, and the whole message, with what to do, is the tooltip.
        saveState.setText(
            "Not saved: "
                + (problem == null ? "" : firstSentence(problem.reason()))
                + (wait == null ? "" : " Trying again in " + wait.toSeconds() + " s."));
        saveState.setGraphic(stateIcon(Feather.ALERT_TRIANGLE));
        saveState.getStyleClass().add("tb-failed");
        if (journalWhy != null && journalWhy.equals(notice.getText()) && notice.isVisible()) {
          hideNotice(); // said in the save state's details now: one message
        }
      }
    }
    explainSaveState(
        problem == null
            ? null
            : problem.message()
                + "\nThe text stays in the window, and Talkbook tries again by itself."
                + (journalWhy == null ? "" : "\n" + journalWhy));
    showWords();
  }

  /** Gives the save state the tooltip {@code why}, or none when it is null. */
  private void explainSaveState(String why) {
    if (why != null) {
      if (saveStateWhy == null) {
        saveStateWhy = Tips.tooltip();
      }
      saveStateWhy.setText(why);
    }
    saveState.setTooltip(why == null ? null : saveStateWhy);
    // With details to read, the keyboard reaches it (Enter or Space shows them); whole, not cut.
    boolean failed = why != null && saveState.getStyleClass().contains("tb-failed");
    saveState.setFocusTraversable(failed);
    saveState.setCursor(failed ? javafx.scene.Cursor.HAND : null);
    saveState.setAccessibleHelp(failed ? "Enter shows why and what to do" : null);
    failedWhole.set(failed);
  }

  /** Whether the save state says a failure: then it is never cut, the notice gives way. */
  private final javafx.beans.property.BooleanProperty failedWhole =
      new javafx.beans.property.SimpleBooleanProperty();

  private void showWords() {
    int count = talk.wordsProperty().get();
    // -1: a long note's words are still being counted.
    words.setText(talk.getTalk() == null || count < 0 ? "" : Counts.of(count, "word"));
  }

  /** The text up to the end of its first sentence (". "), or all of it. */
  static String firstSentence(String text) {
    if (text == null) {
      return "";
    }
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  /** The icon's size at the style sheet's text size, px (Ikonli's own). */
  static final int STATE_ICON_SIZE = 16;

  /**
   * The save state's icon, as large as its text: presenter mode's larger text left a "✓" of the
   * normal size beside "Saved" (ux18, s19c.png). Never smaller than at the normal size.
   */
  private org.kordamp.ikonli.javafx.FontIcon stateIcon(Feather icon) {
    org.kordamp.ikonli.javafx.FontIcon shown = Icons.of(icon);
    shown
        .iconSizeProperty()
        .bind(
            javafx.beans.binding.Bindings.createIntegerBinding(
                () ->
                    Math.max(
                        STATE_ICON_SIZE, (int) Math.round(saveState.getFont().getSize() * 8 / 7)),
                saveState.fontProperty()));
    return shown;
  }
}
