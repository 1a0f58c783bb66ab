package dev.talkbook.ui;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.repl.KeptOutput;
import dev.talkbook.ui.common.Icons;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The banner above the notes while the open talk's notes are shown cut and read-only ({@link
 * TalkScreen#shown}): why (a line too long, or with too many Markdown marks, for the editor to lay
 * out), that nothing is lost, and how to edit them from the command line, with a button that copies
 * the command (the talk's id and the notebook's path filled in). It stays while that talk is open;
 * a status-bar notice went after a few seconds and was easily missed.
 */
final class CutNotesBanner {
  static final String ID = "cut-notes-banner";

  private final Path notebook;
  private final VBox root = new VBox(6);
  private final Label why = new Label();
  private final Label command = new Label();
  private final Button copy = new Button("Copy command");
  private final Label copied = new Label();

  /**
   * @param notebook the window's notebook
   */
  CutNotesBanner(Path notebook) {
    this.notebook = notebook;
    root.setId(ID);
    root.getStyleClass().add("tb-cut-banner");
    Label title = new Label("These notes are shown cut and read-only", Icons.of(Feather.SCISSORS));
    title.getStyleClass().add("tb-cut-banner-title");
    why.setId(ID + "-why");
    why.setWrapText(true);
    why.setMinHeight(Region.USE_PREF_SIZE);
    command.setId(ID + "-command");
    command.getStyleClass().add("tb-cut-banner-command");
    command.setWrapText(true);
    command.setMinHeight(Region.USE_PREF_SIZE);
    command.setMaxWidth(Double.MAX_VALUE);
    copy.setId(ID + "-copy");
    copy.setOnAction(e -> copy());
    copy.setMinWidth(Region.USE_PREF_SIZE); // the command wraps, the button stays whole
    copied.setId(ID + "-copied");
    copied.getStyleClass().add("tb-muted");
    copied.setWrapText(true);
    copied.setMinHeight(Region.USE_PREF_SIZE);
    copied.managedProperty().bind(copied.visibleProperty());
    HBox row = new HBox(6, command, copy);
    row.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(command, Priority.ALWAYS);
    root.getChildren().addAll(title, why, row, copied);
    root.setMinHeight(Region.USE_PREF_SIZE);
    hide();
  }

  /** The banner: above the notes, in the talk's column. */
  Region root() {
    return root;
  }

  /**
   * Shows why the notes of {@code talk} are cut, its longest line cut being {@code longestCut}
   * characters long, and the command that edits them.
   */
  void show(Talk talk, int longestCut) {
    why.setText(why(talk, longestCut, notebook));
    command.setText(command(talk.id(), notebook));
    copied.setText("");
    copied.setVisible(false);
    root.setVisible(true);
    root.setManaged(true);
  }

  /** No notes shown cut: the banner goes. */
  void hide() {
    root.setVisible(false);
    root.setManaged(false);
  }

  /** Whether the banner shows. */
  boolean isShown() {
    return root.isVisible();
  }

  /**
   * Why the notes are cut, that nothing is lost, and how to edit them: the command that writes them
   * to a file names {@code notebook}, as {@link #command} does.
   */
  static String why(Talk talk, int longestCut, Path notebook) {
    String line =
        longestCut > TalkScreen.LONGEST_LINE
            ? "“"
                + talk.title()
                + "” has a line of "
                + KeptOutput.count(longestCut)
                + " characters; the editor lays out at most "
                + KeptOutput.count(TalkScreen.LONGEST_LINE)
                + " on one line."
            : "“"
                + talk.title()
                + "” has a line styled in more than "
                + TalkScreen.MOST_SPANS
                + " pieces (emphasis, code, links, list markers…), more than the editor lays out on"
                + " one line in reasonable time.";
    return line
        + " Nothing is lost: the notebook, the preview and exports have the notes whole. To edit"
        + " them, write them to a file ("
        + talkbook(notebook)
        + "show "
        + talk.id()
        + " > FILE), break the line in another editor, quit Talkbook (one program at a time may"
        + " change the notebook) and put them back with this command:";
  }

  /**
   * The command that makes FILE's text the notes of talk {@code talkId} of {@code notebook}. The
   * notebook is always named: which one {@code talkbook} opens by itself depends on the terminal's
   * environment ({@code TALKBOOK_NOTEBOOK}), not the window's, and a command run on another
   * notebook put these notes into another notebook's talk of that id (or another talk's notes into
   * these).
   */
  static String command(long talkId, Path notebook) {
    return talkbook(notebook) + "talk edit " + talkId + " --notes-file FILE";
  }

  /** "talkbook --notebook PATH ": the start of a command on {@code notebook}. */
  private static String talkbook(Path notebook) {
    return "talkbook --notebook "
        + shellWord(notebook.toAbsolutePath().normalize().toString())
        + " ";
  }

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

  /** {@code word} as one word of a POSIX shell: quoted when it holds anything else. */
  static String shellWord(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  private void copy() {
    boolean done;
    try {
      ClipboardContent content = new ClipboardContent();
      content.putString(command.getText());
      done = Clipboard.getSystemClipboard().setContent(content);
    } catch (RuntimeException e) {
      done = false;
    }
    copied.setText(
        done
            ? "Copied: paste it into a terminal and put the file's name in place of FILE."
            : "Could not copy to the clipboard: type the command above into a terminal.");
    copied.setVisible(true);
  }

  /** The words the banner says of why. */
  String said() {
    return why.getText();
  }

  /** The command shown (and copied). */
  String commandShown() {
    return command.getText();
  }
}
