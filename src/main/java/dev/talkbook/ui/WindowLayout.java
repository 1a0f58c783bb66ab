package dev.talkbook.ui;

import dev.talkbook.ui.common.Keys;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.details.TalkDetailsPane;
import dev.talkbook.ui.editor.EditorView;
import dev.talkbook.ui.navigator.NavigatorView;
import dev.talkbook.ui.outline.OutlineView;
import dev.talkbook.ui.preview.PreviewView;
import dev.talkbook.ui.search.SearchView;
import dev.talkbook.ui.talk.OpenTalk;
import dev.talkbook.ui.welcome.WelcomeView;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's layout: the search field and the navigator on the left (the open note's outline
 * under them), the talk's details and notes in the middle (the welcome of an empty notebook, or
 * "choose a talk", in their place), the preview on the right while a talk is open, the menus above
 * and the status bar below. Which of them shows follows the open talk, the search and View → Show
 * preview; the dividers' places are kept in the settings.
 */
final class WindowLayout {
  /** The least height of the notes (px): six lines at the default font size. */
  static final double NOTES_MIN_HEIGHT = 130;

  /**
   * The room the notes keep under the unfolded details (px, about twelve lines at the default font
   * size), or {@link #NOTES_SHARE} of the talk's column when that is less: on a short window (a
   * laptop's, the REPL open) the details' fields scroll, not five lines of notes under them.
   */
  static final double NOTES_ROOM = 250;

  /** The share of a short talk's column the notes keep under the details. */
  static final double NOTES_SHARE = 0.6;

  /** The most height the unfolded details take in a talk's column {@code column} px high. */
  static double detailsMost(double column) {
    return column - Math.min(NOTES_ROOM, column * NOTES_SHARE);
  }

  /** The least width of the preview (px): a narrow window takes the room from the others first. */
  static final double PREVIEW_MIN_WIDTH = 180;

  /** The least width of the talk's column (details, notes, find bar). */
  static final double TALK_MIN_WIDTH = 320;

  /** The largest share of the window a kept navigator width takes at a start. */
  static final double NAVIGATOR_MOST = 0.45;

  /** What the welcome of an empty notebook offers, besides a new event. */
  record WelcomeActions(Runnable addSample, Runnable importSchedule, Runnable importMarkdown) {}

  private final Settings settings;
  private final OpenTalk talk;
  private final EditorView editor;
  private final TalkDetailsPane details;
  private final PreviewView preview;
  private final NavigatorView navigator;
  private final SearchView search;
  private final StatusBar status;
  private final WelcomeActions welcomeActions;

  /** Whether the notebook is open read-only (the welcome then offers nothing). */
  private final boolean readOnly;

  private final BorderPane root = new BorderPane();
  private final SplitPane split = new SplitPane();
  private final SplitPane left = new SplitPane();
  private final StackPane center = new StackPane();
  private final VBox talkPane = new VBox();

  /** The line the talk's column shows while no talk is open. */
  static final String NO_TALK_ID = "no-talk";

  private static final String CHOOSE_A_TALK =
      "Choose a talk on the left, or create one with " + Keys.shown("Shortcut+N") + ".";

  /**
   * Said for an event with no talk, where there is none on the left to choose; named, as the window
   * may open with no row selected (the first event is the one meant) while other events show talks.
   */
  static String noTalksYet(String event) {
    return "No talks in “"
        + event
        + "” yet: "
        + Keys.shown("Shortcut+N")
        + " adds one, "
        + Keys.shown("Shortcut+Shift+I")
        + " imports a programme.";
  }

  /** Said in a read-only window, where Ctrl+N creates nothing. */
  static final String CHOOSE_A_TALK_READ_ONLY =
      "Choose a talk on the left. This notebook is open read-only: talks cannot be added.";

  /** Said in a read-only window for an event with no talk. */
  static String noTalksReadOnly(String event) {
    return "No talks in “" + event + "”. This notebook is open read-only: talks cannot be added.";
  }

  private final Label noTalk = new Label(CHOOSE_A_TALK);

  /** What an empty notebook shows, made when the notebook is first seen empty (null before). */
  private WelcomeView welcome;

  /** View → Show preview. */
  private boolean previewWanted = true;

  /** Lays the window's parts out under {@code menuBar}. */
  WindowLayout(WindowParts parts, Node menuBar, WelcomeActions welcomeActions) {
    settings = parts.settings();
    talk = parts.talk();
    editor = parts.editor();
    details = parts.details();
    preview = parts.preview();
    navigator = parts.navigator();
    search = parts.search();
    status = parts.status();
    readOnly = parts.notebook().isReadOnly();
    this.welcomeActions = welcomeActions;
    build(menuBar);
  }

  /** The window's content: the scene's root. */
  BorderPane root() {
    return root;
  }

  /** Puts {@code banner} in the talk's column, between the details and the notes. */
  void aboveNotes(Node banner) {
    talkPane.getChildren().add(talkPane.getChildren().indexOf(editor.root()), banner);
  }

