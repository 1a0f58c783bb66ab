package dev.talkbook.ui.navigator;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.common.DateTimeText;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.ProgrammeDays;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.notebook.TalkSummary;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.common.Keys;
import dev.talkbook.ui.common.PaneHeader;
import dev.talkbook.ui.common.RowInView;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.ShownKey;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.Tips;
import dev.talkbook.ui.common.TitleRow;
import dev.talkbook.ui.common.UiExecutors;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * The notebook's events and their talks as a tree: create, rename, delete (after asking), and drag
 * a talk to reorder it or move it to another event. Selecting a talk opens it.
 */
public final class NavigatorView {
  /** What New event's dialog says above its fields, as New talk's says where the talk goes. */
  public static final String NEW_EVENT_HEADER =
      "A new event, a conference or a meetup: its talks go under it";

  /** What the event dialog says when a new talk asked for it: the notebook has no event yet. */
  public static final String NO_EVENT_YET =
      "A talk belongs to an event, and this notebook has none yet: first the event, then the"
          + " talk's title.";

  private static final DataFormat TALK_ID = new DataFormat("application/x-talkbook-talk-id");

  /** The style class of a talk's time under its day. */
  public static final String TIME_STYLE = "tb-row-time";

  /** The style class of a talk's room after its time, under its day. */
  public static final String ROOM_STYLE = "tb-row-room";

  /**
   * The style class of a talk's row under a day: indented by half a level, so that the day level
   * costs no width (its talks line up under the day's name, as those of an event not listed by day
   * under the event's); a narrow navigator keeps the room for the titles.
   */
  public static final String IN_DAY_STYLE = "tb-in-day";

  private final Notebook notebook;
  private final UiExecutors executors;
  private final LongConsumer openTalk;
  private LongConsumer openCreated;
  private final Runnable changed;
  private java.util.function.Consumer<Deletion> deleted = deletion -> {};
  private java.util.function.BiConsumer<String, Runnable> renamed = (message, undo) -> {};
  private java.util.function.BiConsumer<String, Runnable> moved = (message, undo) -> {};
  private java.util.function.Consumer<String> movedBackRefused = message -> {};

  /**
   * What picks the event a talk moves to (the window's keyboard chooser): it gets the talk's title
   * and the events it may go to (not its own), and calls {@code chosen} with the one taken, not at
   * all when the user leaves.
   */
  public interface EventChooser {
    void choose(String talkTitle, List<Event> events, LongConsumer chosen);
  }

  private EventChooser eventChooser = (title, events, chosen) -> {};

  /**
   * A deletion that can be undone: what to tell the user, the talks it deleted (a talk, or an
   * event's), the work (run off the FX thread) that undoes it, returning the talk to select
   * afterwards (or null), and what to tell the user once it is undone.
   */
  public record Deletion(
      String message,
      List<Long> talkIds,
      java.util.function.Supplier<Long> undo,
      String undoneMessage) {}

  private final TreeView<NavNode> tree = new TreeView<>(new TreeItem<>());

  /** Brings a row the window selects into view (at start once the tree has its size). */
  private final RowInView<NavNode> inView = new RowInView<>(tree);

  private final javafx.scene.layout.BorderPane root = new javafx.scene.layout.BorderPane();
  private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(false);

  /** The locale the days and dates are named in ({@link DateTimeText#day}): the user's. */
  private final Locale locale = DateTimeText.userLocale();

  /** The talk being dragged in the tree (null when none), for the rows to say what a drop does. */
  private TalkSummary dragged;

  private boolean reloading;

  private final Settings settings;

  /** The events and days folded; kept in the settings, so that they stay folded after a restart. */
  private Folds folds;

