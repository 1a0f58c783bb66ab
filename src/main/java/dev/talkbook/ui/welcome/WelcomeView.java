package dev.talkbook.ui.welcome;

import dev.talkbook.ui.common.Icons;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * What an empty notebook shows: an invitation to add the sample meetup, a first event, a
 * conference's programme (an attendee's first step before a conference), or a folder of Markdown
 * notes (a publisher's first step, notes kept elsewhere until now).
 */
public final class WelcomeView {
  private final VBox root = new VBox(14);
  private final Button sample;
  private final Button event;
  private final Button schedule;
  private final Button markdown;
  private final Label text;

  public WelcomeView(
      Runnable addSample, Runnable newEvent, Runnable importSchedule, Runnable importMarkdown) {
    Label title = new Label("Welcome to Talkbook");
    title.getStyleClass().add("title-2");
    text =
        new Label(
            "Take notes at talks as Markdown outlines, kept in one notebook file. Start with a"
                + " sample meetup to see what notes can hold, add your first event, import a"
                + " conference's programme (pretalx, frab, Sessionize or iCalendar), or import a"
                + " folder of Markdown notes (Obsidian, Hugo, Jekyll or a Talkbook export).");
    text.setWrapText(true);
    text.setMaxWidth(440);
    text.getStyleClass().add("tb-muted");
    sample = new Button("Open the sample meetup", Icons.of(Feather.BOOK_OPEN));
    sample.setId("add-sample");
    sample.setDefaultButton(true);
    sample.setOnAction(e -> addSample.run());
    event = new Button("New event…", Icons.of(Feather.CALENDAR));
    event.setId("welcome-new-event");
    event.setOnAction(e -> newEvent.run());
    schedule = new Button("Import schedule…", Icons.of(Feather.DOWNLOAD));
    schedule.setId("welcome-import-schedule");
    schedule.setOnAction(e -> importSchedule.run());
    markdown = new Button("Import Markdown…", Icons.of(Feather.FOLDER));
    markdown.setId("welcome-import-markdown");
    markdown.setOnAction(e -> importMarkdown.run());
    // Side by side where they fit, else one under the other: never cut to "Open the sample mee…"
    // (the window's default middle pane, less this view's padding, is narrower than the two).
    sample.setMinWidth(Region.USE_PREF_SIZE);
    event.setMinWidth(Region.USE_PREF_SIZE);
    schedule.setMinWidth(Region.USE_PREF_SIZE);
    markdown.setMinWidth(Region.USE_PREF_SIZE);
    FlowPane buttons = new FlowPane(10, 10, sample, event, schedule, markdown);
    buttons.setAlignment(Pos.CENTER);
    buttons.setMaxWidth(440);
    root.getChildren().addAll(title, text, buttons);
    root.setAlignment(Pos.CENTER);
    root.setPadding(new Insets(40));
    root.setId("welcome");
    // It never holds the column tall (hidden under an open talk too): its buttons, one under the
    // other in a narrow window, squeezed the REPL under it. Its width still keeps the column wide
    // enough for the talk's find bar.
    root.setMinHeight(0);
    root.getStyleClass().add("tb-welcome");
  }

  /**
   * For a notebook open read-only: nothing can be added to it, so the buttons are greyed (as the
   * menus' are) and the text says so.
   */
  public void readOnly() {
    sample.setDisable(true);
    event.setDisable(true);
    schedule.setDisable(true);
    markdown.setDisable(true);
    text.setText(
        "This notebook is empty and open read-only (the file name below says so): nothing can be"
            + " added to it in this window.");
  }

  public VBox root() {
    return root;
  }

  /**
   * Gives the keyboard focus to the main button (the sample meetup), so Enter or Space takes it;
   * not while the user is typing into a field (a search begun before the notebook was read).
   */
  public void takeFocus() {
    javafx.scene.Scene scene = root.getScene();
    if (scene != null
        && scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl typing
        && !typing.getText().isEmpty()) {
      return;
    }
    sample.requestFocus();
  }
}
