package dev.talkbook.ui.agenda;

import dev.talkbook.core.agenda.NowAndNext;
import dev.talkbook.core.agenda.NowAndNext.Room;
import dev.talkbook.core.agenda.NowAndNext.Slot;
import dev.talkbook.core.common.Counts;
import dev.talkbook.core.common.DateTimeText;
import dev.talkbook.core.common.ListPhrase;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.BidiText;
import dev.talkbook.ui.common.DialogButtons;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.common.OverOwner;
import dev.talkbook.ui.common.Tips;
import dev.talkbook.ui.common.UiExecutors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * View → Now and next: for each room, the talk on now and the one after it, from the injected
 * clock, rooms with a starred talk first; refreshed every half minute. Enter (or a double click)
 * opens the selected talk's notes; when the view opens, the current talk — a starred one if any is
 * on — is selected, so Enter alone opens what is on now.
 */
public final class NowAndNextView {
  public static final String LIST_ID = "now-and-next";
  public static final String EMPTY_ID = "now-and-next-empty";
  public static final String OPEN_ID = "now-and-next-open";
  public static final String CLOSE_ID = "now-and-next-close";

  /** One row: a talk now or next in its room. */
  public record Row(Room room, Slot slot, boolean now, String eventTitle, ZoneId zone) {}

  private final Notebook notebook;
  private final UiExecutors executors;
  private final Clock clock;
  private final LongConsumer openTalk;
  private final Stage stage = new Stage();
  private final ListView<Row> list = new ListView<>();
  private final Label empty = new Label();
  private final Label heading = new Label();
  private final Label hint = new Label("Enter opens the selected talk's notes.");
  private ScheduledFuture<?> refresh;

  /**
   * The timetable and the events' zones, read together off the FX thread.
   *
   * @param ahead the first talk still to come however far ahead, null when none is
   * @param timed whether any talk has a time at all
   */
  private record Data(
      List<Room> rooms, Map<Long, Event> events, NowAndNext.Ahead ahead, boolean timed) {}

