package dev.talkbook.ui.palette;

import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.Tips;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/**
 * A light, keyboard-first chooser over the top of the window, for the command palette and the quick
 * switcher: no title bar and no buttons; type to narrow (best match first, see {@link Ranking}),
 * arrows to move, Enter or a click to take, Esc or a click elsewhere to leave.
 */
public final class PalettePopup<T> {
  public static final String FILTER_ID = "picker-filter";
  public static final String LIST_ID = "picker-list";

  /** Rows shown at once. */
  private static final int ROWS = 10;

  private static final double ROW_HEIGHT = 30;

  private final Stage stage = new Stage(StageStyle.UNDECORATED);
  final TextField filter = new TextField();
  final ListView<PaletteEntry<T>> list = new ListView<>();
  private List<PaletteEntry<T>> entries;
  private final Consumer<T> chosen;
  private final Label nothing = new Label();
  private boolean done;

  /** What the list says while the entries are read ({@link #showLoading}); null once they are. */
  private String loading;

  /** Enter was pressed before the entries came: the best match is taken when they do. */
  private boolean takeWhenLoaded;

  /**
   * The owner's scene, which gets the keys typed while the popup opens (the system gives the popup
   * the keyboard a moment after it shows): they go to the filter while the popup is open.
   */
  private Scene ownerScene;

  private final EventHandler<KeyEvent> keysToFilter = this::toFilter;
  private final EventHandler<MouseEvent> clickOutside = e -> close();

  private PalettePopup(
      Window owner, String name, String prompt, List<PaletteEntry<T>> entries, Consumer<T> chosen) {
    this.entries = List.copyOf(entries);
    this.chosen = chosen;
    filter.setId(FILTER_ID);
    // The prompt is gone once one types; the name stays, for a screen reader.
    filter.setAccessibleText(name);
    filter.setPromptText(prompt);
    filter.getStyleClass().add("tb-palette-filter");
    list.setId(LIST_ID);
    list.setAccessibleText(name + ": matches");
    list.getStyleClass().add("tb-palette-list");
    list.setFixedCellSize(ROW_HEIGHT);
    // As tall as the rows it shows (one for the "nothing matches" line), at most ROWS.
    list.prefHeightProperty()
        .bind(
            Bindings.max(1, Bindings.min(ROWS, Bindings.size(list.getItems())))
                .multiply(ROW_HEIGHT)
                .add(4));
    list.setCellFactory(view -> new EntryCell<>());
    nothing.getStyleClass().add("tb-muted");
    list.setPlaceholder(nothing);
    filter.textProperty().addListener((obs, old, text) -> narrow(text));
    narrow("");
    filter.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    list.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    list.setOnMouseClicked(
        e -> {
          if (list.getSelectionModel().getSelectedItem() != null) {
            take();
          }
        });
    VBox card = new VBox(8, filter, list);
    card.getStyleClass().add("tb-palette");
    card.setPadding(new Insets(8));
    double width = owner == null ? 640 : Math.max(420, Math.min(680, owner.getWidth() - 80));
    card.setPrefWidth(width);
    // Undecorated, not transparent: without a compositor (some Linux desktops) a transparent
    // window's clear parts show as solid blocks; the card's border sets it off instead.
    Scene scene = new Scene(card);
    stage.setScene(scene);
    Theme.dress(card, owner);
    stage.initOwner(owner);
    stage.initModality(Modality.NONE);
    // A click elsewhere (the popup loses the focus) leaves it.
    stage
        .focusedProperty()
        .addListener(
            (obs, was, focused) -> {
              if (was && !focused) {
                close();
              }
            });
    // However it goes (the owner closed, say), the owner's keys are its own again.
    stage.setOnHidden(e -> close());
    if (owner != null) {
      stage.setOnShown(
          e -> {
            stage.setX(owner.getX() + (owner.getWidth() - stage.getWidth()) / 2);
            stage.setY(owner.getY() + Math.min(90, owner.getHeight() / 8));
          });
    }
  }