  /**
   * @param settings where the folded events and days are kept, for this notebook
   * @param openTalk called with a talk's id when the user selects it
   * @param changed called after the tree changed the notebook (for the window to refresh)
   */
  public NavigatorView(
      Notebook notebook,
      UiExecutors executors,
      Settings settings,
      LongConsumer openTalk,
      Runnable changed) {
    this.notebook = notebook;
    this.executors = executors;
    this.settings = settings;
    // read from memory (the settings are read already): the first tree is built with them
    this.folds = Folds.parse(settings.get(Settings.navigatorFolds(notebook.file())));
    this.openTalk = openTalk;
    this.openCreated = openTalk;
    this.changed = changed;
    tree.setId("navigator");
    tree.setShowRoot(false);
    tree.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
    tree.setCellFactory(view -> new NavCell());
    tree.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, item) -> {
              if (!reloading && item != null && item.getValue() instanceof NavNode.TalkNode t) {
                openTalk.accept(t.talk().id());
              }
            });
    tree.setOnKeyPressed(
        e -> {
          if (notebook.isReadOnly()
              && (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.F2)) {
            e.consume(); // as the menu's greyed Rename and Delete, saying why
            readOnlyTold.run();
          } else if (e.getCode() == KeyCode.DELETE) {
            deleteSelected();
            e.consume();
          } else if (e.getCode() == KeyCode.F2) {
            renameSelected();
            e.consume();
          } else if (e.getCode() == KeyCode.ENTER && selected() instanceof NavNode.DayNode) {
            TreeItem<NavNode> day = tree.getSelectionModel().getSelectedItem();
            day.setExpanded(!day.isExpanded()); // as the arrow beside it
            e.consume();
          } else if (Keys.asksForContextMenu(e)) {
            showContextMenuAtSelection();
            e.consume();
          }
        });
    // A letter typed on a talk's row is the start of its notes (a note-taker clicks a talk and
    // writes): it and the keys after it go there. Arrows, Enter, F2, Del, Ctrl+… keep their
    // meaning here (they type no printable character); an event's or a day's row keeps letters.
    tree.addEventHandler(
        KeyEvent.KEY_TYPED,
        e -> {
          if (writes(e) && selected() instanceof NavNode.TalkNode t) {
            e.consume();
            if (notebook.isReadOnly()) {
              readOnlyTold.run(); // as a key typed in the notes: nothing written, and why
            } else {
              typedInTalk.accept(t.talk().id(), e);
            }
          }
        });
    // The rows' menu is made on its first request (a right click, Shift+F10, the Menu key), not
    // with the window: the tree's own handler, after this filter, shows it. Its keys are only shown
    // (ShownKey), so the scene has no accelerator of it to miss before.
    tree.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> rowsMenu());
    // A fold or unfold by the user (the arrow, a key) or by the window (a talk selected under a
    // folded day) is kept: the tree's root sees every branch's.
    tree.getRoot().addEventHandler(TreeItem.branchExpandedEvent(), e -> keepFolds());
    tree.getRoot()
        .addEventHandler(
            TreeItem.<NavNode>branchCollapsedEvent(),
            e -> {
              keepFolds();
              // Left on a talk, then Left on its event: the selection is the folded row (or moves
              // to it), which the rows taken away left out of view, and Del then asked about a
              // row the user could not see. Brought back into view (no move when it is in view).
              TreeItem<NavNode> folded = e.getTreeItem();
              TreeItem<NavNode> selected = tree.getSelectionModel().getSelectedItem();
              if (selected != null && (selected == folded || isUnder(selected, folded))) {
                // After the pulse that lays the tree out with fewer rows: in that pulse its cells
                // still stood where the rows were before the fold.
                javafx.application.Platform.runLater(() -> scrollToIfHidden(folded));
              }
            });
    // The arrow keys move from the focused row: on coming into the tree it is the selected one,
    // whatever the tree did with its focus since the window selected it (its first layout, a
    // reload); with nothing selected, the first row, so the keyboard's place shows (a tree with
    // no focused row showed no focus at all).
    tree.focusedProperty()
        .addListener(
            (obs, was, now) -> {
              int selected = tree.getSelectionModel().getSelectedIndex();
              int row = selected >= 0 ? selected : tree.getExpandedItemCount() > 0 ? 0 : -1;
              if (now && row >= 0 && tree.getFocusModel().getFocusedIndex() != row) {
                tree.getFocusModel().focus(row);
              }
            });
    // The tree first among the children: Tab from the search field above reaches the tree, and
    // the tools over it after (the children's order is the keys', the places are the layout's).
    root.setCenter(tree);
    root.setTop(toolbar());
    root.getStyleClass().add("tb-navigator");
  }

  public Region root() {
    return root;
  }

  /**
   * Called (on the FX thread) after a rename, with what to tell the user ("Renamed “A” to “B”.")
   * and the way to undo it (renaming it back).
   */
  public void onRenamed(java.util.function.BiConsumer<String, Runnable> listener) {
    renamed = listener;
  }

  /**
   * Called (on the FX thread) after a talk was moved (dragged, or Move to event…), with what to
   * tell the user ("Moved “A” to “B”.", and when its time is outside the event's dates, that too)
   * and the way to undo it (moving it back to its place).
   */
  public void onMoved(java.util.function.BiConsumer<String, Runnable> listener) {
    moved = listener;
  }

  /**
   * Called (on the FX thread) when a move's Undo finds nothing to move back: the talk, or the event
   * it came from, was deleted since. Nothing changed; the message says why.
   */
  public void onMoveBackRefused(java.util.function.Consumer<String> listener) {
    movedBackRefused = listener;
  }

  /** What Move to event… asks to pick the event with. */
  public void onChoosingEvent(EventChooser chooser) {
    eventChooser = chooser;
  }

  /** Called (on the FX thread) after a deletion, with the way to undo it. */
  public void onDeleted(java.util.function.Consumer<Deletion> listener) {
    deleted = listener;
  }

  public TreeView<NavNode> tree() {
    return tree;
  }

  /** True when the notebook has no events. */
  public ReadOnlyBooleanProperty emptyProperty() {
    return empty.getReadOnlyProperty();
  }

  /** True while no event is selected (Edit event… then has nothing to act on). */
  public javafx.beans.binding.BooleanBinding noEventSelected() {
    return javafx.beans.binding.Bindings.createBooleanBinding(
        () -> !(selected() instanceof NavNode.EventNode),
        tree.getSelectionModel().selectedItemProperty());
  }

  /** True while no talk is selected (Move to event… then has nothing to move). */
  public javafx.beans.binding.BooleanBinding noTalkSelected() {
    return javafx.beans.binding.Bindings.createBooleanBinding(
        () -> !(selected() instanceof NavNode.TalkNode),
        tree.getSelectionModel().selectedItemProperty());
  }

  /**
   * True while no event or talk is selected, a day row being neither (Rename and Delete then have
   * nothing to act on).
   */
  public javafx.beans.binding.BooleanBinding nothingSelected() {
    return javafx.beans.binding.Bindings.createBooleanBinding(
        () -> !(selected() instanceof NavNode.EventNode || selected() instanceof NavNode.TalkNode),
        tree.getSelectionModel().selectedItemProperty());
  }

  private Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }

  private HBox toolbar() {
    Button newEvent =
        PaneHeader.tool(
            Feather.CALENDAR, "New event (" + Keys.shown("Shortcut+Shift+E") + ")", this::newEvent);
    newEvent.setId("new-event");
    Button newTalk =
        PaneHeader.tool(
            Feather.FILE_PLUS, "New talk (" + Keys.shown("Shortcut+N") + ")", this::newTalk);
    newTalk.setId("new-talk");
    Button rename = PaneHeader.tool(Feather.EDIT_2, "Rename (F2)", this::renameSelected);
    Button delete = PaneHeader.tool(Feather.TRASH_2, "Delete… (Del)", this::deleteSelected);
    rename.setId("rename-selected");
    delete.setId("delete-selected");
    // A read-only notebook cannot be changed: the tools are greyed, as the menu's items; so are
    // Rename and Delete while no event or talk is selected (a day row is neither).
    for (Button b : List.of(newEvent, newTalk, rename, delete)) {
      b.setDisable(notebook.isReadOnly());
    }
    for (Button b : List.of(rename, delete)) {
      if (!notebook.isReadOnly()) {
        b.disableProperty().bind(nothingSelected());
      }
    }
    return PaneHeader.of("Notebook", newEvent, newTalk, rename, delete);
  }

  /** Opens the rows' menu under the selected row (else the tree's top left), as a right click. */
  private void showContextMenuAtSelection() {
    ContextMenu menu = rowsMenu();
    int selected = tree.getSelectionModel().getSelectedIndex();
    javafx.scene.Node anchor = tree;
    for (javafx.scene.Node n : tree.lookupAll(".tree-cell")) {
      if (n instanceof TreeCell<?> cell && cell.isVisible() && cell.getIndex() == selected) {
        anchor = cell;
      }
    }
    javafx.geometry.Bounds b = anchor.localToScreen(anchor.getLayoutBounds());
    if (b != null) {
      menu.show(tree, b.getMinX() + 16, b.getMaxY());
    }
  }

  /** The rows' menu, made now if it was not yet (the tree's context menu from then on). */
  private ContextMenu rowsMenu() {
    if (tree.getContextMenu() == null) {
      tree.setContextMenu(contextMenu());
    }
    return tree.getContextMenu();
  }

  /**
   * The row's menu (Shift+F10, the Menu key, a right click): its items named as the window's menus
   * name them, each with its key shown as theirs are (shown, never fired here: the tree and the
   * window take those keys themselves). "Unstar (Ctrl+D)" named its key, "New talk" and "Rename…"
   * theirs not.
   */
  private ContextMenu contextMenu() {
    MenuItem newTalk = new MenuItem("New talk…");
    newTalk.setAccelerator(new ShownKey(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
    newTalk.setOnAction(e -> newTalk());
    MenuItem rename = new MenuItem("Rename…");
    rename.setAccelerator(new ShownKey(KeyCode.F2));
    rename.setOnAction(e -> renameSelected());
    MenuItem edit = new MenuItem("Edit event…");
    edit.setOnAction(e -> editSelectedEvent());
    MenuItem delete = new MenuItem("Delete…");
    delete.setAccelerator(new ShownKey(KeyCode.DELETE));
    delete.setOnAction(e -> deleteSelected());
    MenuItem star = new MenuItem("Star");
    star.setAccelerator(new ShownKey(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
    star.setId("navigator-star");
    star.setOnAction(e -> toggleStarSelected());
    MenuItem moveTo = new MenuItem(MOVE_TO_EVENT);
    moveTo.setId("navigator-move-to-event");
    moveTo.setOnAction(e -> moveSelectedToEvent());
    ContextMenu menu = new ContextMenu(star, newTalk, rename, moveTo, edit, delete);
    for (MenuItem item : menu.getItems()) {
      item.setDisable(notebook.isReadOnly());
    }
    menu.setOnShowing(
        e -> {
          // a day row is no talk nor event: nothing to rename or delete on it
          boolean day = selected() instanceof NavNode.DayNode;
          rename.setDisable(notebook.isReadOnly() || day);
          delete.setDisable(notebook.isReadOnly() || day);
          edit.setVisible(selected() instanceof NavNode.EventNode);
          star.setVisible(selected() instanceof NavNode.TalkNode);
          moveTo.setVisible(selected() instanceof NavNode.TalkNode);
          if (selected() instanceof NavNode.TalkNode t) {
            star.setText(t.talk().starred() ? "Unstar" : "Star");
          }
        });
    return menu;
  }

  // ---- loading ----------------------------------------------------------------------------------

  /** What the tree shows: the events and every talk's summary, read off the FX thread. */
  public record Contents(List<Event> events, List<TalkSummary> talks) {
    /** Reads them (not on the FX thread: 10,000 talks take tens of ms). */
    public static Contents read(Notebook notebook) {
      return new Contents(notebook.events().list(), notebook.talks().summaries());
    }
  }

  /**
   * A row to select after a reload: an event's, a talk's, or a day's (the event's {@code id}, and
   * the day, null for "No time"); when the row is gone, the event {@code event} (-1: none).
   */
  private record Target(Kind kind, long id, LocalDate day, long event) {
    enum Kind {
      EVENT,
      DAY,
      TALK
    }

    static Target event(long id) {
      return new Target(Kind.EVENT, id, null, id);
    }

    static Target talk(long id) {
      return new Target(Kind.TALK, id, null, -1);
    }

    static Target of(NavNode node) {
      if (node instanceof NavNode.EventNode e) {
        return event(e.event().id());
      }
      if (node instanceof NavNode.DayNode d) {
        return new Target(Kind.DAY, d.eventId(), d.date(), d.eventId());
      }
      if (node instanceof NavNode.TalkNode t) {
        return new Target(Kind.TALK, t.talk().id(), null, t.talk().eventId());
      }
      return null;
    }
  }

  /** What the tree lists now (FX thread), null before it first shows. */
  private Contents shown;

  /**
   * Reloads the tree from the notebook and selects the talk {@code selectTalk}; with null, the row
   * that was selected stays selected (found again by its id, not by its place, which another row
   * may have taken).
   */
  public void reload(Long selectTalk) {
    reload(selectTalk == null ? null : Target.talk(selectTalk));
  }

  /**
   * Reloads the tree and selects the event {@code eventId} (shown with its talks); or, when the
   * selected row is a talk or a day of that event, keeps it selected: a programme imported again
   * leaves the attendee at the talk they were at.
   */
  public void reloadSelectingEvent(long eventId) {
    NavNode now = selected();
    boolean ofIt =
        now instanceof NavNode.TalkNode t && t.talk().eventId() == eventId
            || now instanceof NavNode.DayNode d && d.eventId() == eventId;
    reload(ofIt ? Target.of(now) : Target.event(eventId));
  }

  private void reload(Target target) {
    reload(target, false);
  }

  /**
   * Reloads the tree and selects {@code target}; when {@code stay}, the list stays where it is
   * scrolled instead of bringing the selected row into view.
   */
  private void reload(Target target, boolean stay) {
    executors.run(
        () -> Contents.read(notebook),
        contents -> show(contents, target, stay),
        error -> Errors.show(window(), "Could not read the notebook", error));
  }

  /**
   * Shows {@code contents}, read already (at start, while the toolkit started), and selects the
   * talk {@code selectTalk} (null: none), as {@link #reload(Long)} does once it has read them.
   */
  public void show(Contents contents, Long selectTalk) {
    show(contents, selectTalk == null ? null : Target.talk(selectTalk));
  }

  /**
   * Another process saved (a read-only window follows it): the tree is read again and shown only
   * when what it lists changed, so that a save of notes alone leaves the rows, the selection and
   * the scroll as they are.
   */
  public void follow() {
    executors.run(
        () -> Contents.read(notebook),
        contents -> {
          if (!contents.equals(shown)) {
            show(contents, (Target) null);
          }
        },
        error ->
            System.getLogger(NavigatorView.class.getName())
                .log(System.Logger.Level.WARNING, "following the notebook's saves", error));
  }

  private void show(Contents contents, Target target) {
    show(contents, target, false);
  }

  private void show(Contents contents, Target target, boolean stay) {
    shown = contents;
    Target wanted = target != null ? target : Target.of(selected());
    List<TreeItem<NavNode>> items = new ArrayList<>();
    Map<Long, List<TalkSummary>> talksOf = new LinkedHashMap<>();
    for (TalkSummary t : contents.talks()) {
      talksOf.computeIfAbsent(t.eventId(), id -> new ArrayList<>()).add(t);
    }
    TreeItem<NavNode> select = null;
    for (Event e : contents.events()) {
      TreeItem<NavNode> item = new TreeItem<>(new NavNode.EventNode(e));
      // a new event shows its talks; one the user folded stays folded (after a restart too)
      item.setExpanded(!folds.folded(e.id()));
      items.add(item);
      if (wanted != null && wanted.kind() == Target.Kind.EVENT && e.id() == wanted.id()) {
        item.setExpanded(true);
        select = item;
      }
      List<TalkSummary> talks = talksOf.getOrDefault(e.id(), List.of());
      List<ProgrammeDays.Day<TalkSummary>> days = ProgrammeDays.of(talks);
      if (days.isEmpty()) {
        // a programme of one day as a day of a longer one (by time, the untimed last), no day row
        TreeItem<NavNode> found =
            addTalks(item, ProgrammeDays.byTime(talks, TalkSummary::startsAt), wanted);
        select = found != null ? found : select;
        continue;
      }
      // the days' names say their year only when the programme runs over New Year
      boolean years = ProgrammeDays.overNewYear(days);
      for (ProgrammeDays.Day<TalkSummary> day : days) {
        String name =
            day.date() == null
                ? NavNode.DayNode.NO_TIME
                : DateTimeText.dayInEvent(day.date(), years, locale);
        TreeItem<NavNode> dayItem =
            new TreeItem<>(new NavNode.DayNode(e.id(), day.date(), name, day.talks().size()));
        // a new day (a first import) shows its talks; a day the user folded stays folded
        dayItem.setExpanded(!folds.folded(e.id(), day.date()));
        item.getChildren().add(dayItem);
        if (wanted != null
            && wanted.kind() == Target.Kind.DAY
            && wanted.id() == e.id()
            && java.util.Objects.equals(wanted.day(), day.date())) {
          item.setExpanded(true);
          select = dayItem;
        }
        TreeItem<NavNode> found = addTalks(dayItem, day.talks(), wanted);
        select = found != null ? found : select;
      }
    }
    if (select == null && wanted != null && wanted.event() >= 0) {
      // the row is gone (a day's last talk deleted or moved, a talk deleted): its event
      for (TreeItem<NavNode> item : items) {
        if (((NavNode.EventNode) item.getValue()).event().id() == wanted.event()) {
          item.setExpanded(true);
          select = item;
        }
      }
    }
    reloading = true;
    try {
      // No focused row while the rows are replaced: told that the focused row went, the tree takes
      // the focus off every row a moment later (a Platform.runLater of its own), after the row
      // selected below got it, and the navigator showed no focus and the first Down went nowhere.
      tree.getFocusModel().focus(-1);
      tree.getRoot().getChildren().setAll(items);
      if (select != null) {
        selectRow(select);
        if (!stay) {
          inView.reveal(select);
        }
      } else {
        tree.getSelectionModel().clearSelection();
      }
    } finally {
      reloading = false;
    }
    empty.set(items.isEmpty());
    keepFolds(); // the folds of events and days no longer listed go
  }

  /**
   * Keeps the folds the tree shows, in memory and in the settings (written when they changed): only
   * the rows listed, so a deleted event's or day's fold is not kept for ever.
   */
  private void keepFolds() {
    if (reloading) {
      return; // the reload keeps them once done
    }
    java.util.Set<Long> events = new java.util.HashSet<>();
    java.util.Set<Folds.Day> days = new java.util.HashSet<>();
    for (TreeItem<NavNode> item : tree.getRoot().getChildren()) {
      if (!item.isExpanded() && !item.isLeaf() && item.getValue() instanceof NavNode.EventNode e) {
        events.add(e.event().id());
      }
      for (TreeItem<NavNode> child : item.getChildren()) {
        if (!child.isExpanded() && child.getValue() instanceof NavNode.DayNode d) {
          days.add(new Folds.Day(d.eventId(), d.date()));
        }
      }
    }
    folds = new Folds(events, days);
    settings.put(Settings.navigatorFolds(notebook.file()), folds.text());
  }

  /**
   * Adds a row for each of {@code talks} under {@code parent}; returns the row of the wanted talk
   * (shown: its event and day expanded), or null.
   */
  private static TreeItem<NavNode> addTalks(
      TreeItem<NavNode> parent, List<TalkSummary> talks, Target wanted) {
    TreeItem<NavNode> found = null;
    for (TalkSummary t : talks) {
      TreeItem<NavNode> talkItem = new TreeItem<>(new NavNode.TalkNode(t));
      parent.getChildren().add(talkItem);
      if (wanted != null && wanted.kind() == Target.Kind.TALK && t.id() == wanted.id()) {
        expandTo(talkItem);
        found = talkItem;
      }
    }
    return found;
  }

  /** Expands the rows above {@code item}, so that it shows. */
  private static void expandTo(TreeItem<NavNode> item) {
    for (TreeItem<NavNode> up = item.getParent(); up != null; up = up.getParent()) {
      up.setExpanded(true);
    }
  }

  /** The row of the talk {@code talkId} under {@code parent}, at any depth, or null. */
  private static TreeItem<NavNode> find(TreeItem<NavNode> parent, long talkId) {
    for (TreeItem<NavNode> child : parent.getChildren()) {
      if (child.getValue() instanceof NavNode.TalkNode t && t.talk().id() == talkId) {
        return child;
      }
      TreeItem<NavNode> below = find(child, talkId);
      if (below != null) {
        return below;
      }
    }
    return null;
  }

  /** Selects a talk in the tree (and so opens it). */
  public void select(long talkId) {
    TreeItem<NavNode> talk = find(tree.getRoot(), talkId);
    if (talk != null) {
      expandTo(talk);
      selectRow(talk);
      inView.reveal(talk);
      return;
    }
    reload(talkId);
  }

  /**
   * Selects {@code item}'s row and gives it the tree's focus (the row the arrow keys move from): a
   * selection the window makes, in a reload or at start, left the focus where it was, or on no row,
   * so the first Down went to the first row instead of the one below.
   */
  private void selectRow(TreeItem<NavNode> item) {
    tree.getSelectionModel().select(item);
    tree.getFocusModel().focus(tree.getSelectionModel().getSelectedIndex());
  }

  /** The label of a talk row changed elsewhere (the details pane). */
  public void talkChanged(Talk talk) {
    // The selection stays where it is now: a talk saved after the user went on to another (its
    // details saved on leaving it) must not take the row, or the list and the notes disagree and
    // a click back on it opens nothing.
    reload((Target) null);
  }

  private NavNode selected() {
    TreeItem<NavNode> item = tree.getSelectionModel().getSelectedItem();
    return item == null ? null : item.getValue();
  }

  /** The selected event, the selected talk's, or else the first; empty in an empty notebook. */
  private Optional<Event> selectedEvent() {
    TreeItem<NavNode> item = selectedEventRow();
    return item == null || !(item.getValue() instanceof NavNode.EventNode e)
        ? Optional.empty()
        : Optional.of(e.event());
  }

  /** The row of {@link #selectedEvent}; null in an empty notebook. */
  private TreeItem<NavNode> selectedEventRow() {
    TreeItem<NavNode> item = tree.getSelectionModel().getSelectedItem();
    while (item != null && !(item.getValue() instanceof NavNode.EventNode)) {
      item = item.getParent();
    }
    if (item == null && !tree.getRoot().getChildren().isEmpty()) {
      item = tree.getRoot().getChildren().get(0);
    }
    return item;
  }

  /**
   * The title of the event Ctrl+N adds a talk to (the selected one, the selected talk's, or the
   * first) when it has no talk yet: then there is none of it on the left to choose; else null.
   */
  public String selectedEventWithNoTalks() {
    TreeItem<NavNode> item = selectedEventRow();
    return item != null
            && item.getChildren().isEmpty()
            && item.getValue() instanceof NavNode.EventNode e
        ? e.event().title()
        : null;
  }

  // ---- actions ----------------------------------------------------------------------------------

  /** Stars the selected talk, or takes its star away (the agenda: Now and next, export agenda). */
  public void toggleStarSelected() {
    if (refusedReadOnly()) {
      return;
    }
    if (selected() instanceof NavNode.TalkNode t) {
      // A star asked for and not yet shown counts: pressed twice fast, the second takes it back.
      boolean starred = starring.getOrDefault(t.talk().id(), t.talk().starred());
      setStar(t.talk().id(), !starred);
    }
  }

  /** The stars asked for whose tree is not read again yet, by talk id (the FX thread's). */
  private final java.util.Map<Long, Boolean> starring = new java.util.HashMap<>();

  /**
   * Stars or unstars a talk and shows it in the tree; the selection stays where it is then (the
   * keyboard may have gone on to the next row and starred it too).
   */
  public void setStar(long talkId, boolean starred) {
    if (refusedReadOnly()) {
      return;
    }
    starring.put(talkId, starred);
    executors.run(
        () -> {
          notebook.talks().star(talkId, starred);
          return Contents.read(notebook);
        },
        contents -> {
          starring.remove(talkId, starred);
          show(contents, (Target) null);
          changed.run();
        },
        error -> {
          starring.remove(talkId, starred);
          Errors.show(window(), "Could not change the star", error);
        });
  }

  public void newEvent() {
    if (refusedReadOnly()) {
      return;
    }
    newEvent(null, event -> {});
  }

  /**
   * Asks for a new event (saying {@code why} above the fields, when not null, instead of what the
   * dialog does), creates it, selects it, then gives it to {@code then}.
   */
  private void newEvent(String why, Consumer<Event> then) {
    EventDialog dialog = new EventDialog(window(), null);
    if (why != null) {
      dialog.setHeaderText(why);
    }
    dialog
        .showAndWait()
        .ifPresent(
            details ->
                executors.run(
                    () -> notebook.events().create(details),
                    event -> {
                      // The new event is selected, so that Ctrl+N adds its first talk to it.
                      reloadSelectingEvent(event.id());
                      changed.run();
                      then.accept(event);
                    },
                    error -> Errors.show(window(), "Could not create the event", error)));
  }

  /**
   * What opens a talk the user has just created (by default, what opens a selected one): the window
   * puts the caret in its notes.
   */
  public void onTalkCreated(LongConsumer open) {
    openCreated = open;
  }

  /** Asks for a new talk's title and creates it in the selected event (with none, one first). */
  public void newTalk() {
    if (refusedReadOnly()) {
      return;
    }
    Optional<Event> event = selectedEvent();
    if (event.isEmpty()) {
      newEvent(NO_EVENT_YET, this::newTalkIn);
      return;
    }
    newTalkIn(event.get());
  }

  private void newTalkIn(Event event) {
    long eventId = event.id();
    // A clock time typed alone is on the event's day when it has one day (a meetup, a one-day
    // conference): "10:30" was refused there as "not like 2026-11-24 14:30".
    LocalDate oneDay =
        event.start().filter(s -> event.end().map(s::equals).orElse(true)).orElse(null);
    new NewTalkDialog(window(), event.title(), offeredTime(), oneDay, event.start().orElse(null))
        .showAndWait()
        .filter(details -> !details.title().isBlank())
        .ifPresent(
            details ->
                executors.run(
                    () -> notebook.talks().create(eventId, details, ""),
                    talk -> {
                      reload(talk.id());
                      openCreated.accept(talk.id());
                      changed.run();
                    },
                    error -> Errors.show(window(), "Could not create the talk", error)));
  }

  /**
   * The time a new talk is offered, so that it is listed where it was asked for: under a day, the
   * selected talk's (a talk in a parallel room: the case of an attendee picking a room at that
   * slot), or on the day's row, its first talk's (the day begins there; the user changes the hour).
   * Null elsewhere: an event not listed by day, or "No time", lists talks without one.
   */
  private java.time.LocalDateTime offeredTime() {
    TreeItem<NavNode> item = tree.getSelectionModel().getSelectedItem();
    if (item == null) {
      return null;
    }
    if (item.getValue() instanceof NavNode.DayNode d && d.date() != null) {
      return item.getChildren().isEmpty()
              || !(item.getChildren().get(0).getValue() instanceof NavNode.TalkNode first)
          ? null
          : first.talk().startsAt();
    }
    return item.getValue() instanceof NavNode.TalkNode t
            && item.getParent() != null
            && item.getParent().getValue() instanceof NavNode.DayNode
        ? t.talk().startsAt()
        : null;
  }

  /**
   * The dialog's OK (Create, Rename) is enabled only with a title: Enter on an empty one closed the
   * dialog and did nothing, as if the talk had been made.
   */
  private static void needsATitle(TextInputDialog dialog) {
    dialog
        .getDialogPane()
        .lookupButton(ButtonType.OK)
        .disableProperty()
        .bind(
            javafx.beans.binding.Bindings.createBooleanBinding(
                () -> dialog.getEditor().getText().isBlank(), dialog.getEditor().textProperty()));
  }

  /**
   * What a read-only window does when asked to change the notebook (a key, a call from elsewhere):
   * {@code tell} says why nothing happens (the window's status bar).
   */
  public void onReadOnly(Runnable tell) {
    this.readOnlyTold = tell;
  }

  private Runnable readOnlyTold = () -> {};

  private java.util.function.BiConsumer<Long, KeyEvent> typedInTalk = (talkId, key) -> {};

  /**
   * What a printable character typed on a talk's row does: {@code write} gets the talk's id and the
   * key (consumed here), to send it, and the keys after it, into the talk's notes.
   */
  public void onTypingInTalk(java.util.function.BiConsumer<Long, KeyEvent> write) {
    this.typedInTalk = write;
  }

  /** Whether {@code e} types a printable character: no Ctrl, Alt or Meta, no control character. */
  static boolean writes(KeyEvent e) {
    String c = e.getCharacter();
    return !e.isControlDown()
        && !e.isAltDown()
        && !e.isMetaDown()
        && !e.isShortcutDown()
        && c != null
        && !c.isEmpty()
        && c.codePoints().noneMatch(Character::isISOControl);
  }

  /** True (and says why) when the notebook is read-only: nothing is asked, nothing changes. */
  private boolean refusedReadOnly() {
    if (notebook.isReadOnly()) {
      readOnlyTold.run();
      return true;
    }
    return false;
  }

  public void renameSelected() {
    if (refusedReadOnly()) {
      return;
    }
    NavNode node = selected();
    if (node == null || node instanceof NavNode.DayNode) {
      return;
    }
    TextInputDialog dialog = new TextInputDialog(node.label());
    dialog.initOwner(window());
    Theme.dress(dialog.getDialogPane(), window());
    dialog.setTitle(node instanceof NavNode.EventNode ? "Rename event" : "Rename talk");
    dialog.setHeaderText(null);
    dialog.setGraphic(null);
    ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).setText("Rename");
    dialog.setContentText("Title");
    dialog.getEditor().setPrefColumnCount(28);
    needsATitle(dialog);
    dialog
        .showAndWait()
        .filter(title -> !title.isBlank() && !title.equals(node.label()))
        .ifPresent(
            title ->
                rename(
                    node,
                    title,
                    () ->
                        renamed.accept(
                            "Renamed “" + node.label() + "” to “" + title.strip() + "”.",
                            () -> rename(node, node.label(), () -> {}))));
  }

  /** Renames the event or talk of {@code node} to {@code title}, then runs {@code then}. */
  private void rename(NavNode node, String title, Runnable then) {
    executors.run(
        () -> {
          if (node instanceof NavNode.EventNode e) {
            notebook.events().rename(e.event().id(), title);
            return null;
          }
          return notebook.talks().rename(((NavNode.TalkNode) node).talk().id(), title).id();
        },
        talkId -> {
          if (node instanceof NavNode.EventNode e) {
            reloadSelectingEvent(e.event().id());
          } else {
            reload(talkId);
          }
          changed.run();
          then.run();
        },
        error -> Errors.show(window(), "Could not rename", error));
  }

  /** Edit event…: the selected event's title, dates, location and web page, in a dialog. */
  public void editSelectedEvent() {
    if (refusedReadOnly()) {
      return;
    }
    if (!(selected() instanceof NavNode.EventNode e)) {
      return;
    }
    new EventDialog(window(), e.event().details())
        .showAndWait()
        .ifPresent(
            details ->
                executors.run(
                    () -> notebook.events().update(e.event().id(), details),
                    updated -> {
                      reloadSelectingEvent(updated.id());
                      changed.run();
                    },
                    error -> Errors.show(window(), "Could not save the event", error)));
  }

  public void deleteSelected() {
    if (refusedReadOnly()) {
      return;
    }
    NavNode node = selected();
    if (node == null || node instanceof NavNode.DayNode) {
      return;
    }
    boolean isEvent = node instanceof NavNode.EventNode;
    int talks = isEvent ? talksUnder(tree.getSelectionModel().getSelectedItem()) : 0;
    Alert confirm =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            isEvent
                ? talks == 0
                    ? "It has no talks."
                    : "Its "
                        + Counts.of(talks, "talk")
                        + " and all their notes and history are deleted too."
                : "Its notes and their history are deleted too.",
            ButtonType.CANCEL,
            ButtonType.OK);
    confirm.initOwner(window());
    Theme.dress(confirm.getDialogPane(), window());
    confirm.setTitle("Delete");
    confirm.setHeaderText("Delete \"" + node.label() + "\"?");
    ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText("Delete");
    ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
    ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
    if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
      return;
    }
    Target after = afterDeleting(node);
    // A talk's row goes and its day (or event) is selected, which may be far above: the list stays
    // where it was, the row below the deleted one in its place (it scrolled back to the day's top).
    boolean stay = !isEvent;
    executors.run(
        () -> {
          if (node instanceof NavNode.EventNode e) {
            var gone = notebook.events().delete(e.event().id());
            return new Deletion(
                "Deleted \u201c"
                    + gone.event().title()
                    + "\u201d with "
                    + Counts.of(gone.talks().size(), "talk")
                    + ".",
                gone.talks().stream().map(t -> t.talk().id()).toList(),
                () -> {
                  notebook.events().undelete(gone);
                  // its first talk opened, so the event is shown with its talks (not nothing)
                  return gone.talks().isEmpty() ? null : gone.talks().get(0).talk().id();
                },
                "Restored event \u201c"
                    + gone.event().title()
                    + "\u201d with "
                    + Counts.of(gone.talks().size(), "talk")
                    + ".");
          }
          var gone = notebook.talks().delete(((NavNode.TalkNode) node).talk().id());
          return new Deletion(
              "Deleted \u201c" + gone.talk().title() + "\u201d.",
              List.of(gone.talk().id()),
              () -> notebook.talks().undelete(gone).id(),
              "Restored talk \u201c" + gone.talk().title() + "\u201d.");
        },
        deletion -> {
          reload(after, stay);
          changed.run();
          deleted.accept(deletion);
        },
        error -> Errors.show(window(), "Could not delete", error));
  }

  /** Scrolls {@code item}'s row into view, a few rows below the top, unless it is in view. */
  private void scrollToIfHidden(TreeItem<NavNode> item) {
    int row = tree.getRow(item);
    if (row < 0) {
      return;
    }
    if (tree.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
      var first = flow.getFirstVisibleCell();
      var last = flow.getLastVisibleCell();
      if (first != null && last != null && first.getIndex() < row && row < last.getIndex()) {
        return;
      }
    }
    tree.scrollTo(Math.max(0, row - 3));
  }

  /**
   * Whether the talks under {@code parent} are listed by time: a day's, or a one-day programme's
   * (an event's row over talks of which one has a time).
   */
  private static boolean listedByTime(TreeItem<NavNode> parent) {
    return parent.getValue() instanceof NavNode.DayNode
        || parent.getChildren().stream()
            .anyMatch(
                c -> c.getValue() instanceof NavNode.TalkNode t && t.talk().startsAt() != null);
  }

  /** Whether {@code item} is a row under {@code branch} (at any depth). */
  private static boolean isUnder(TreeItem<NavNode> item, TreeItem<NavNode> branch) {
    for (TreeItem<NavNode> up = item.getParent(); up != null; up = up.getParent()) {
      if (up == branch) {
        return true;
      }
    }
    return false;
  }

  /** How many talks are listed under {@code item} (an event's, through its days). */
  private static int talksUnder(TreeItem<NavNode> item) {
    int n = 0;
    for (TreeItem<NavNode> child : item.getChildren()) {
      n += child.getValue() instanceof NavNode.TalkNode ? 1 : talksUnder(child);
    }
    return n;
  }

  /**
   * What to select once {@code node} is deleted: a talk's day (else its event), or the event after
   * the deleted one (else the one before); so that what is selected is never whatever took the
   * deleted row's place.
   */
  private Target afterDeleting(NavNode node) {
    if (node instanceof NavNode.TalkNode t) {
      TreeItem<NavNode> parent = tree.getSelectionModel().getSelectedItem().getParent();
      return parent != null && parent.getValue() instanceof NavNode.DayNode d
          ? Target.of(d)
          : Target.event(t.talk().eventId());
    }
    List<TreeItem<NavNode>> events = tree.getRoot().getChildren();
    int at = events.indexOf(tree.getSelectionModel().getSelectedItem());
    TreeItem<NavNode> neighbour =
        at + 1 < events.size() ? events.get(at + 1) : at > 0 ? events.get(at - 1) : null;
    return neighbour == null ? null : Target.of(neighbour.getValue());
  }

  /** The name of the command that moves the selected talk to another event, in every menu. */
  public static final String MOVE_TO_EVENT = "Move to event…";

  /**
   * Move to event…: the selected talk to another event, picked by the keyboard (the chooser lists
   * the notebook's events but the talk's own; Enter moves it to the end of the one taken, Esc
   * leaves). The status bar says where it went, with Undo.
   */
  public void moveSelectedToEvent() {
    if (refusedReadOnly()) {
      return;
    }
    if (!(selected() instanceof NavNode.TalkNode t)) {
      return;
    }
    long talkId = t.talk().id();
    long from = t.talk().eventId();
    executors.run(
        () -> notebook.events().list().stream().filter(e -> e.id() != from).toList(),
        events ->
            eventChooser.choose(
                t.talk().title(), events, eventId -> move(talkId, eventId, Integer.MAX_VALUE)),
        error -> Errors.show(window(), "Could not list the events", error));
  }

  /** A move done, with where the talk was, for the status bar's message and Undo. */
  private record Moved(
      Talk talk, long fromEvent, String fromEventTitle, int fromPosition, String message) {}

  /** An Undo of a move: the talk moved back, or why it was not (null when it was). */
  private record MovedBack(Talk talk, String refused) {}

  /**
   * Moves the talk (a drop, Move to event…) and offers to undo it: the status bar says where it
   * went, and that its time, kept, is outside the new event's dates when it is.
   */
  private void move(long talkId, long eventId, int position) {
    executors.run(
        () -> {
          Talk before = notebook.talks().get(talkId);
          Talk after = notebook.talks().move(talkId, eventId, position);
          return new Moved(
              after,
              before.eventId(),
              notebook.events().get(before.eventId()).title(),
              before.position(),
              movedMessage(before, after));
        },
        done -> {
          reload(done.talk().id());
          changed.run();
          if (done.message() != null) {
            moved.accept(
                done.message(),
                () ->
                    moveBack(
                        done.talk(), done.fromEvent(), done.fromEventTitle(), done.fromPosition()));
          }
        },
        error -> Errors.show(window(), "Could not move the talk", error));
  }

  /**
   * What the status bar says after a move (null when the talk did not change place): the event it
   * went to, and when its time is outside that event's dates, so (the time is kept: only the user
   * knows which is right).
   */
  private String movedMessage(Talk before, Talk after) {
    String title = "\u201c" + after.title() + "\u201d";
    if (before.eventId() == after.eventId()) {
      return before.position() == after.position() ? null : "Moved " + title + ".";
    }
    Event to = notebook.events().get(after.eventId());
    String message = "Moved " + title + " to \u201c" + to.title() + "\u201d.";
    return to.dayOutside(after.details().startsAt())
        .map(why -> message + " Its time is kept: " + why + ".")
        .orElse(message);
  }

  /**
   * Undo of a move: the talk back to its event and place. When the talk or that event was deleted
   * since (the Undo still offered), nothing is moved and the status bar says why: no error dialog
   * for what the user did themselves.
   */
  private void moveBack(Talk moved, long eventId, String eventTitle, int position) {
    if (refusedReadOnly()) {
      return;
    }
    String title = "\u201c" + moved.title() + "\u201d";
    executors.run(
        () -> {
          if (notebook.talks().find(moved.id()).isEmpty()) {
            return new MovedBack(null, title + " was deleted: there is no move to undo.");
          }
          if (notebook.events().find(eventId).isEmpty()) {
            return new MovedBack(
                null,
                "Could not move "
                    + title
                    + " back: its event \u201c"
                    + eventTitle
                    + "\u201d was deleted. The talk stays where it is.");
          }
          return new MovedBack(notebook.talks().move(moved.id(), eventId, position), null);
        },
        back -> {
          if (back.talk() == null) {
            movedBackRefused.accept(back.refused());
            return;
          }
          reload(back.talk().id());
          changed.run();
        },
        error -> Errors.show(window(), "Could not move the talk back", error));
  }

  /**
   * How much narrower a talk's row is laid out than its cell, px, by {@code NavCell.outsideKey}:
   * the tree's indent and arrow, measured once a row of each kind is laid out.
   */
  private final Map<Integer, Double> rowOutside = new java.util.HashMap<>();

  /** {@link #rowOutside} before a row of the kind was laid out: JavaFX's arrow and a level. */
  private static final double DEFAULT_OUTSIDE = 18 + 10;

  /** A row: events in bold with their dates, talks with their speakers; drag and drop of talks. */
  private final class NavCell extends TreeCell<NavNode> {
    /** The row's tooltip text (null on an empty row); the tooltip is made on the first hover. */
    private String tip;

    NavCell() {
      addEventHandler(
          MouseEvent.MOUSE_ENTERED,
          e -> {
            if (tip != null && getTooltip() == null) {
              setTooltip(Tips.tooltip(tip));
            }
          });
      setOnDragDetected(
          e -> {
            if (getItem() instanceof NavNode.TalkNode t && !notebook.isReadOnly()) {
              var board = startDragAndDrop(TransferMode.MOVE);
              ClipboardContent content = new ClipboardContent();
              content.put(TALK_ID, t.talk().id());
              board.setContent(content);
              dragged = t.talk();
              e.consume();
            }
          });
      setOnDragDone(e -> dragged = null);
      setOnDragOver(
          e -> {
            if (takesDrop() && e.getDragboard().hasContent(TALK_ID)) {
              e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
          });
      setOnDragDropped(
          e -> {
            Object id = e.getDragboard().getContent(TALK_ID);
            boolean done = false;
            if (id instanceof Long talkId && takesDrop()) {
              if (getItem() instanceof NavNode.EventNode ev) {
                move(talkId, ev.event().id(), Integer.MAX_VALUE);
                done = true;
              } else if (getItem() instanceof NavNode.TalkNode target) {
                move(talkId, target.talk().eventId(), target.talk().position());
                done = true;
              }
            }
            e.setDropCompleted(done);
            e.consume();
          });
    }

    /**
     * Whether a talk dragged here has a place to go: an event (its end), or a talk (its place). Not
     * a day row: a talk's day is its time, which a drop would have to guess (the details set it).
     * In an event listed by time (by day, or a one-day programme with times), a talk moves among
     * its own event's talks only to another at the same time (parallel rooms) or among those
     * without one: elsewhere its time puts it back.
     */
    private boolean takesDrop() {
      NavNode item = getItem();
      if (item instanceof NavNode.EventNode) {
        return true;
      }
      if (!(item instanceof NavNode.TalkNode target)) {
        return false;
      }
      return dragged == null
          || dragged.eventId() != target.talk().eventId()
          || !listedByTime(getTreeItem().getParent())
          || java.util.Objects.equals(dragged.startsAt(), target.talk().startsAt());
    }

    @Override
    protected void updateItem(NavNode item, boolean isEmpty) {
      super.updateItem(item, isEmpty);
      getStyleClass()
          .removeAll("tb-event-row", "tb-day-row", "tb-talk-row", IN_DAY_STYLE, "tb-removed");
      if (isEmpty || item == null) {
        setText(null);
        setGraphic(null);
        tip = null;
        setAccessibleText(null);
        setAccessibleHelp(null);
        if (getTooltip() != null) {
          setTooltip(null);
        }
        return;
      }
      setText(null);
      Label title = new Label(item.label());
      title.getStyleClass().add("tb-row-title");
      // Cut at its end, as every other list (a name cut in the middle, "JVM Evening…meetup)", read
      // as two names); the row's tooltip has the whole title.
      title.setTextOverrun(OverrunStyle.ELLIPSIS);
      Label detail = new Label();
      detail.getStyleClass().add("tb-row-detail");
      // A timed talk's time leads its row (under a day, or in a one-day programme): parallel rooms
      // read as a timetable.
      TalkSummary timed = timedRow(item);
      // its end the wall-clock time in the event's zone, on a night the clocks change too
      java.time.ZoneId zone = timed == null ? null : eventZone();
      String when = null;
      if (item instanceof NavNode.EventNode e) {
        getStyleClass().add("tb-event-row");
        // its dates as its site page says them (the row's tooltip too), "Sunday, December 6, 2026 –
        // Monday, December 7, 2026"; the row shows them in the short form where they do not fit
        detail.setText(
            e.event()
                .start()
                .map(d -> DateTimeText.days(d, e.event().end().orElse(null), locale))
                .orElse(""));
      } else if (item instanceof NavNode.DayNode d) {
        getStyleClass().add("tb-day-row");
        detail.setText(Counts.of(d.talks(), "talk"));
      } else if (item instanceof NavNode.TalkNode t) {
        getStyleClass().add("tb-talk-row");
        if (getTreeItem() != null
            && getTreeItem().getParent() != null
            && getTreeItem().getParent().getValue() instanceof NavNode.DayNode) {
          getStyleClass().add(IN_DAY_STYLE);
        }
        // The room is not in the detail, which gives way first: it follows the time (below).
        detail.setText(String.join(", ", t.talk().speakers()));
        if (t.talk().starred()) {
          title.setText("★ " + title.getText());
          title.getStyleClass().add("tb-starred");
        }
        if (t.talk().removed()) {
          getStyleClass().add("tb-removed");
        }
        if (timed != null) {
          when =
              DateTimeText.dayInEvent(timed.startsAt().toLocalDate(), false, locale)
                  + ", "
                  + DateTimeText.clockSpan(timed.startsAt(), timed.length(), zone)
                  + (timed.room() == null ? "" : " · " + timed.room());
        }
      }
      // Long titles end in "…" instead of widening the tree; the detail gives way first.
      Label time = null;
      String span = null;
      if (timed != null) {
        // with its end where the programme gave its length: "09:00–12:00"
        span = DateTimeText.clockSpan(timed.startsAt(), timed.length(), zone);
        String back = " " + DateTimeText.CLOCKS_GO_BACK;
        if (span.endsWith(back)) {
          // The night the clocks go back, "02:15–02:00": the words go with the detail, under the
          // title (and in the tooltip); in the time column they took the row's width and cut its
          // title to "…".
          span = span.substring(0, span.length() - back.length());
          detail.setText(
              DateTimeText.CLOCKS_GO_BACK
                  + (detail.getText().isEmpty() ? "" : " " + detail.getText()));
        }
        time = new Label(span);
        time.getStyleClass().add(TIME_STYLE);
      }
      // the times in a column as wide as any time, so the titles of a day line up
      TitleRow row =
          new TitleRow(
              time,
              // "23:30–01:00 +1" (an end on the next day) takes its own width, not cut short
              timed != null && timed.length() != null ? span.replaceAll("\\d", "0") : "00:00",
              title,
              detail);
      if (span != null && span.indexOf('–') > 0) {
        // A narrow navigator shows the start alone, "09:00": the span left "Opening ke…" of a
        // title at its first width. The tooltip and the screen reader keep the span.
        row.shortLead(span.substring(0, span.indexOf('–')), "00:00");
      }
      List<String> rooms = timed == null ? List.of() : roomsOfTheDay();
      if (!rooms.isEmpty()) {
        // The room after the time, never given up: it tells parallel talks apart. In a column as
        // wide as the day's widest room, so that the titles of a day line up.
        Label room = new Label(timed.room() == null ? "" : timed.room());
        room.getStyleClass().add(ROOM_STYLE);
        row.place(room, rooms);
      }
      if (item instanceof NavNode.EventNode) {
        // The title whole, the dates beside it in their full or short form ("Dec 6 – 7, 2026"),
        // else under it.
        NavNode.EventNode e = (NavNode.EventNode) item;
        row.wholeDetail(
            e
                .event()
                .start()
                .map(d -> DateTimeText.shortDays(d, e.event().end().orElse(null), locale))
                .stream()
                .toArray(String[]::new));
      }
      if (item instanceof NavNode.DayNode d) {
        // The count whole or not at all, the day's name always whole: "15 talks", else "15", else
        // nothing ("Friday, November 6  15 ta…" read as broken).
        row.wholeDetail(String.valueOf(d.talks()));
      }
      if (item instanceof NavNode.TalkNode || item instanceof NavNode.EventNode) {
        // Short of room, the room and the speakers (an event's date) go on a second line: the
        // title is not cut to "Talk …" to keep them beside it.
        row.wraps(rowOutside.getOrDefault(outsideKey(), DEFAULT_OUTSIDE));
      }
      row.setPrefWidth(0);
      setGraphic(row);
      tip = item.label();
      if (item instanceof NavNode.EventNode && !detail.getText().isEmpty()) {
        tip += "\n" + detail.getText(); // a narrow navigator shows the title alone
      }
      if (item instanceof NavNode.TalkNode t) {
        // The time, room and speakers too: a narrow navigator shows the title alone.
        tip += t.talk().removed() ? " (no longer in the programme)" : "";
        tip += when == null ? "" : "\n" + when;
        tip += t.talk().speakers().isEmpty() ? "" : "\n" + String.join(", ", t.talk().speakers());
      }
      setAccessibleHelp(tip);
      // What a screen reader says of the row (its graphic's labels are not read as the row's):
      // the time, the title, then what the marks and the detail show.
      StringBuilder said = new StringBuilder();
      if (timed != null) {
        said.append(DateTimeText.CLOCK.format(timed.startsAt())).append(", ");
        if (timed.room() != null) {
          said.append(timed.room()).append(", ");
        }
      }
      said.append(item.label());
      if (item instanceof NavNode.TalkNode t) {
        said.append(t.talk().starred() ? ", starred" : "");
        said.append(t.talk().removed() ? ", no longer in the programme" : "");
      }
      if (!detail.getText().isEmpty()) {
        said.append(", ").append(detail.getText());
      }
      setAccessibleText(said.toString());
      if (getTooltip() != null) {
        getTooltip().setText(tip);
      }
    }

    /** Which rows are laid out equally far in: a talk's level, under a day or not. */
    private int outsideKey() {
      int level = getTreeView() == null ? 0 : getTreeView().getTreeItemLevel(getTreeItem());
      return level * 2 + (getStyleClass().contains(IN_DAY_STYLE) ? 1 : 0);
    }

    @Override
    protected void layoutChildren() {
      super.layoutChildren();
      // The cell asks its row's height for its own width; the row is laid out after the indent and
      // the arrow. Measured here (JavaFX does not say it), kept for the rows laid out alike; a row
      // whose guess was wrong is measured again at once.
      if (getGraphic() instanceof TitleRow row
          && (getItem() instanceof NavNode.TalkNode || getItem() instanceof NavNode.EventNode)) {
        double outside =
            Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset() - row.getWidth());
        rowOutside.put(outsideKey(), outside);
        // the row's own value: another row of the level may have put this one in the map before
        if (Math.abs(row.outside() - outside) > 0.5) {
          row.wraps(outside);
          Platform.runLater(this::requestLayout);
        }
      }
    }

    /** The rooms of the talks listed under this row's day, each once. */
    private List<String> roomsOfTheDay() {
      Set<String> rooms = new LinkedHashSet<>();
      for (TreeItem<NavNode> sibling : getTreeItem().getParent().getChildren()) {
        if (sibling.getValue() instanceof NavNode.TalkNode t && t.talk().room() != null) {
          rooms.add(t.talk().room());
        }
      }
      return List.copyOf(rooms);
    }

    /** The time zone of the event this row is under; null when it has none. */
    private java.time.ZoneId eventZone() {
      for (TreeItem<NavNode> up = getTreeItem(); up != null; up = up.getParent()) {
        if (up.getValue() instanceof NavNode.EventNode e) {
          return e.event().zone().orElse(null);
        }
      }
      return null;
    }

    /**
     * The talk of {@code item} when it has a time, listed under a day or under an event of one day
     * (whose talks are listed as a day's, without a day row), else null.
     */
    private TalkSummary timedRow(NavNode item) {
      return item instanceof NavNode.TalkNode t
              && t.talk().startsAt() != null
              && getTreeItem() != null
              && getTreeItem().getParent() != null
          ? t.talk() // under a day, or under its event when that lists no days
          : null;
    }
  }
}