  public NowAndNextView(
      Window owner, Notebook notebook, UiExecutors executors, Clock clock, LongConsumer openTalk) {
    this.notebook = notebook;
    this.executors = executors;
    this.clock = clock;
    this.openTalk = openTalk;
    stage.initOwner(owner);
    OverOwner.place(stage);
    stage.setTitle("Now and next");
    list.setId(LIST_ID);
    list.setCellFactory(v -> new RowCell());
    list.setPlaceholder(empty);
    empty.setId(EMPTY_ID);
    empty.setWrapText(true);
    empty.setPadding(new Insets(12)); // not against the list's border
    empty.getStyleClass().add("tb-muted");
    list.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            openSelected();
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE) {
            stage.close();
          }
        });
    list.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            openSelected();
          }
        });
    heading.getStyleClass().add("tb-now-heading");
    // "At 02:08 in Berlin and Amsterdam (01:08 here) — 2 talks on now" is wider than the dialog
    heading.setWrapText(true);
    heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    hint.getStyleClass().add("tb-muted");
    VBox.setVgrow(list, Priority.ALWAYS);
    // Buttons as in every other window: Enter opens (greyed with nothing to open), Esc closes.
    Button open = new Button("Open notes");
    open.setId(OPEN_ID);
    open.setDefaultButton(true);
    open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    open.setOnAction(e -> openSelected());
    Button close = new Button("Close");
    close.setId(CLOSE_ID);
    close.setCancelButton(true);
    close.setOnAction(e -> stage.close());
    ButtonBar buttons = DialogButtons.bar(open, close);
    hint.setWrapText(true);
    hint.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(hint, Priority.ALWAYS);
    HBox bottom = new HBox(12, hint, buttons);
    bottom.setAlignment(Pos.CENTER_LEFT);
    VBox root = new VBox(8, heading, list, bottom);
    root.setPadding(new Insets(12));
    root.setPrefSize(560, 460);
    root.getStyleClass().add("tb-now-and-next");
    stage.setScene(new Scene(root));
    stage.setOnHidden(
        e -> {
          if (refresh != null) {
            refresh.cancel(false);
          }
        });
  }

  public Stage stage() {
    return stage;
  }

  public ListView<Row> list() {
    return list;
  }

  /** Shows the window and keeps it current. */
  public void show() {
    stage.show();
    reload();
    refresh =
        executors
            .timer()
            .scheduleWithFixedDelay(
                () -> Platform.runLater(this::reload), 30, 30, TimeUnit.SECONDS);
  }

  /** Reads the timetable again and shows what is on at the clock's now. */
  public void reload() {
    Instant now = clock.instant();
    ZoneId own = clock.getZone();
    executors.run(
        () -> {
          Map<Long, Event> events = new HashMap<>();
          Map<Long, ZoneId> zones = new HashMap<>();
          for (Event e : notebook.events().list()) {
            events.put(e.id(), e);
            e.zone().ifPresent(z -> zones.put(e.id(), z));
          }
          var timetable = notebook.talks().timetable();
          return new Data(
              NowAndNext.at(timetable, zones, now, own),
              events,
              NowAndNext.firstAfter(timetable, zones, now, own).orElse(null),
              timetable.stream().anyMatch(t -> !t.removed() && t.startsAt() != null));
        },
        data -> show(data, now, own),
        error -> Errors.show(stage, "Could not read the timetable", error));
  }

  private void show(Data data, Instant now, ZoneId own) {
    Long selected =
        list.getSelectionModel().getSelectedItem() == null
            ? null
            : list.getSelectionModel().getSelectedItem().slot().talk().talkId();
    List<Row> rows = new java.util.ArrayList<>();
    for (Room r : data.rooms()) {
      Event e = data.events().get(r.eventId());
      String title = e == null ? "" : e.title();
      ZoneId zone = zoneOf(e, own);
      if (r.now() != null) {
        rows.add(new Row(r, r.now(), true, title, zone));
      }
      if (r.next() != null) {
        rows.add(new Row(r, r.next(), false, title, zone));
      }
    }
    long onNow = rows.stream().filter(Row::now).count();
    heading.setText(
        "At "
            + when(now, own, rows)
            + " — "
            + (onNow == 0 ? "nothing" : Counts.of(onNow, "talk"))
            + " on now");
    empty.setText(emptyText(data, own));
    hint.setVisible(!rows.isEmpty());
    list.getItems().setAll(rows);
    int select = -1;
    for (int i = 0; i < rows.size(); i++) {
      if (selected != null && rows.get(i).slot().talk().talkId() == selected) {
        select = i;
      }
    }
    if (select < 0) {
      for (int i = 0; i < rows.size() && select < 0; i++) {
        if (rows.get(i).now()) {
          select = i; // rows come starred first: the first one on now is the one to open
        }
      }
    }
    if (select < 0 && !rows.isEmpty()) {
      select = 0;
    }
    if (select >= 0) {
      list.getSelectionModel().select(select);
      list.scrollTo(select);
    }
    list.requestFocus();
  }

  /**
   * The time now as the heading says it: in the rows' zones when they all show one clock that
   * differs from the computer's ("11:03 in Tokyo (02:03 here)", "02:08 in Berlin and Amsterdam
   * (01:08 here)", beside the rows' times in those zones), else the computer's; "here" said when
   * the rows' clocks differ among themselves, as each row whose clock is not the computer's then
   * names its zone ({@link #zoneNamed}).
   */
  static String when(Instant now, ZoneId own, List<Row> rows) {
    String here = DateTimeText.CLOCK.format(now.atZone(own));
    List<ZoneId> zones = rows.stream().map(Row::zone).distinct().toList();
    if (zones.isEmpty()) {
      return here;
    }
    if (!oneClock(now, zones)) {
      return here + " here";
    }
    ZoneId first = zones.get(0);
    if (sameClock(now, first, own)) {
      return here;
    }
    String there = DateTimeText.CLOCK.format(now.atZone(first));
    List<String> places = zones.stream().map(NowAndNextView::place).distinct().toList();
    return there + " in " + ListPhrase.of(places) + " (" + here + " here)";
  }

  /**
   * Whether a row's times need their zone said beside them: the rows' zones show different clocks
   * now (so the heading gives the computer's) and this row's is not the computer's.
   */
  static boolean zoneNamed(Instant now, ZoneId own, List<Row> rows, Row row) {
    List<ZoneId> zones = rows.stream().map(Row::zone).distinct().toList();
    return !oneClock(now, zones) && !sameClock(now, row.zone(), own);
  }

  private static boolean oneClock(Instant now, List<ZoneId> zones) {
    return zones.stream().allMatch(z -> sameClock(now, z, zones.get(0)));
  }

  private static boolean sameClock(Instant now, ZoneId a, ZoneId b) {
    return now.atZone(a).toLocalDateTime().equals(now.atZone(b).toLocalDateTime());
  }

  /** A zone as a person names it: its city ("Tokyo", "Buenos Aires"), else its short name. */
  static String place(ZoneId zone) {
    String id = zone.getId();
    int slash = id.lastIndexOf('/');
    if (slash > 0 && !id.startsWith("Etc/")) {
      return id.substring(slash + 1).replace('_', ' ');
    }
    return zone.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
  }

  /** The zone an event's talk times are in: its own, else the attendee's (a floating time). */
  private static ZoneId zoneOf(Event e, ZoneId own) {
    return e == null ? own : e.zone().orElse(own);
  }

  /** What the empty list says: why nothing is shown, and what comes next if anything does. */
  private static String emptyText(Data data, ZoneId own) {
    if (!data.timed()) {
      return "None of your talks has a time yet. Import a conference's schedule (File → Import"
          + " schedule…) or give your talks a time.";
    }
    if (data.ahead() == null) {
      return "Nothing is on now or in the next 12 hours, and no talk with a time is still to come.";
    }
    var talk = data.ahead().talk();
    ZoneId zone = zoneOf(data.events().get(talk.eventId()), own);
    String room = talk.room() == null || talk.room().isBlank() ? "" : ", " + talk.room();
    return "Nothing is on now or in the next 12 hours. The next talk: “"
        + talk.title()
        + "”, "
        + DateTimeText.dayAndTime(
            data.ahead().start().atZone(zone).toLocalDateTime(), DateTimeText.userLocale())
        + room
        + ".";
  }

  private void openSelected() {
    Row row = list.getSelectionModel().getSelectedItem();
    if (row != null) {
      openTalk.accept(row.slot().talk().talkId());
      stage.close();
    }
  }

  /**
   * "Now · Saal 1 · 14:00–14:45 (12 min left)" over "★ Title — speakers", as wide as the list: a
   * line too long is cut in the middle (titles that differ at their end, "… (part 1)", "… (part
   * 2)", stay told apart) and the whole row is in its tooltip, not behind a sideways scroll bar.
   */
  private final class RowCell extends ListCell<Row> {
    /** The row's tooltip text (null on an empty row); the tooltip is made on the first hover. */
    private String tip;

    RowCell() {
      setPrefWidth(0); // the list fits the cell to its width, never scrolls sideways for it
      addEventHandler(
          MouseEvent.MOUSE_ENTERED,
          e -> {
            if (tip != null && getTooltip() == null) {
              setTooltip(Tips.wrapping(tip));
            }
          });
    }

    @Override
    protected void updateItem(Row row, boolean isEmpty) {
      super.updateItem(row, isEmpty);
      getStyleClass().removeAll("tb-now-row", "tb-next-row", "tb-starred-row");
      if (isEmpty || row == null) {
        setText(null);
        setGraphic(null);
        tip = null;
        setTooltip(null);
        return;
      }
      Slot s = row.slot();
      Instant now = clock.instant();
      String when =
          DateTimeText.CLOCK.format(s.start().atZone(row.zone()))
              + "–"
              + DateTimeText.CLOCK.format(s.end().atZone(row.zone()))
              + (zoneNamed(now, clock.getZone(), getListView().getItems(), row)
                  ? " " + place(row.zone()) + " time"
                  : "");
      String left =
          row.now()
              ? " (" + span(Duration.between(now, s.end())) + " left)"
              : " (in " + span(Duration.between(now, s.start())) + ")";
      String room = row.room().name() == null ? "no room" : row.room().name();
      Label where =
          new Label(
              (row.now() ? "Now" : "Next")
                  + " · "
                  + BidiText.kept(room)
                  + (row.eventTitle().isEmpty() ? "" : " · " + BidiText.kept(row.eventTitle()))
                  + " · "
                  + when
                  + left);
      where.getStyleClass().add("tb-row-detail");
      String speakers = String.join(", ", s.talk().speakers());
      Label title =
          new Label(
              (s.starred() ? "★ " : "")
                  + s.talk().title()
                  + (speakers.isEmpty() ? "" : " — " + speakers));
      title.getStyleClass().add("tb-row-title");
      getStyleClass().add(row.now() ? "tb-now-row" : "tb-next-row");
      if (s.starred()) {
        getStyleClass().add("tb-starred-row");
      }
      where.setTextOverrun(OverrunStyle.CENTER_WORD_ELLIPSIS);
      title.setTextOverrun(OverrunStyle.CENTER_WORD_ELLIPSIS);
      setText(null);
      VBox lines = new VBox(2, where, title);
      lines.setMinWidth(0);
      setGraphic(lines);
      tip = title.getText() + "\n" + where.getText();
      if (getTooltip() != null) {
        getTooltip().setText(tip);
      }
    }
  }

  /**
   * A time to go in minutes up to 90 ("45 min", at least "1 min"), past them in hours and minutes
   * ("8 h 52 min", "2 h"): "in 532 min" had to be worked out.
   */
  static String span(Duration d) {
    long minutes = Math.max(1, d.toMinutes());
    if (minutes <= 90) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    long rest = minutes % 60;
    return hours + " h" + (rest == 0 ? "" : " " + rest + " min");
  }
}
