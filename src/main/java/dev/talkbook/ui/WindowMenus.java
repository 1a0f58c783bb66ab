package dev.talkbook.ui;

import dev.talkbook.ui.common.Once;
import dev.talkbook.ui.common.ShownKey;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.editor.EditorView;
import dev.talkbook.ui.navigator.NavigatorView;
import dev.talkbook.ui.palette.MenuActions;
import dev.talkbook.ui.search.SearchView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;

/**
 * The window's menu bar: File, Edit, Outline, View (with Full screen, {@link WindowFullScreen}),
 * Go, Share and Help, the Java menu added before Help once the REPL is attached. Every item says
 * what it does and its shortcut, and has its underlined letter ({@link MenuMnemonics}); the command
 * palette offers them all ({@link #actions()}). What the items do is {@link WindowActions}' and the
 * views'.
 */
final class WindowMenus {
  /** What people type to find the View menu's settings (there is no separate settings window). */
  private static final String SETTINGS = "settings preferences options";

  /** Edit → Attach file…: a file stored with the talk and linked at the caret, as a drop does. */
  static final String ATTACH_FILE = "Attach file…";

  static final String ATTACH_KEY = "Shortcut+Shift+K";

  /** View → Talk details: fold or unfold the talk's details. */
  static final String DETAILS_ITEM = "Talk details";

  static final String DETAILS_KEY = "Shortcut+Shift+T";

  /** File → Quit, in the app's other windows too ({@link OwnedWindowKeys}). */
  static final KeyCombination QUIT_KEY = KeyCombination.keyCombination("Shortcut+Q");

  /** Help → Command palette (the detached REPL's window takes it too). */
  static final String PALETTE_KEY = "Shortcut+Shift+P";

  private final MenuBar menuBar = new MenuBar();
  private final Menu help;
  private final WindowFullScreen fullScreen;

