package dev.talkbook.ui.navigator;

import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.ui.common.CommaList;
import dev.talkbook.ui.common.FormDialogs;
import dev.talkbook.ui.common.TalkTime;
import dev.talkbook.ui.common.Theme;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * A new talk: its title, and while one is at it its speakers, start time, room and tags (all
 * optional; room and tags were reached only in the details, past the ☆ button, by a count of Tabs).
 * In an event listed by day the time is offered already, the day's (see {@link #NewTalkDialog}), so
 * the talk is listed under that day rather than under "No time"; it reads as the details' time
 * field does ({@link TalkTime}), and a time that cannot be read is said under it, Create held back.
 * A clock time alone ("10:30") is on the day offered, else on the event's one day (a meetup); in an
 * event of several days it is refused, saying that it needs its day.
 */
final class NewTalkDialog extends Dialog<Talk.Details> {
  /** The fields' ids, for tests and the accessibility tools. */
  static final String TITLE_ID = "talk-title-input";

  static final String SPEAKERS_ID = "talk-speakers-input";
  static final String TIME_ID = "talk-time-input";
  static final String ROOM_ID = "talk-room-input";
  static final String TAGS_ID = "talk-tags-input";

  final TextField title = new TextField();
  final TextField speakers = new TextField();
  final TextField time = new TextField();
  final TextField room = new TextField();
  final TextField tags = new TextField();
  private final Label problem = FormDialogs.problemLine();

  /** The day a clock time typed alone ("10:30") is on; null when the event has no one day. */
  private final LocalDate day;

  /** The day the time's examples are on: the event's first, null when it has none. */
  private final LocalDate near;

  /**
   * @param eventTitle the event the talk goes into (which the tree may have scrolled away)
   * @param at the time offered, null for none
   * @param day the day a clock time typed alone is on (the event's one day), null for none: the
   *     offered time's day is taken before it
   * @param near the day the examples of a time refused are on (the event's first), null for any
   */
  NewTalkDialog(Window owner, String eventTitle, LocalDateTime at, LocalDate day, LocalDate near) {
    this.day = at != null ? at.toLocalDate() : day;
    this.near = near;
    initOwner(owner);
    Theme.dress(getDialogPane(), owner);
    setTitle("New talk");
    setHeaderText("In " + eventTitle);
    setGraphic(null); // not a question: a form, like the event's
    title.setId(TITLE_ID);
    title.setPrefColumnCount(28);
    speakers.setId(SPEAKERS_ID);
    speakers.setPromptText("Comma separated (optional)");
    speakers.setAccessibleText("Speakers, comma separated");
    time.setId(TIME_ID);
    time.setPromptText(
        (this.day == null ? "" : TalkTime.CLOCK_PROMPT + " or ")
            + TalkTime.PROMPT
            + TalkTime.OPTIONAL);
    time.setText(TalkTime.format(at));
    time.setAccessibleText("Start time, as " + TalkTime.PROMPT);
    room.setId(ROOM_ID);
    room.setPromptText("Optional");
    room.setAccessibleText("Room");
    tags.setId(TAGS_ID);
    tags.setPromptText("Comma separated (optional)");
    tags.setAccessibleText("Tags, comma separated");
    // the dialog grows to show the message, and shrinks back when it goes (the buttons were cut)
    FormDialogs.fitTo(this, problem);
    time.textProperty()
        .addListener(
            (obs, old, text) -> {
              boolean readable = readable(text);
              time.pseudoClassStateChanged(FormDialogs.INVALID, !readable);
              if (readable) {
                problem.setText(""); // said on Create; gone once right
              }
            });
    GridPane form = new GridPane();
    form.setHgap(10);
    form.setVgap(8);
    form.addRow(0, FormDialogs.labelFor("Title", title), title);
    form.addRow(1, FormDialogs.labelFor("Speakers", speakers), speakers);
    form.addRow(2, FormDialogs.labelFor("Time", time), time);
    form.add(problem, 1, 3);
    // Under the time's problem line, which is empty (no room) until Create finds a problem: the
    // Tab order follows the rows, title to tags.
    form.addRow(4, FormDialogs.labelFor("Room", room), room);
    form.addRow(5, FormDialogs.labelFor("Tags", tags), tags);
    GridPane.setHgrow(title, Priority.ALWAYS);
    getDialogPane().setContent(form);
    // Greyed on an empty title: Enter then closed the dialog and did nothing, as if the talk had
    // been made. A time the core refuses is said under the fields, the caret back in the time.
    FormDialogs.actionAndCancel(
        this,
        "Create",
        title.textProperty().map(String::isBlank),
        this::details,
        refused -> {
          problem.setText(refused);
          time.requestFocus();
        });
    Platform.runLater(title::requestFocus);
  }

  private boolean readable(String text) {
    try {
      TalkTime.parse(text, day, near);
      return true;
    } catch (NotebookException e) {
      return false;
    }
  }

  /** The talk as typed. */
  private Talk.Details details() {
    LocalDateTime at = TalkTime.parse(time.getText(), day, near).orElse(null);
    List<String> names = CommaList.split(speakers.getText());
    String where = room.getText().isBlank() ? null : room.getText().strip();
    return new Talk.Details(
        title.getText(), names, at, where, null, null, CommaList.split(tags.getText()));
  }
}
