package dev.talkbook.ui.repl;

import dev.talkbook.core.repl.Rehearsal;
import dev.talkbook.ui.common.DialogButtons;
import dev.talkbook.ui.common.OverOwner;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Java → Rehearse: the talk's blocks run in a fresh Java VM; this window shows the progress and
 * every block, as it has run, with whether its result matches the output kept in the notes, and for
 * a block that differs the difference (a unified diff). Double-click (or Show in notes) puts the
 * notes' caret on the block. The notes are not changed. Closing the window (Esc, Enter, Close)
 * stops the rehearsal; the main window's shortcuts work while it has the focus.
 */
public final class RehearsalView {

  static final String STATUS_ID = "rehearsal-status";
  static final String CHECKS_ID = "rehearsal-checks";
  static final String DIFFERENCE_ID = "rehearsal-difference";
  static final String CLOSE_ID = "rehearsal-close";

  private final Stage stage = new Stage();
  private final ProgressBar bar = new ProgressBar(0);
  private final Label status = new Label("Starting a fresh Java VM…");
  private final ListView<Rehearsal.Check> checks = new ListView<>();
  private final TextArea difference = new TextArea();

  /** {@code showBlock}: puts the notes' caret on the block with this index. */
  public RehearsalView(Window owner, IntConsumer showBlock) {
    stage.initOwner(owner);
    OverOwner.place(stage);
    stage.setTitle("Rehearsal");
    bar.setMaxWidth(Double.MAX_VALUE);
    status.setId(STATUS_ID);
    status.setWrapText(true);
    checks.setId(CHECKS_ID);
    checks.setPlaceholder(new Label("Each block appears here once it has run."));
    checks.setCellFactory(
        list ->
            new ListCell<>() {
              @Override
              protected void updateItem(Rehearsal.Check c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : describe(c));
                getStyleClass().removeAll("tb-rehearsal-ok", "tb-rehearsal-differs");
                if (!empty && c != null) {
                  getStyleClass().add(c.matches() ? "tb-rehearsal-ok" : "tb-rehearsal-differs");
                }
              }
            });
    checks
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((obs, old, c) -> difference.setText(c == null ? "" : details(c)));
    checks.setOnMouseClicked(
        e -> {
          Rehearsal.Check c = checks.getSelectionModel().getSelectedItem();
          if (e.getClickCount() == 2 && c != null) {
            showBlock.accept(c.index());
          }
        });
    difference.setId(DIFFERENCE_ID);
    difference.setEditable(false);
    difference.setStyle("-fx-font-family: 'Monospaced';");
    Button show = new Button("Show in notes");
    show.disableProperty().bind(checks.getSelectionModel().selectedItemProperty().isNull());
    show.setOnAction(
        e -> {
          Rehearsal.Check c = checks.getSelectionModel().getSelectedItem();
          if (c != null) {
            showBlock.accept(c.index());
          }
        });
    Button close = new Button("Close");
    close.setId(CLOSE_ID);
    // Enter and Esc close the window from anywhere in it (Enter on a row shows its block).
    close.setCancelButton(true);
    close.setDefaultButton(true);
    close.setOnAction(e -> stage.close());
    // The list keeps Enter for itself (to edit a row): on a row it shows the block, on an empty
    // list (still running) it closes, as the default button would.
    checks.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
            Rehearsal.Check c = checks.getSelectionModel().getSelectedItem();
            e.consume();
            if (c != null) {
              showBlock.accept(c.index());
            } else {
              close.fire();
            }
          }
        });
    stage.setOnHidden(e -> onClosed.run());
    SplitPane split = new SplitPane(checks, difference);
    split.setOrientation(javafx.geometry.Orientation.VERTICAL);
    split.setDividerPositions(0.45);
    VBox.setVgrow(split, Priority.ALWAYS);
    VBox root = new VBox(10, bar, status, split, DialogButtons.bar(show, close));
    root.setPadding(new Insets(16));
    root.setPrefSize(640, 520);
    Scene scene = new Scene(root);
    scene.getStylesheets().add(ReplPane.stylesheet());
    stage.setScene(scene);
    // Esc closes even where a control keeps it for itself (the list, the difference's text).
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && !e.isShortcutDown()) {
            e.consume();
            stage.close();
          }
        });
    scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> forwardToOwner(owner, e));
  }

  /**
   * The main window's shortcuts (its menus' keys, Page Down and Page Up in presenter mode) work
   * while this window has the focus: it has no menu of its own and uses none of them. The keys that
   * edit or copy text stay here (the difference can be selected and copied).
   */
  private static void forwardToOwner(Window owner, KeyEvent e) {
    Scene main = owner == null ? null : owner.getScene();
    if (main == null || e.isConsumed() || KEPT.stream().anyMatch(k -> k.match(e))) {
      return;
    }
    for (var accelerator : main.getAccelerators().entrySet()) {
      if (accelerator.getKey().match(e)) {
        e.consume();
        accelerator.getValue().run();
        return;
      }
    }
    if (e.getCode() == javafx.scene.input.KeyCode.PAGE_DOWN
        || e.getCode() == javafx.scene.input.KeyCode.PAGE_UP) {
      // Presenter mode's next and previous snippet (a filter on the main window's scene).
      javafx.scene.Node target =
          main.getFocusOwner() != null ? main.getFocusOwner() : main.getRoot();
      e.consume();
      javafx.event.Event.fireEvent(target, e.copyFor(target, target));
    }
  }

  /** The keys this window's text and list keep: copy, select all, the editing keys. */
  private static final List<KeyCombination> KEPT =
      Stream.of(
              "Shortcut+C",
              "Shortcut+A",
              "Shortcut+X",
              "Shortcut+V",
              "Shortcut+Z",
              "Shortcut+Shift+Z",
              "Shortcut+Y",
              "Shortcut+Insert",
              "Shift+Insert")
          .map(KeyCombination::keyCombination)
          .toList();

  static String describe(Rehearsal.Check c) {
    return (c.matches() ? "✓ " : "✗ ")
        + "Block "
        + (c.index() + 1)
        + ", line "
        + c.line()
        + (c.matches()
            ? ": as in the notes"
            : c.stored() == null ? ": the notes keep no output for it" : ": differs");
  }

  private static String details(Rehearsal.Check c) {
    if (c.stoppedBothTimes()) {
      return "It was stopped, as the notes keep (by hand or at the time limit): what it printed"
          + " before the stop is not compared.\n\n"
          + c.now().text();
    }
    if (c.matches()) {
      return c.now().text().isEmpty()
          ? "It gives no output, and the notes keep none."
          : "It gives what the notes keep:\n\n" + c.now().text();
    }
    return c.difference();
  }

  public void show() {
    stage.show();
  }

  /** Block {@code index} of {@code total} is running. */
  public void running(int index, int total) {
    bar.setProgress(total == 0 ? 1 : (double) index / total);
    status.setText("Running block " + (index + 1) + " of " + total + "…");
  }

  /** What closing the window does besides (the runner stops the rehearsal). */
  public void setOnClosed(Runnable action) {
    this.onClosed = action;
  }

  private Runnable onClosed = () -> {};

  /** A block has run: it joins the list. */
  public void checked(Rehearsal.Check check) {
    checks.getItems().add(check);
  }

  /** The rehearsal is over: every block's check (the blocks that ran, when it was stopped). */
  public void finished(Rehearsal.Report report) {
    bar.setProgress(report.stopped() ? (double) report.checks().size() / report.total() : 1);
    checks.getItems().setAll(report.checks());
    status.setText(report.verdict() + " The notes were not changed.");
    report.checks().stream()
        .filter(c -> !c.matches())
        .findFirst()
        .ifPresentOrElse(
            c -> checks.getSelectionModel().select(c),
            () -> checks.getSelectionModel().selectFirst());
  }

  /** The rehearsal could not run. */
  public void failed(String message) {
    bar.setProgress(0);
    status.setText("The rehearsal could not run: " + message);
  }

  /** The window, for tests. */
  Stage stage() {
    return stage;
  }
}
