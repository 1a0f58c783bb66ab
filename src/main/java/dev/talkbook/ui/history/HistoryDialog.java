package dev.talkbook.ui.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.common.UiExecutors;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The open talk's kept revisions, newest first. Selecting one shows what changed between it and the
 * current text; Restore brings it back (itself kept as a revision, so it can be undone).
 */
public final class HistoryDialog extends Dialog<Void> {
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneId.systemDefault());

  final ListView<Revision> revisions = new ListView<>();
  final TextArea diff = new TextArea();
  private final Label summary = new Label();

  public HistoryDialog(
      Window owner,
      Notebook notebook,
      UiExecutors executors,
      Talk talk,
      String currentText,
      Consumer<Talk> restored) {
    initOwner(owner);
    initModality(Modality.WINDOW_MODAL);
    setTitle("History — " + talk.title());
    setHeaderText(null);
    setResizable(true);
    revisions.setId("history-list");
    revisions.setPlaceholder(new Label("No revisions kept yet: they are kept as you write."));
    revisions.setCellFactory(
        view ->
            new ListCell<>() {
              @Override
              protected void updateItem(Revision r, boolean empty) {
                super.updateItem(r, empty);
                setText(
                    empty || r == null
                        ? null
                        : WHEN.format(r.savedAt()) + " · " + r.reason().label());
              }
            });
    diff.setId("history-diff");
    diff.setEditable(false);
    diff.getStyleClass().add("tb-mono");
    summary.getStyleClass().add("tb-muted");
    revisions
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((obs, old, r) -> showDiff(r, currentText));
    VBox right = new VBox(6, summary, diff);
    VBox.setVgrow(diff, javafx.scene.layout.Priority.ALWAYS);
    SplitPane split = new SplitPane(revisions, right);
    split.setDividerPositions(0.3);
    split.setPadding(new Insets(6));
    getDialogPane().setContent(split);
    getDialogPane().setPrefSize(980, 600);
    getDialogPane().setMinSize(640, 400);
    ButtonType restore = new ButtonType("Restore this version", ButtonBar.ButtonData.OK_DONE);
    getDialogPane().getButtonTypes().addAll(restore, ButtonType.CLOSE);
    Button restoreButton = (Button) getDialogPane().lookupButton(restore);
    restoreButton.setId("restore");
    restoreButton
        .disableProperty()
        .bind(revisions.getSelectionModel().selectedItemProperty().isNull());
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
    executors.run(
        () -> notebook.revisions().list(talk.id()),
        list -> {
          revisions.getItems().setAll(list);
          revisions.getSelectionModel().selectFirst();
        },
        error -> Errors.show(owner, "Could not read the history", error));
  }

  private void showDiff(Revision r, String currentText) {
    if (r == null) {
      diff.clear();
      summary.setText("");
      return;
    }
    List<String> then = r.body().lines().toList();
    List<String> now = currentText.lines().toList();
    var patch = DiffUtils.diff(then, now);
    if (patch.getDeltas().isEmpty()) {
      summary.setText("Same as the current text.");
      diff.setText(r.body());
      return;
    }
    List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("then", "now", then, patch, 2);
    summary.setText("Lines starting with - are only in this version, + only in the current text.");
    diff.setText(String.join("\n", unified.subList(Math.min(2, unified.size()), unified.size())));
  }
}
