package dev.talkbook.ui.repl;

import dev.talkbook.core.repl.Rehearsal;
import dev.talkbook.ui.common.OverOwner;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Java → Rehearse: the talk's blocks run in a fresh Java VM; this window shows the progress and
 * every block, as it has run, with whether its result matches the output kept in the notes, and for
 * a block that differs the difference (a unified diff). Double-click (or Show in notes) puts the
 * notes' caret on the block. The notes are not changed. Closing the window stops the rehearsal.
 */
public final class RehearsalView {

  static final String STATUS_ID = "rehearsal-status";
  static final String CHECKS_ID = "rehearsal-checks";
  static final String DIFFERENCE_ID = "rehearsal-difference";

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
    close.setCancelButton(true);
    close.setOnAction(e -> stage.close());
    stage.setOnHidden(e -> onClosed.run());
    SplitPane split = new SplitPane(checks, difference);
    split.setOrientation(javafx.geometry.Orientation.VERTICAL);
    split.setDividerPositions(0.45);
    VBox.setVgrow(split, Priority.ALWAYS);
    VBox root = new VBox(10, bar, status, split, new HBox(8, show, close));
    root.setPadding(new Insets(16));
    root.setPrefSize(640, 520);
    Scene scene = new Scene(root);
    scene.getStylesheets().add(ReplPane.stylesheet());
    stage.setScene(scene);
  }

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