  static MenuItem item(String text, String accelerator, Runnable action) {
    MenuItem item = new MenuItem(text);
    if (accelerator != null) {
      item.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    item.setOnAction(e -> action.run());
    return item;
  }

  /**
   * Shows {@code key} as the item's shortcut for a key the focused view handles itself (Tab in the
   * notes, Del in the navigator); the menu never fires on it.
   */
  static MenuItem shows(MenuItem item, ShownKey key) {
    item.setAccelerator(key);
    return item;
  }

  /**
   * Edit → Cut, Copy, Paste, Select all: on the focused text, whose own keys they show (the text
   * handles Ctrl+C itself). Enabled, as the Edit menu shows, only where they apply.
   */
  private static MenuItem clip(
      WindowActions actions, String text, KeyCode key, WindowActions.Clip clip) {
    MenuItem item = shows(item(text, null, () -> actions.clip(clip)), shortcut(key));
    item.getProperties().put(WindowActions.Clip.class, clip);
    return item;
  }

  private static void enableClipItems(
      Menu edit, java.util.function.Predicate<WindowActions.Clip> applies) {
    for (MenuItem i : edit.getItems()) {
      if (i.getProperties().get(WindowActions.Clip.class) instanceof WindowActions.Clip c) {
        i.setDisable(!applies.test(c));
      }
    }
  }

  /** {@code item}, disabled while {@code unavailable} holds. */
  /**
   * {@link #unavailableWhile} for an item that changes the notebook: a read-only window greys it
   * out, and its key says why ({@link #changing()}).
   */
  private <T extends MenuItem> T changing(T item, ObservableBooleanValue unavailable) {
    changing.add(item);
    return unavailableWhile(item, unavailable);
  }

  /** The items that change the notebook (greyed out in a read-only window). */
  List<MenuItem> changing() {
    return java.util.Collections.unmodifiableList(changing);
  }

  private final List<MenuItem> changing = new ArrayList<>();

  /** Edit → Link to talk…: a link to another talk into the notes, at the caret. */
  static final String LINK_TO_TALK = "Link to talk…";

  static <T extends MenuItem> T unavailableWhile(T item, ObservableBooleanValue unavailable) {
    item.disableProperty().bind(unavailable);
    return item;
  }

  private static ShownKey shortcut(KeyCode key) {
    return new ShownKey(key, KeyCombination.SHORTCUT_DOWN);
  }

  WindowMenus(
      WindowParts parts,
      WindowActions actions,
      LiveShare share,
      Runnable quit,
      Consumer<Boolean> togglePreview,
      Runnable goToOutline) {
    NavigatorView navigator = parts.navigator();
    EditorView editor = parts.editor();
    SearchView search = parts.search();
    Theme theme = parts.theme();
    WindowHost host = parts.host();
    BooleanBinding noTalk = parts.talk().talkProperty().isNull();
    BooleanBinding nothingSelected = navigator.nothingSelected();
    // What would change the notebook is greyed out (and not in the palette) in a read-only window.
    ObservableBooleanValue readOnly =
        new javafx.beans.property.SimpleBooleanProperty(parts.notebook().isReadOnly());
    Menu file =
        new Menu(
            "_File",
            null,
            changing(
                MenuActions.words(
                    item("New _event…", "Shortcut+Shift+E", navigator::newEvent),
                    "conference meetup add create"),
                readOnly),
            changing(
                MenuActions.words(
                    item("_New talk…", "Shortcut+N", navigator::newTalk),
                    "session add create note notes page"),
                readOnly),
            new SeparatorMenuItem(),
            MenuActions.words(
                item("New note_book…", null, actions::newNotebook), "file create notebook"),
            MenuActions.words(
                item("_Open notebook…", "Shortcut+O", host::openAnotherNotebook),
                "file switch notebook load"),
            actions.recentMenu(),
            new SeparatorMenuItem(),
            MenuActions.words(
                item("Export site…", "Shortcut+Shift+X", actions::exportSite),
                "publish website html static"),
            MenuActions.words(
                item("Export Markdown…", null, actions::exportMarkdown), "save files backup md"),
            changing(
                MenuActions.words(
                    item("Import Markdown…", null, actions::importMarkdown),
                    "load files md obsidian hugo jekyll"),
                readOnly),
            new SeparatorMenuItem(),
            changing(
                item("Import schedule…", "Shortcut+Shift+I", actions::importSchedule), readOnly),
            item("Export agenda…", null, actions::exportAgenda),
            new SeparatorMenuItem(),
            MenuActions.words(
                item("_Quit", QUIT_KEY.getName(), quit), "exit close leave shutdown"));
    Menu edit =
        new Menu(
            "_Edit",
            null,
            unavailableWhile(
                MenuActions.words(item("_Undo", "Shortcut+Z", actions::undo), "revert take back"),
                // with no talk open, what the status bar offers to undo (a deleted talk)
                noTalk.and(javafx.beans.binding.Bindings.not(parts.status().undoOffered()))),
            unavailableWhile(
                MenuActions.words(
                    item("_Redo", "Shortcut+Shift+Z", () -> editor.area().redo()), "again"),
                noTalk),
            new SeparatorMenuItem(),
            clip(actions, "Cu_t", KeyCode.X, WindowActions.Clip.CUT),
            clip(actions, "_Copy", KeyCode.C, WindowActions.Clip.COPY),
            clip(actions, "_Paste", KeyCode.V, WindowActions.Clip.PASTE),
            MenuActions.words(
                clip(actions, "Select _all", KeyCode.A, WindowActions.Clip.SELECT_ALL),
                "mark everything"),
            new SeparatorMenuItem(),
            unavailableWhile(
                MenuActions.words(item("_Find…", "Shortcut+F", actions::find), "search in notes"),
                noTalk),
            unavailableWhile(
                MenuActions.words(
                    item("R_eplace…", "Shortcut+H", () -> editor.showFind(true)), "substitute"),
                noTalk),
            changing(
                MenuActions.words(
                    item(LINK_TO_TALK, "Shortcut+K", actions::linkToTalk),
                    "insert reference another talk note cross"),
                noTalk.or(readOnly)),
            changing(
                MenuActions.words(
                    item(ATTACH_FILE, ATTACH_KEY, actions::attachFile),
                    "attachment add file image picture upload insert"),
                noTalk.or(readOnly)),
            new SeparatorMenuItem(),
            changing(
                MenuActions.words(item("Rename…", "F2", navigator::renameSelected), "title"),
                nothingSelected.or(readOnly)),
            changing(
                MenuActions.words(
                    shows(
                        item("Delete…", null, navigator::deleteSelected),
                        new ShownKey(KeyCode.DELETE)),
                    "remove erase trash"),
                nothingSelected.or(readOnly)),
            changing(
                MenuActions.words(
                    item("Rename tag…", null, actions::renameTag),
                    "tags label category merge respell"),
                readOnly),
            // also in the tree's menu; here for the keyboard and the palette
            changing(
                MenuActions.words(
                    item("Edit event…", null, navigator::editSelectedEvent),
                    "dates location web page conference"),
                navigator.noEventSelected().or(readOnly)),
            // also in the tree's menu; the keyboard's way to what dragging a talk does
            changing(
                MenuActions.words(
                    item(NavigatorView.MOVE_TO_EVENT, null, navigator::moveSelectedToEvent),
                    "move talk another other event conference meetup transfer"),
                navigator.noTalkSelected().or(readOnly)),
            new SeparatorMenuItem(),
            changing(
                MenuActions.words(
                    item("Star or unstar the talk", "Shortcut+D", actions::toggleStar),
                    "favourite favorite mark"),
                noTalk.or(readOnly)));
    // As the menu opens: the clipboard items apply to what has the focus now. Enabled again as it
    // closes, so the command palette (which lists enabled items) still offers them.
    edit.setOnShowing(e -> enableClipItems(edit, actions::clipApplies));
    edit.setOnHidden(e -> enableClipItems(edit, c -> true));
    var outliner = editor.outliner();
    // What works on the open talk's notes is greyed out (and not in the palette) with none open.
    Menu outline =
        new Menu(
            "_Outline",
            null,
            shows(
                item("Indent item", null, () -> actions.outline(outliner::indent)),
                new ShownKey(KeyCode.TAB)),
            shows(
                item("Outdent item", null, () -> actions.outline(outliner::outdent)),
                new ShownKey(KeyCode.TAB, KeyCombination.SHIFT_DOWN)),
            item("Move item or section up", "Alt+Up", () -> actions.outline(outliner::moveUp)),
            item(
                "Move item or section down", "Alt+Down", () -> actions.outline(outliner::moveDown)),
            new SeparatorMenuItem(),
            MenuActions.words(
                item(
                    "Fold or unfold",
                    "Shortcut+Period",
                    () -> actions.outline(outliner::toggleFold)),
                "collapse expand hide"),
            MenuActions.words(
                item("Toggle task", "Shortcut+Enter", () -> actions.outline(outliner::toggleTask)),
                "todo checkbox done tick"));
    for (MenuItem i : outline.getItems()) {
      unavailableWhile(i, noTalk);
    }
    CheckMenuItem lineNumbers = new CheckMenuItem("Line numbers");
    lineNumbers.selectedProperty().bindBidirectional(editor.lineNumbersProperty());
    MenuActions.words(lineNumbers, "gutter " + SETTINGS);
    CheckMenuItem wrap =
        MenuActions.words(new CheckMenuItem("Soft wrap"), "wrap long lines " + SETTINGS);
    wrap.selectedProperty().bindBidirectional(editor.wrapProperty());
    CheckMenuItem showDetails = detailsItem(parts);
    CheckMenuItem showPreview =
        MenuActions.words(new CheckMenuItem("Preview"), "render html rendered");
    showPreview.setSelected(true);
    showPreview.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+V"));
    showPreview.selectedProperty().addListener((obs, o, show) -> togglePreview.accept(show));
    fullScreen =
        new WindowFullScreen(
            parts.stage(),
            parts.status()::showMessage,
            System.getProperty("os.name", "").startsWith("Mac"));
    Menu themes = new Menu("_Theme"); // its T, before "Talk details" above it takes the letter
    ToggleGroup group = new ToggleGroup();
    for (Theme.Choice choice : Theme.Choice.values()) {
      String name = choice.name().charAt(0) + choice.name().substring(1).toLowerCase(Locale.ROOT);
      RadioMenuItem r = new RadioMenuItem(name);
      r.setToggleGroup(group);
      r.setSelected(theme.choiceProperty().get() == choice);
      r.setOnAction(e -> theme.choiceProperty().set(choice));
      MenuActions.words(
          r,
          "appearance colour color mode "
              + SETTINGS
              + " "
              + switch (choice) {
                case SYSTEM -> "desktop follow automatic";
                case LIGHT -> "day bright";
                case DARK -> "night";
              });
      themes.getItems().add(r);
    }
    Menu view =
        new Menu(
            "_View",
            null,
            showDetails,
            showPreview,
            lineNumbers,
            wrap,
            new SeparatorMenuItem(),
            MenuActions.words(
                item("Zoom _in", "Shortcut+Equals", () -> editor.zoom(1)),
                "font bigger larger text size magnify"),
            MenuActions.words(
                item("Zoom _out", "Shortcut+Minus", () -> editor.zoom(-1)),
                "font smaller text size"),
            MenuActions.words(
                item("Actual size", "Shortcut+0", editor::actualSize), "zoom reset font text size"),
            new SeparatorMenuItem(),
            themes,
            new SeparatorMenuItem(),
            fullScreen.item());
    Menu go =
        new Menu(
            "_Go",
            null,
            MenuActions.words(
                item("Search notes", "Shortcut+Shift+F", search::focus), "find full text notebook"),
            MenuActions.words(
                item("Go to talk…", "Shortcut+P", actions::quickSwitcher),
                "switch open quick jump"),
            item("Command palette…", PALETTE_KEY, () -> actions.commandPalette(menuBar)),
            unavailableWhile(
                MenuActions.words(
                    item("Go to outline", "Shortcut+Shift+O", goToOutline),
                    "focus outline headings go to heading table of contents toc"),
                noTalk),
            new SeparatorMenuItem(),
            unavailableWhile(
                MenuActions.words(
                    item("History of this talk…", "Shortcut+Shift+H", actions::history),
                    "revisions versions restore earlier"),
                noTalk),
            MenuActions.words(
                item("Now and next…", "Shortcut+Shift+N", actions::nowAndNext),
                "agenda schedule programme current upcoming"));
    help =
        new Menu(
            "_Help",
            null,
            MenuActions.words(
                item("Keyboard shortcuts", "Shortcut+Slash", () -> actions.shortcuts(menuBar)),
                "keys list cheat sheet help hotkeys keybindings bindings"),
            MenuActions.words(
                item("About Talkbook", null, actions::about), "version java info help"));
    menuBar.getMenus().addAll(file, edit, outline, view, go, share.menu(), help);
    menuBar.getMenus().forEach(MenuMnemonics::assign);
    menuBar
        .sceneProperty()
        .addListener(
            (obs, was, scene) -> {
              if (scene != null && was == null) {
                MenuMnemonics.pickByLetter(menuBar, scene);
                fullScreen.addKeysTo(scene);
                whenShown(scene, window -> MenuMnemonics.keepOpenedWithAlt(menuBar, window));
              }
            });
    menuBar.setUseSystemMenuBar(true);
  }

  /** Runs {@code then} once, with the window {@code scene} is in, now or when it has one. */
  private static void whenShown(javafx.scene.Scene scene, Consumer<javafx.stage.Window> then) {
    if (scene.getWindow() != null) {
      then.accept(scene.getWindow());
      return;
    }
    Once.when(scene.windowProperty(), window -> window != null, then);
  }

  /** The menu bar, for the top of the window. */
  MenuBar bar() {
    return menuBar;
  }

  /** Adds a menu after the others, before Help (the Java menu, once the REPL is attached). */
  void add(Menu menu) {
    MenuMnemonics.assign(menu);
    menuBar.getMenus().add(menuBar.getMenus().indexOf(help), menu);
  }

  /** Every menu action, sub-menus flattened (what the command palette offers). */
  List<MenuItem> actions() {
    List<MenuItem> all = new ArrayList<>();
    MenuActions.visit(menuBar.getMenus(), (path, item) -> all.add(item));
    return all;
  }

  /**
   * View → Talk details (Ctrl+Shift+T): folds the talk's details (title row only) or unfolds them,
   * as a click on their header does; remembered (the window opens them as they were left). At
   * 1366×768 with the find bar, unfolded details left 4–5 lines of notes. Folded while the keyboard
   * is in one of their fields, the keyboard goes to the notes (a folded field cannot take keys).
   */
  private static CheckMenuItem detailsItem(WindowParts parts) {
    TitledPane details = parts.details().root();
    CheckMenuItem item =
        MenuActions.words(
            new CheckMenuItem(DETAILS_ITEM),
            "fold unfold collapse expand hide show room speakers time tags links header space");
    item.setAccelerator(KeyCombination.keyCombination(DETAILS_KEY));
    item.selectedProperty().bindBidirectional(details.expandedProperty());
    details
        .expandedProperty()
        .addListener(
            (o, was, now) -> {
              javafx.scene.Scene scene = details.getScene();
              if (now || scene == null || parts.talk().getTalk() == null) {
                return;
              }
              for (javafx.scene.Node n = scene.getFocusOwner(); n != null; n = n.getParent()) {
                if (n == details.getContent()) {
                  parts.editor().area().requestFocus();
                  return;
                }
              }
            });
    return item;
  }
}