  /**
   * Shows the chooser over {@code owner}; {@code chosen} is called (after it closed) with what the
   * user took, and not at all if they left. {@code name} says what the chooser is, to a screen
   * reader (the popup has no title and its field no visible label).
   */
  public static <T> PalettePopup<T> show(
      Window owner, String name, String prompt, List<PaletteEntry<T>> entries, Consumer<T> chosen) {
    PalettePopup<T> popup = new PalettePopup<>(owner, name, prompt, entries, chosen);
    popup.open(owner);
    return popup;
  }

  /**
   * The same at once, for entries still being read: the list says {@code loading} until {@link
   * #setEntries} gives them (what is typed meanwhile narrows them then; Enter takes the best
   * match).
   */
  public static <T> PalettePopup<T> showLoading(
      Window owner, String name, String prompt, String loading, Consumer<T> chosen) {
    PalettePopup<T> popup = new PalettePopup<>(owner, name, prompt, List.of(), chosen);
    popup.loading = loading;
    popup.narrow(popup.filter.getText());
    popup.open(owner);
    return popup;
  }

  /**
   * Shows the popup and gives it the keyboard; from now on until it closes, keys the owner's window
   * still gets go to the filter, and a click there leaves.
   */
  private void open(Window owner) {
    stage.show();
    stage.requestFocus();
    filter.requestFocus();
    ownerScene = owner == null ? null : owner.getScene();
    if (ownerScene != null && !done) {
      ownerScene.addEventFilter(KeyEvent.ANY, keysToFilter);
      ownerScene.addEventFilter(MouseEvent.MOUSE_PRESSED, clickOutside);
    }
  }

  /** A key the owner's window got while the popup is open: the filter takes it, in order. */
  private void toFilter(KeyEvent e) {
    e.consume();
    if (!done) {
      filter.fireEvent(e.copyFor(filter, filter));
    }
  }

  /** The entries read for {@link #showLoading}, narrowed by what was typed meanwhile. */
  public void setEntries(List<PaletteEntry<T>> read) {
    if (done) {
      return;
    }
    entries = List.copyOf(read);
    loading = null;
    narrow(filter.getText());
    if (takeWhenLoaded) {
      take();
    }
  }

  public Stage stage() {
    return stage;
  }

  private void narrow(String text) {
    List<PaletteEntry<T>> ranked = Ranking.rank(text, entries);
    list.getItems().setAll(ranked);
    nothing.setText(
        loading != null
            ? loading
            : text.isBlank()
                ? "Nothing to choose."
                : "Nothing matches \u201c" + text.strip() + "\u201d.");
    if (!ranked.isEmpty()) {
      list.getSelectionModel().selectFirst();
      list.scrollTo(0);
    }
    if (stage.isShowing()) {
      stage.sizeToScene(); // the list's height follows the number of rows
    }
  }

  private void key(KeyEvent e) {
    int at = list.getSelectionModel().getSelectedIndex();
    int last = list.getItems().size() - 1;
    switch (e.getCode()) {
      case DOWN -> move(Math.min(last, at + 1));
      case UP -> move(Math.max(0, at - 1));
      case PAGE_DOWN -> move(Math.min(last, at + ROWS - 1));
      case PAGE_UP -> move(Math.max(0, at - ROWS + 1));
      case ENTER -> {
        takeWhenLoaded = loading != null;
        take();
      }
      case ESCAPE -> close();
      default -> {
        return;
      }
    }
    e.consume();
  }

  private void move(int to) {
    if (to >= 0 && to < list.getItems().size()) {
      list.getSelectionModel().select(to);
      list.scrollTo(Math.max(0, to - ROWS / 2));
    }
  }

  private void take() {
    PaletteEntry<T> entry = list.getSelectionModel().getSelectedItem();
    if (entry == null) {
      return;
    }
    close();
    // After the popup is gone: the action may open a dialog or move the focus.
    Platform.runLater(() -> chosen.accept(entry.value()));
  }