  /** The columns: the left one, the talk's, and the preview's while it shows. */
  SplitPane split() {
    return split;
  }

  private void build(Node menuBar) {
    StackPane searchBox = new StackPane(search.field());
    searchBox.getStyleClass().add("tb-search-box");
    // The results (a list and its skin, made by the first CSS pass of the scene that holds them)
    // join the window when the field first has text, not with the first frame.
    StackPane leftContent = new StackPane(navigator.root());
    search.resultsPane().visibleProperty().bind(search.activeProperty());
    search
        .activeProperty()
        .addListener(
            (obs, was, active) -> {
              if (active && !leftContent.getChildren().contains(search.resultsPane())) {
                leftContent.getChildren().add(search.resultsPane());
              }
            });
    navigator.root().visibleProperty().bind(search.activeProperty().not());
    // The outline of the open note goes under the navigator once a talk is shown.
    left.setOrientation(Orientation.VERTICAL);
    left.getItems().add(leftContent);
    VBox leftBox = new VBox(6, searchBox, left);
    VBox.setVgrow(left, Priority.ALWAYS);
    leftBox.getStyleClass().add("tb-left");
    noTalk.getStyleClass().add("tb-muted");
    noTalk.setId(NO_TALK_ID);
    navigator
        .tree()
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((obs, old, row) -> sayWhatToChoose());
    // the rows read (at start none is selected: the first event is the one meant)
    navigator
        .tree()
        .getRoot()
        .getChildren()
        .addListener((javafx.collections.ListChangeListener<Object>) change -> sayWhatToChoose());
    VBox.setVgrow(editor.root(), Priority.ALWAYS);
    // A short window shrinks the details (their fields scroll), never the notes below six lines.
    editor.root().setMinHeight(NOTES_MIN_HEIGHT);
    details
        .root()
        .maxHeightProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () -> detailsMost(talkPane.getHeight()), talkPane.heightProperty()));
    talkPane.getChildren().addAll(details.root(), editor.root());
    // The talk's column is never narrower than its find bar needs (fields with their prompts,
    // "No results", the buttons) in the smallest window.
    talkPane.setMinWidth(TALK_MIN_WIDTH);
    center.getChildren().addAll(talkPane, noTalk);
    showCenter();
    navigator.emptyProperty().addListener((obs, old, empty) -> showCenter());
    talk.talkProperty().addListener((obs, old, open) -> showCenter());
    split.getItems().addAll(leftBox, center);
    preview.root().setMinWidth(PREVIEW_MIN_WIDTH);
    placePreview();
    talk.talkProperty().addListener((obs, old, open) -> placePreview());
    SplitPane.setResizableWithParent(leftBox, false);
    double navigatorAt = settings.get(Settings.NAVIGATOR_DIVIDER);
    split.setDividerPositions(navigatorAt, previewAt(navigatorAt));
    keepNavigatorWidth(settings.get(Settings.NAVIGATOR_WIDTH));
    root.setTop(menuBar);
    root.setCenter(split);
    root.setBottom(status.root());
    // Ctrl+Shift+Tab from the notes goes up to the details' first field, the title, not to their
    // last (Video), from where a keyboard user counted Shift+Tabs back to Tags.
    talkPane.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.TAB
              && e.isControlDown()
              && e.isShiftDown()
              && editor.area().isFocused()
              && details.focusFirstField()) {
            e.consume();
          }
        });
  }

  /**
   * Gives the navigator the width in pixels it had when the window last closed, once the columns
   * have their first width (the window's size is known only then; the navigator keeps its pixels as
   * the window is resized after that), the notes and the preview sharing the rest as they did. At
   * most {@link #NAVIGATOR_MOST} of the window: a navigator kept from a wide screen leaves the talk
   * its room on a small one.
   */
  private void keepNavigatorWidth(double pixels) {
    if (!(pixels > 0)) {
      return; // none kept: the share of the window stands
    }
    split
        .widthProperty()
        .addListener(
            new javafx.beans.value.ChangeListener<Number>() {
              @Override
              public void changed(
                  javafx.beans.value.ObservableValue<? extends Number> obs,
                  Number old,
                  Number width) {
                if (width.doubleValue() > 0) {
                  split.widthProperty().removeListener(this);
                  double at = Math.min(pixels / width.doubleValue(), NAVIGATOR_MOST);
                  if (split.getItems().size() > 2) {
                    split.setDividerPositions(at, previewAt(at));
                  } else {
                    split.setDividerPosition(0, at);
                  }
                }
              }
            });
  }

  /**
   * Where the preview's divider goes with the navigator's at {@code navigatorAt}: the notes keep
   * their share of the room right of the navigator (a share of the whole window, with the navigator
   * kept in pixels, left the notes narrower than they may be in a smaller window, and the split
   * then narrowed the navigator back).
   */
  private double previewAt(double navigatorAt) {
    double share = settings.get(Settings.NOTES_SHARE);
    if (!(share > 0 && share < 1)) { // none kept yet: from the dividers kept before it
      double navigator = settings.get(Settings.NAVIGATOR_DIVIDER);
      double preview = settings.get(Settings.PREVIEW_DIVIDER);
      share = preview > navigator && navigator < 1 ? (preview - navigator) / (1 - navigator) : 0.5;
    }
    return navigatorAt + share * (1 - navigatorAt);
  }

  /**
   * Keeps the notes' share of the room right of the navigator, for {@link #previewAt}; the
   * preview's divider of older settings files, read only while no share is kept, goes from the
   * file.
   */
  static void rememberNotesShare(Settings settings, double[] dividers) {
    if (dividers.length > 1 && dividers[0] < 1) {
      settings.put(Settings.NOTES_SHARE, (dividers[1] - dividers[0]) / (1 - dividers[0]));
      settings.put(Settings.PREVIEW_DIVIDER, null);
    }
  }

  /**
   * The outline panel, built under the navigator when a talk is first shown. With no talk open, or
   * while a search shows its results, it leaves the column and the navigator or the results take
   * its height (hidden, it left an empty block under a navigator that scrolled; beside the results,
   * it left them room for two hits); it comes back at its place.
   */
  OutlineView outline() {
    OutlineView outline = new OutlineView();
    Runnable place =
        () -> {
          boolean in = left.getItems().contains(outline.root());
          boolean wanted = talk.getTalk() != null && !search.activeProperty().get();
          if (wanted && !in) {
            left.getItems().add(outline.root());
            left.setDividerPositions(settings.get(Settings.OUTLINE_DIVIDER));
            left.getDividers()
                .get(0)
                .positionProperty()
                .addListener(
                    (obs, o, v) -> settings.put(Settings.OUTLINE_DIVIDER, v.doubleValue()));
          } else if (!wanted && in) {
            left.getItems().remove(outline.root());
          }
        };
    place.run();
    talk.talkProperty().addListener((obs, was, now) -> place.run());
    search.activeProperty().addListener((obs, was, now) -> place.run());
    return outline;
  }

  void showCenter() {
    boolean empty = navigator.emptyProperty().get();
    boolean open = talk.getTalk() != null;
    boolean wasShown = welcome != null && welcome.root().isVisible();
    boolean hadFocus = false;
    if (empty && welcome == null) {
      welcome =
          new WelcomeView(
              welcomeActions.addSample(),
              navigator::newEvent,
              welcomeActions.importSchedule(),
              welcomeActions.importMarkdown());
      if (readOnly) {
        welcome.readOnly();
      }
      center.getChildren().add(welcome.root());
    }
    if (welcome != null) {
      // The welcome goes once the notebook has talks (an import, a new event): the focus on its
      // button goes to the tree (or the notes), not to the window's first control, the search
      // field, which took the next keys typed after the dialog closed.
      hadFocus = !empty && wasShown && holdsFocus(welcome.root());
      welcome.root().setVisible(empty);
      if (empty && !wasShown) {
        // Keys act on the welcome's button, not on the search field the window's first focus
        // went to (or on a row that is gone).
        welcome.takeFocus();
      }
    }
    talkPane.setVisible(!empty && open);
    noTalk.setVisible(!empty && !open);
    sayWhatToChoose();
    if (hadFocus) {
      focusNotes();
    }
  }

  /** The no-talk line says what is true of the event selected: talks to choose, or none yet. */
  private void sayWhatToChoose() {
    String none = navigator.selectedEventWithNoTalks();
    if (readOnly) {
      // Ctrl+N is refused in a read-only window: the line does not offer it.
      noTalk.setText(none != null ? noTalksReadOnly(none) : CHOOSE_A_TALK_READ_ONLY);
    } else {
      noTalk.setText(none != null ? noTalksYet(none) : CHOOSE_A_TALK);
    }
  }

  /** The notes take the focus when a talk is shown, else the navigator's tree. */
  void focusNotes() {
    if (talkPane.isVisible() && talk.getTalk() != null) {
      editor.area().requestFocus();
    } else {
      navigator.tree().requestFocus();
    }
  }

  /** Whether the focus is on {@code node} or in it. */
  private static boolean holdsFocus(javafx.scene.Node node) {
    javafx.scene.Scene scene = node.getScene();
    for (javafx.scene.Node n = scene == null ? null : scene.getFocusOwner();
        n != null;
        n = n.getParent()) {
      if (n == node) {
        return true;
      }
    }
    return false;
  }

  void togglePreview(boolean show) {
    previewWanted = show;
    placePreview();
  }

  /**
   * The preview is a column of the window while a talk is open and View → Show preview is on; else
   * the talk's column (the welcome, "no talk") takes its room, where an empty column stood. Its
   * divider comes back where the user left it.
   */
  private void placePreview() {
    boolean wanted = previewWanted && talk.getTalk() != null;
    boolean in = split.getItems().contains(preview.root());
    if (wanted && !in) {
      split.getItems().add(preview.root());
      split.setDividerPosition(1, previewAt(split.getDividerPositions()[0]));
    } else if (!wanted && in) {
      rememberNotesShare(settings, split.getDividerPositions());
      split.getItems().remove(preview.root());
    }
  }
}
