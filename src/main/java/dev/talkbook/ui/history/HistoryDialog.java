package dev.talkbook.ui.history;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.common.MarkedFlow;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.UiExecutors;
import dev.talkbook.ui.common.WrappingCell;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The open talk's kept revisions, newest first, each with its full date and why it was kept.
 * Selecting one shows what changed between it and the current text: removed lines on red, added
 * ones on green, the changed words marked, with line numbers and long unchanged stretches folded
 * (or shown, with "Show unchanged lines"). Restore brings the revision back (itself kept as a
 * revision, so it can be undone).
 */
public final class HistoryDialog extends Dialog<Void> {
  /** Unchanged lines shown around each change. */
  static final int CONTEXT = 3;

  static final String SAME_CLASS = "tb-diff-same";
  static final String REMOVED_CLASS = "tb-diff-removed";
  static final String ADDED_CLASS = "tb-diff-added";
  static final String GAP_CLASS = "tb-diff-gap";
  static final String MARK_CLASS = "tb-diff-mark";

  private static final javafx.scene.input.KeyCombination ESCAPE =
      new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.ESCAPE);
  private static final javafx.scene.input.KeyCombination ENTER =
      new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.ENTER);

  final ListView<Revision> revisions = new ListView<>();
  final ListView<LineDiff.Row> diff = new ListView<>();
  final CheckBox unchanged = new CheckBox("Show unchanged lines");
  final Label summary = new Label();

  /** Whether the chosen version is the current text (then there is nothing to restore). */
  private final javafx.beans.property.BooleanProperty sameAsNow =
      new javafx.beans.property.SimpleBooleanProperty();

  private final String currentText;

  public HistoryDialog(
      Window owner,
      Notebook notebook,
      UiExecutors executors,
      Talk talk,
      String currentText,
      Consumer<Talk> restored) {
    this.currentText = currentText;
    initOwner(owner);
    initModality(Modality.WINDOW_MODAL);
    Theme.dress(getDialogPane(), owner);
    setTitle("History — " + talk.title());
    setHeaderText(null);
    setResizable(true);
    revisions.setId("history-list");
    // No placeholder while the list is read: "none kept" is said once it is known.
    revisions.setPlaceholder(new Label());
    revisions.setCellFactory(view -> new RevisionCell());
    revisions.setMinWidth(230);
    diff.setId("history-diff");
    diff.getStyleClass().add("tb-diff");
    diff.setCellFactory(view -> new DiffCell());
    Label choose = wrapped("Choose a version on the left to see what changed since.");
    choose.setId("history-choose");
    // With no version kept there is nothing to choose: the list says why, and this stays empty.
    choose.visibleProperty().bind(Bindings.isNotEmpty(revisions.getItems()));
    diff.setPlaceholder(choose);
    unchanged.setId("history-unchanged");
    unchanged.selectedProperty().addListener((obs, o, v) -> showDiff(selected()));
    summary.setId("history-summary");
    summary.getStyleClass().add("tb-muted");
    summary.setWrapText(true);
    summary.setMinWidth(0);
    HBox.setHgrow(summary, Priority.ALWAYS);
    HBox top = new HBox(12, summary, unchanged);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(0, 0, 0, 2));
    unchanged.setMinWidth(Region.USE_PREF_SIZE);
    revisions.getSelectionModel().selectedItemProperty().addListener((obs, old, r) -> showDiff(r));
    VBox right = new VBox(6, top, diff);
    VBox.setVgrow(diff, Priority.ALWAYS);
    SplitPane split = new SplitPane(revisions, right);
    SplitPane.setResizableWithParent(revisions, false);
    split.setDividerPositions(0.27);
    split.setPadding(new Insets(6));
    getDialogPane().setContent(split);
    // Esc closes the dialog wherever the focus is. The Close button's Esc is an accelerator, run
    // only for a key no control used, and a list uses Esc (to cancel an edit, even in a list that
    // is not edited): once a click put the focus in the revisions, Esc did nothing.
    getDialogPane()
        .addEventFilter(
            javafx.scene.input.KeyEvent.KEY_PRESSED,
            e -> {
              if (ESCAPE.match(e)) {
                e.consume();
                close();
              }
            });
    getDialogPane().setPrefSize(1000, 640);
    getDialogPane().setMinSize(640, 400);
    // Sized to the window it belongs to (some window systems give a resizable dialog its minimum).
    setOnShown(
        e -> {
          if (owner != null && owner.getWidth() > 0) {
            setWidth(Math.max(640, Math.min(1100, owner.getWidth() * 0.85)));
            setHeight(Math.max(400, Math.min(800, owner.getHeight() * 0.85)));
            setX(owner.getX() + (owner.getWidth() - getWidth()) / 2);
            setY(owner.getY() + (owner.getHeight() - getHeight()) / 2);
          }
          split.setDividerPositions(290 / Math.max(600, getWidth()));
          // The keys go to the versions (the dialog gave them to Close): the arrows choose one at
          // once; Tab goes on to "Show unchanged lines", the diff, Restore and Close.
          revisions.requestFocus();
        });
    ButtonType restore = new ButtonType("Restore this version", ButtonBar.ButtonData.OK_DONE);
    getDialogPane().getButtonTypes().addAll(restore, ButtonType.CLOSE);
    Button restoreButton = (Button) getDialogPane().lookupButton(restore);
    restoreButton.setId("restore");
    // Nothing to restore when the chosen version is the text as it is.
    restoreButton
        .disableProperty()
        .bind(revisions.getSelectionModel().selectedItemProperty().isNull().or(sameAsNow));
    restoreButton.addEventFilter(
        javafx.event.ActionEvent.ACTION,
        e -> {
          e.consume();
          Revision r = revisions.getSelectionModel().getSelectedItem();
          executors.run(
              () -> {
                notebook.talks().saveBody(talk.id(), currentText);
                notebook.revisions().restore(r.id());
                return notebook.talks().get(talk.id());
              },
              t -> {
                restored.accept(t);
                close();
              },
              error -> Errors.show(owner, "Could not restore the revision", error));
        });
    // Enter in the list restores the chosen version, as the default button it is drawn as: the
    // list took the key (as a list does, to commit an edit) and Enter there did nothing.
    revisions.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (ENTER.match(e)) {
            e.consume();
            if (!restoreButton.isDisabled()) {
              restoreButton.fire();
            }
          }
        });
    executors.run(
        () -> notebook.revisions().list(talk.id()),
        list -> {
          revisions.setPlaceholder(wrapped("No revisions kept yet."));
          if (list.isEmpty()) {
            // Nothing to compare: the right side says what will be here, and offers no options.
            Label none =
                wrapped(
                    "Talkbook keeps versions of these notes while you write and when you leave"
                        + " the talk. Each will be listed on the left, to compare with the text now"
                        + " and to bring back.");
            none.setId("history-none");
            diff.setPlaceholder(none);
            unchanged.setVisible(false);
            unchanged.setManaged(false);
          }
          revisions.getItems().setAll(list);
          revisions.getSelectionModel().selectFirst();
        },
        error -> Errors.show(owner, "Could not read the history", error));
  }

  private static Label wrapped(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.getStyleClass().add("tb-muted");
    l.setPadding(new Insets(12));
    return l;
  }

  private Revision selected() {
    return revisions.getSelectionModel().getSelectedItem();
  }

  private void showDiff(Revision r) {
    if (r == null) {
      diff.getItems().clear();
      summary.setText("");
      sameAsNow.set(false);
      return;
    }
    LineDiff.Result result =
        LineDiff.of(r.body(), currentText, unchanged.isSelected() ? Integer.MAX_VALUE : CONTEXT);
    sameAsNow.set(result.same());
    diff.getItems().setAll(result.rows());
    diff.scrollTo(0);
    summary.setText(summary(result));
  }

  /** "Since this version: 2 lines added, 1 removed." */
  static String summary(LineDiff.Result result) {
    if (result.same()) {
      return "This version is the same as the current text.";
    }
    String added = Counts.of(result.added(), "line added", "lines added");
    if (result.removed() == 0) {
      return "Since this version: " + added + ".";
    }
    if (result.added() == 0) {
      return "Since this version: "
          + Counts.of(result.removed(), "line removed", "lines removed")
          + ".";
    }
    return "Since this version: " + added + ", " + result.removed() + " removed.";
  }

  /** Why a revision was kept, in the user's words. */
  static String why(Revision.Reason reason) {
    return switch (reason) {
      case AUTOSAVE -> "Kept while you wrote";
      case CHECKPOINT -> "Kept when you left the talk";
      case BEFORE_RESTORE -> "The text before a restore";
      case RESTORED -> "Brought back by a restore";
      case COMMAND -> "Saved by a talkbook command";
      case ADDED -> "The notes the talk was added with";
    };
  }

  /**
   * The line under a revision's date: why it was kept, its number (as {@code talkbook history} and
   * {@code talkbook restore} know it: revisions kept in the same minute differ there) and its age.
   */
  static String detail(Revision r, Instant now) {
    String ago = age(r.savedAt(), now);
    return why(r.reason()) + " · revision " + r.id() + (ago.isEmpty() ? "" : " · " + ago);
  }

  /** "5 minutes ago" and the like, for the last week; empty before that. */
  static String age(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    if (d.isNegative() || d.toMinutes() < 1) {
      return "just now";
    }
    if (d.toHours() < 1) {
      return Counts.of(d.toMinutes(), "minute ago", "minutes ago");
    }
    if (d.toDays() < 1) {
      return Counts.of(d.toHours(), "hour ago", "hours ago");
    }
    if (d.toDays() < 7) {
      return Counts.of(d.toDays(), "day ago", "days ago");
    }
    return "";
  }

  /** A revision: its date on top, why it was kept and how long ago below. */
  private static final class RevisionCell extends WrappingCell<Revision, VBox> {
    private final Label when = new Label();
    private final Label detail = new Label();

    RevisionCell() {
      super(new VBox(1));
      row.getChildren().setAll(when, detail);
      when.getStyleClass().add("tb-row-title");
      detail.getStyleClass().add("tb-row-detail");
      detail.setWrapText(true);
      when.setWrapText(true); // "Wednesday, 13 May 2026, 18:30" is wider than a narrow list
      row.setPadding(new Insets(2, 0, 2, 0));
      row.setMinWidth(0);
    }

    @Override
    protected void updateItem(Revision r, boolean empty) {
      super.updateItem(r, empty);
      setText(null);
      if (empty || r == null) {
        setGraphic(null);
        return;
      }
      when.setText(
          dev.talkbook.core.common.DateTimeText.dayAndTime(
              java.time.LocalDateTime.ofInstant(r.savedAt(), ZoneId.systemDefault()),
              dev.talkbook.core.common.DateTimeText.userLocale()));
      String ago = age(r.savedAt(), Instant.now());
      detail.setText(detail(r, Instant.now()));
      setGraphic(row);
    }
  }

  /** A row of the diff: line numbers, a sign, the text (wrapped) with the changed words marked. */
  private static final class DiffCell extends WrappingCell<LineDiff.Row, HBox> {
    private static final List<String> KINDS =
        List.of(SAME_CLASS, REMOVED_CLASS, ADDED_CLASS, GAP_CLASS);
    private final Label oldLine = number();
    private final Label newLine = number();
    private final Label sign = new Label();
    private final MarkedFlow text = new MarkedFlow("tb-diff-text", MARK_CLASS);
    private final Label gap = new Label();

    DiffCell() {
      super(new HBox());
      row.getChildren().setAll(oldLine, newLine, sign, text);
      sign.getStyleClass().add("tb-diff-sign");
      sign.setMinWidth(Region.USE_PREF_SIZE);
      sign.setPrefWidth(18);
      sign.setAlignment(Pos.CENTER);
      gap.getStyleClass().add("tb-muted");
      text.getStyleClass().add("tb-diff-line");
      // Long lines wrap inside the list's width: no horizontal scrolling.
      HBox.setHgrow(text, Priority.ALWAYS);
      row.setAlignment(Pos.TOP_LEFT);
      // Rows are read, not chosen: a click selects nothing.
      addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> e.consume());
    }

    private static Label number() {
      Label l = new Label();
      l.getStyleClass().add("tb-diff-number");
      l.setMinWidth(44);
      l.setPrefWidth(44);
      l.setAlignment(Pos.TOP_RIGHT);
      l.setPadding(new Insets(0, 8, 0, 0));
      return l;
    }

    @Override
    protected void updateItem(LineDiff.Row r, boolean empty) {
      super.updateItem(r, empty);
      getStyleClass().removeAll(KINDS);
      setText(null);
      if (empty || r == null) {
        setGraphic(null);
        return;
      }
      switch (r.kind()) {
        case GAP -> {
          getStyleClass().add(GAP_CLASS);
          gap.setText("\u22ef " + r.hidden() + " unchanged line" + (r.hidden() == 1 ? "" : "s"));
          setGraphic(gap);
          return;
        }
        case SAME -> getStyleClass().add(SAME_CLASS);
        case REMOVED -> getStyleClass().add(REMOVED_CLASS);
        case ADDED -> getStyleClass().add(ADDED_CLASS);
      }
      oldLine.setText(r.oldLine() == 0 ? "" : Integer.toString(r.oldLine()));
      newLine.setText(r.newLine() == 0 ? "" : Integer.toString(r.newLine()));
      sign.setText(
          switch (r.kind()) {
            case REMOVED -> "\u2212";
            case ADDED -> "+";
            default -> "";
          });
      text.show(
          r.text(), r.marks().stream().map(m -> new MarkedFlow.Range(m.start(), m.end())).toList());
      setGraphic(row);
    }
  }
}
