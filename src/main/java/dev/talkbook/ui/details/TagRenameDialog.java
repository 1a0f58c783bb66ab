package dev.talkbook.ui.details;

import dev.talkbook.core.notebook.TagCount;
import dev.talkbook.core.notebook.Tags;
import dev.talkbook.ui.common.FormDialogs;
import dev.talkbook.ui.common.Theme;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Edit → Rename tag…: a tag of the notebook (the open talk's first, else the most used) and its new
 * name. It says how many talks carry the tag, and before a name that is another tag is taken, that
 * the two become one (the button then says Merge). A tester renamed a tag by editing each talk.
 */
public final class TagRenameDialog extends Dialog<TagRenameDialog.Choice> {
  /** The tag to rename and its new name, as typed. */
  public record Choice(String from, String to) {}

  final ComboBox<TagCount> tag = new ComboBox<>();
  final TextField name = new TextField();

  /** How many talks carry the tag; that the new name merges it into another tag. */
  final Label says = new Label();

  private final Label problem = FormDialogs.problemLine();
  private final List<TagCount> tags;

  /**
   * @param tags the notebook's tags with their counts (not empty)
   * @param first the tag chosen at first (any case), null for the first of {@code tags}
   */
  public TagRenameDialog(Window owner, List<TagCount> tags, String first) {
    this.tags = List.copyOf(tags);
    initOwner(owner);
    Theme.dress(getDialogPane(), owner);
    setTitle("Rename tag");
    setHeaderText("Rename a tag on every talk that carries it");
    setGraphic(null);
    tag.setId("rename-tag-from");
    name.setId("rename-tag-to");
    says.setId("rename-tag-says");
    tag.getItems().setAll(this.tags);
    StringConverter<TagCount> shown =
        new StringConverter<>() {
          @Override
          public String toString(TagCount t) {
            return t == null ? "" : t.name() + "  (" + talks(t.talks()) + ")";
          }

          @Override
          public TagCount fromString(String text) {
            return null; // not editable
          }
        };
    tag.setConverter(shown);
    tag.setCellFactory(
        list ->
            new ListCell<>() {
              @Override
              protected void updateItem(TagCount t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty ? null : shown.toString(t));
              }
            });
    tag.getSelectionModel().select(find(first).orElse(this.tags.get(0)));
    name.setText(tag.getValue().name());
    name.setPrefColumnCount(24);
    tag.valueProperty()
        .addListener(
            (obs, was, now) -> {
              if (was == null || name.getText().strip().equals(was.name())) {
                name.setText(now.name()); // the name not yet changed follows the tag
              }
              describe();
            });
    name.textProperty().addListener((obs, was, now) -> describe());
    says.setWrapText(true);
    says.setMinHeight(Region.USE_PREF_SIZE);
    says.prefWidthProperty().bind(name.widthProperty());
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.addRow(0, FormDialogs.labelFor("Tag", tag), tag);
    grid.addRow(1, FormDialogs.labelFor("New name", name), name);
    grid.add(says, 1, 2);
    grid.add(problem, 0, 3, 2, 1);
    tag.setMaxWidth(Double.MAX_VALUE);
    getDialogPane().setContent(grid);
    FormDialogs.fitTo(this, problem, says);
    FormDialogs.actionAndCancel(
        this,
        "Rename",
        Bindings.createBooleanBinding(
            () -> name.getText().isBlank() || name.getText().strip().equals(tag.getValue().name()),
            name.textProperty(),
            tag.valueProperty()),
        this::choice,
        problem::setText);
    describe();
    Platform.runLater(
        () -> {
          name.requestFocus();
          name.selectAll();
        });
  }

  /** The action's button ("Rename", or "Merge" onto another tag), for tests. */
  Button action() {
    List<javafx.scene.control.ButtonType> types = getDialogPane().getButtonTypes();
    return types.isEmpty() ? null : (Button) getDialogPane().lookupButton(types.get(0));
  }

  private Choice choice() {
    Tags.clean(List.of(name.getText())); // a comma, a name too long: said under the form
    return new Choice(tag.getValue().name(), name.getText().strip());
  }

  private java.util.Optional<TagCount> find(String tagName) {
    if (tagName == null) {
      return java.util.Optional.empty();
    }
    String key = Tags.key(tagName);
    return tags.stream().filter(t -> Tags.key(t.name()).equals(key)).findFirst();
  }

  /** Says how many talks carry the chosen tag, and what a name that is another tag does. */
  private void describe() {
    problem.setText("");
    TagCount from = tag.getValue();
    String typed = name.getText().strip();
    TagCount onto =
        typed.isEmpty() || Tags.key(typed).equals(Tags.key(from.name()))
            ? null
            : find(typed).orElse(null);
    String carried = "“" + from.name() + "” is on " + talks(from.talks()) + ".";
    if (onto == null) {
      says.setText(carried);
      if (action() != null) {
        action().setText("Rename");
      }
      return;
    }
    says.setText(
        carried
            + " “"
            + onto.name()
            + "” is a tag already, on "
            + talks(onto.talks())
            + ": the two become one tag, “"
            + onto.name()
            + "”.");
    if (action() != null) {
      action().setText("Merge");
    }
  }

  private static String talks(int n) {
    return n == 1 ? "1 talk" : n + " talks";
  }
}
