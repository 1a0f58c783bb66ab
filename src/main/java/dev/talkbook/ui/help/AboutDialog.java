package dev.talkbook.ui.help;

import dev.talkbook.core.common.AppVersion;
import dev.talkbook.ui.common.Theme;
import java.nio.file.Path;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Help → About Talkbook: the version, the Java and JavaFX it runs on, and the files it uses (the
 * notebook, the settings), with a button that copies them for a bug report.
 */
public final class AboutDialog extends Dialog<Void> {
  /** The style class of the names in the left column (Java, JavaFX, Notebook, Settings). */
  public static final String KEY_CLASS = "tb-about-key";

  final Label details = new Label();

  public AboutDialog(Window owner, Path notebook, Path settings) {
    initOwner(owner);
    Theme.dress(getDialogPane(), owner);
    setTitle("About Talkbook");
    setHeaderText(null);
    getDialogPane().setId("about");
    Label name = new Label("Talkbook " + AppVersion.version());
    name.getStyleClass().add("tb-about-name");
    name.setId("about-name");
    Label what =
        new Label(
            "Notes at talks, live code on stage, and a site for readers, kept in one notebook"
                + " file.");
    what.setWrapText(true);
    what.getStyleClass().add("tb-muted");
    GridPane facts = new GridPane();
    facts.setHgap(14);
    facts.setVgap(4);
    String[][] rows = {
      {"Java", AppVersion.java().substring("Java ".length())},
      {"JavaFX", String.valueOf(System.getProperty("javafx.runtime.version"))},
      {"Notebook", notebook.toAbsolutePath().toString()},
      {"Settings", settings.toAbsolutePath().toString()},
    };
    StringBuilder text = new StringBuilder(name.getText()).append('\n');
    for (int i = 0; i < rows.length; i++) {
      Label key = new Label(rows[i][0]);
      key.getStyleClass().addAll("tb-muted", KEY_CLASS);
      // Never narrower than its word: a long path beside it took the column down to "…".
      key.setMinWidth(Region.USE_PREF_SIZE);
      Label value = new Label(rows[i][1]);
      value.setWrapText(true);
      facts.addRow(i, key, value);
      text.append(rows[i][0]).append(": ").append(rows[i][1]).append('\n');
    }
    details.setText(text.toString());
    VBox box = new VBox(10, name, what, facts);
    box.setPadding(new Insets(8, 8, 0, 8));
    box.setPrefWidth(500);
    getDialogPane().setContent(box);
    ButtonType copy = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);
    getDialogPane().getButtonTypes().addAll(copy, ButtonType.CLOSE);
    // Enter closes, as in any notice; the focus starts there, not on "Copy details".
    Button close = (Button) getDialogPane().lookupButton(ButtonType.CLOSE);
    close.setDefaultButton(true);
    setOnShown(e -> close.requestFocus());
    Button copyButton = (Button) getDialogPane().lookupButton(copy);
    copyButton.setId("about-copy");
    copyButton.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          e.consume(); // the dialog stays open
          ClipboardContent c = new ClipboardContent();
          c.putString(details.getText());
          Clipboard.getSystemClipboard().setContent(c);
          copyButton.setText("Copied");
        });
  }

  /** What "Copy details" copies. */
  public String details() {
    return details.getText();
  }
}
