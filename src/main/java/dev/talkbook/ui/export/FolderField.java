package dev.talkbook.ui.export;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * A folder typed as a path, with a "Choose…" button that opens the system's folder chooser where
 * the typed folder is (or would be). The dialogs that read or write a folder use it: the path field
 * is what a keyboard user types into (the GTK chooser, light-themed and taller than a 768-pixel
 * screen, hid its buttons, and its Ctrl+L went into the folder rather than choosing it).
 */
final class FolderField {
  private final TextField field;
  private final HBox row;

  /**
   * @param text the folder offered (the last one used, or a default)
   * @param prompt what the empty field says
   * @param chooserTitle the folder chooser's title; also what the button says it chooses
   */
  FolderField(String id, String text, String prompt, String chooserTitle) {
    field = new TextField(text);
    field.setId(id);
    field.setPromptText(prompt);
    field.setAccessibleText(chooserTitle);
    HBox.setHgrow(field, Priority.ALWAYS);
    Button browse = new Button("Choose…");
    browse.setAccessibleText("Choose the " + lowerFirst(chooserTitle));
    browse.setMinWidth(Region.USE_PREF_SIZE);
    browse.setOnAction(
        e -> {
          DirectoryChooser chooser = new DirectoryChooser();
          chooser.setTitle(chooserTitle);
          Path start = existingFolderNear(field.getText());
          if (start != null) {
            chooser.setInitialDirectory(start.toFile());
          }
          Window owner = field.getScene() == null ? null : field.getScene().getWindow();
          File chosen = chooser.showDialog(owner);
          if (chosen != null) {
            field.setText(chosen.getAbsolutePath());
          }
        });
    row = new HBox(6, field, browse);
    row.setAlignment(Pos.CENTER_LEFT);
  }

  /** The text field (for labels, focus and listeners). */
  TextField field() {
    return field;
  }

  /** The field and its button, one row. */
  HBox row() {
    return row;
  }

  /**
   * The typed folder ({@link #resolve}), or null when the field is blank, is not a path or is not a
   * full one ({@link #whyNot} says which).
   */
  Path path() {
    return resolve(field.getText());
  }

  /**
   * Why the typed text is no folder to use ({@link #path} is null): not a full path (a relative
   * path would go wherever the app was started), or not a path at all.
   */
  String whyNot() {
    String text = field.getText().strip();
    try {
      if (!text.isEmpty() && !Path.of(text).isAbsolute()) {
        return "\u201c"
            + text
            + "\u201d is not a full path: type the whole path (~ is your home folder).";
      }
    } catch (InvalidPathException notAPath) {
      // said below
    }
    return "\u201c" + text + "\u201d is not a folder's path.";
  }

  /**
   * {@code text} as a full, normalized path: a leading {@code ~} is the home folder, as in a shell;
   * null when it is blank, not a path, or relative (the app's working folder is nowhere the user
   * chose).
   */
  static Path resolve(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return null;
    }
    if (t.equals("~") || t.startsWith("~/") || t.startsWith("~" + File.separator)) {
      t = System.getProperty("user.home") + t.substring(1);
    }
    try {
      Path p = Path.of(t);
      return p.isAbsolute() ? p.normalize() : null;
    } catch (InvalidPathException notAPath) {
      return null;
    }
  }

  /** Puts the keyboard in the field with its text selected to type over, once the dialog shows. */
  void focusWhenShown(javafx.stage.Stage stage) {
    stage.setOnShown(
        e -> {
          field.requestFocus();
          field.selectAll();
        });
  }

  /**
   * The folder a chooser starts in: the typed one, else the nearest folder above it that exists (a
   * folder offered but not made yet: where it would be).
   */
  static Path existingFolderNear(String text) {
    Path current = resolve(text);
    while (current != null && !Files.isDirectory(current)) {
      current = current.getParent();
    }
    return current;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