  /** Leaves without taking anything (also when the entries could not be read). */
  public void close() {
    if (!done) {
      done = true;
      if (ownerScene != null) {
        ownerScene.removeEventFilter(KeyEvent.ANY, keysToFilter);
        ownerScene.removeEventFilter(MouseEvent.MOUSE_PRESSED, clickOutside);
      }
      stage.close();
    }
  }

  /**
   * A row: the label, a note after it (menu path, speakers), and the right side (shortcut, event).
   */
  private static final class EntryCell<T> extends ListCell<PaletteEntry<T>> {
    /**
     * When a row is short of room the note gives way first, then the right side down to this (px: a
     * shortcut stays whole, an event's long name is cut), then the label down to {@link
     * #LABEL_KEEPS} (a talk's title stays whole in the least window, where the event's name had cut
     * it to "Live coding without f…").
     */
    private static final double SIDE_KEEPS = 110;

    private static final double LABEL_KEEPS = 260;

    private final Label label = keeping(LABEL_KEEPS);
    private final Label note = new Label();
    private final Label side = keeping(SIDE_KEEPS);
    private final HBox row;

    /** The row's tooltip, shown when the pointer rests on a row whose texts are cut; else null. */
    private Tooltip tip;

    EntryCell() {
      // Cut in the middle: titles that differ only at their end ("… (part 1)", "… (part 2)") stay
      // told apart; the whole of a cut row is in its tooltip.
      label.setTextOverrun(OverrunStyle.CENTER_WORD_ELLIPSIS);
      addEventHandler(MouseEvent.MOUSE_ENTERED, e -> offerWhole());
      label.getStyleClass().add("tb-palette-label");
      note.getStyleClass().add("tb-palette-note");
      side.getStyleClass().add("tb-palette-side");
      note.setMinWidth(0);
      HBox.setHgrow(note, Priority.SOMETIMES);
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      row = new HBox(10, label, note, gap, side);
      row.setAlignment(Pos.CENTER_LEFT);
      row.setMinWidth(0);
      setPrefWidth(0);
    }

    @Override
    protected void updateItem(PaletteEntry<T> entry, boolean empty) {
      super.updateItem(entry, empty);
      setText(null);
      if (empty || entry == null) {
        setGraphic(null);
        return;
      }
      label.setText(entry.label());
      note.setText(entry.note());
      side.setText(entry.side());
      side.setVisible(!entry.side().isEmpty());
      setGraphic(row);
    }

    /**
     * Gives the row a tooltip with its whole texts when any of them is cut now, and none when all
     * show whole; made when the pointer comes onto the row, after the row was laid out.
     */
    private void offerWhole() {
      PaletteEntry<T> entry = getItem();
      if (entry == null || isEmpty() || !(cut(label) || cut(note) || cut(side))) {
        setTooltip(null);
        return;
      }
      StringBuilder whole = new StringBuilder(entry.label());
      for (String more : List.of(entry.note(), entry.side())) {
        if (!more.isEmpty()) {
          whole.append('\n').append(more);
        }
      }
      if (tip == null) {
        tip = Tips.wrapping(whole.toString());
      } else {
        tip.setText(whole.toString());
      }
      setTooltip(tip);
    }

    /** Whether {@code text} shows less than its whole text (or, shown at all, is hidden). */
    private static boolean cut(Label text) {
      String shown = text.getText();
      return shown != null
          && !shown.isEmpty()
          && (!text.isVisible() || text.getWidth() < text.prefWidth(-1) - 0.5);
    }

    /** A label whose least width is its whole text, or {@code keeps} px when that is longer. */
    private static Label keeping(double keeps) {
      return new Label() {
        @Override
        protected double computeMinWidth(double height) {
          return Math.min(computePrefWidth(height), keeps);
        }
      };
    }
  }
}
