package dev.talkbook.ui.palette;

import dev.talkbook.ui.common.HeldKeys;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.Tips;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
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
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Popup;
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

  /**
   * A popup of the owner's window, not a window of its own: the owner keeps the keyboard, and each
   * key it gets goes to the filter from the moment the popup shows, in order. (An undecorated stage
   * got the keyboard from the system 150–200 ms later; keys typed at speed meanwhile were lost or
   * went to the notes.)
   */
  private final Popup popup = new Popup();

  final TextField filter = new TextField();
  final ListView<PaletteEntry<T>> list = new ListView<>();
  private List<PaletteEntry<T>> entries;
  private final Function<T, CompletionStage<?>> chosen;

  /** Where the text of the keys held for what was chosen goes while they wait (null: nowhere). */
  private Function<T, HeldKeys.Ahead> typedAhead;

  private final Label nothing = new Label();
  private final VBox card;
  private boolean done;

  /** What the list says while the entries are read ({@link #showLoading}); null once they are. */
  private String loading;

  /** Enter was pressed before the entries came: the best match is taken when they do. */
  private boolean takeWhenLoaded;

  /** The owner's scene, whose keys are held from Enter until what was chosen is there. */
  private Scene ownerScene;

  /** The keys typed after Enter, until what it chose is ready for them; null before Enter. */
  private HeldKeys held;

  private PalettePopup(
      Window owner,
      String name,
      String prompt,
      List<PaletteEntry<T>> entries,
      Function<T, CompletionStage<?>> chosen) {
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
    card = new VBox(8, filter, list);
    card.getStyleClass().add("tb-palette");
    card.setPadding(new Insets(8));
    double width = owner == null ? 640 : Math.max(420, Math.min(680, owner.getWidth() - 80));
    card.setPrefWidth(width);
    popup.getContent().add(card);
    Theme.dress(card, owner);
    // Opaque, in the owner's colour from the first frame: the card is drawn over it, never a
    // white box (the dark theme's popup had shown one for about 100 ms). Without a compositor
    // (some Linux desktops) a transparent window's clear parts show as solid blocks anyway.
    popup.getScene().setFill(ownerFill(owner));
    // A click elsewhere leaves it (and does what it does there); Esc is the filter's.
    popup.setAutoHide(true);
    popup.setHideOnEscape(false);
    popup.setConsumeAutoHidingEvents(false);
    // However it goes (a click elsewhere, the owner closed), it is done.
    popup.setOnHidden(e -> close());
  }

  /** The owner's window colour (the theme's background), else the light theme's. */
  private static Paint ownerFill(Window owner) {
    Paint fill = owner == null || owner.getScene() == null ? null : owner.getScene().getFill();
    return fill instanceof Color c && c.getOpacity() > 0 ? c : Color.WHITE;
  }

  /**
   * Shows the chooser over {@code owner}; {@code chosen} is called (after it closed) with what the
   * user took, and not at all if they left. {@code name} says what the chooser is, to a screen
   * reader (the popup has no title and its field no visible label).
   */
  public static <T> PalettePopup<T> show(
      Window owner, String name, String prompt, List<PaletteEntry<T>> entries, Consumer<T> chosen) {
    PalettePopup<T> popup =
        new PalettePopup<>(
            owner,
            name,
            prompt,
            entries,
            value -> {
              chosen.accept(value);
              return CompletableFuture.completedFuture(null);
            });
    popup.open(owner);
    return popup;
  }

  /**
   * The same at once, for entries still being read: the list says {@code loading} until {@link
   * #setEntries} gives them (what is typed meanwhile narrows them then; Enter takes the best
   * match). {@code chosen} completes when what the user took is ready for their keys (a talk
   * opened, its notes with the keyboard): the keys typed after Enter are held till then, and then
   * go there.
   */
  public static <T> PalettePopup<T> showLoading(
      Window owner,
      String name,
      String prompt,
      String loading,
      Function<T, CompletionStage<?>> chosen) {
    PalettePopup<T> popup = new PalettePopup<>(owner, name, prompt, List.of(), chosen);
    popup.loading = loading;
    popup.narrow(popup.filter.getText());
    popup.open(owner);
    return popup;
  }

  /**
   * Shows the popup with its field focused; from now on the owner's keys go to the field (a popup's
   * scene gets the keys of its owner's window).
   */
  private void open(Window owner) {
    ownerScene = owner.getScene();
    // Styled and laid out before it shows: its first frame is the card with its field.
    card.applyCss();
    card.autosize();
    double x = owner.getX() + (owner.getWidth() - card.getWidth()) / 2;
    double y = owner.getY() + Math.min(90, owner.getHeight() / 8);
    popup.show(owner, x, y);
    filter.requestFocus();
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

  /** The popup window (for a test). */
  Popup popup() {
    return popup;
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
    if (popup.isShowing()) {
      popup.sizeToScene(); // the list's height follows the number of rows
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
        holdKeys();
        take();
      }
      case ESCAPE -> close();
      default -> {
        return;
      }
    }
    e.consume();
  }

  /**
   * From Enter on, the keys typed go to what it chooses, not into the filter (the talks still being
   * read) nor into what the window showed before (the talk being left).
   */
  private void holdKeys() {
    if (held == null && ownerScene != null) {
      held = HeldKeys.hold(ownerScene, popup.getScene());
    }
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
      if (loading == null) {
        releaseKeys(); // nothing to take: what was typed after Enter goes on into the filter
      }
      return;
    }
    holdKeys(); // a click takes too: what is typed next waits for it
    HeldKeys keys = held;
    held = null;
    boolean typedForIt = keys != null && typedAhead != null;
    if (typedForIt) {
      keys.typedFor(typedAhead.apply(entry.value())); // journaled while they wait
    }
    close();
    // After the popup is gone: the action may open a dialog or move the focus.
    Platform.runLater(
        () -> {
          CompletionStage<?> ready;
          try {
            ready = chosen.apply(entry.value());
          } catch (RuntimeException e) {
            release(keys);
            throw e;
          }
          ready.whenComplete(
              (r, error) -> {
                if (typedForIt && failed(error)) {
                  // What they were typed for could not be had (a talk deleted meanwhile, said in
                  // the status bar): sent on, they would type into the talk being left.
                  drop(keys);
                } else {
                  release(keys);
                }
              });
        });
  }

  /** Whether {@code error} is a failure, not nothing or a newer choice's cancellation. */
  private static boolean failed(Throwable error) {
    Throwable why =
        error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause()
            : error;
    return why != null && !(why instanceof java.util.concurrent.CancellationException);
  }

  private static void drop(HeldKeys keys) {
    if (Platform.isFxApplicationThread()) {
      keys.drop();
    } else {
      Platform.runLater(keys::drop);
    }
  }

  private static void release(HeldKeys keys) {
    if (keys == null) {
      return;
    }
    if (Platform.isFxApplicationThread()) {
      keys.release();
    } else {
      Platform.runLater(keys::release);
    }
  }

  private void releaseKeys() {
    HeldKeys keys = held;
    held = null;
    release(keys);
  }

  /**
   * The keys typed after Enter wait for what was chosen ({@link #showLoading}); {@code where} says,
   * for what was chosen, where the text they type goes meanwhile (Go to talk: the chosen talk's
   * journal, so that a kill while they wait loses none). Should {@code chosen} fail (the talk could
   * not be opened), those keys are dropped, not sent to where the keyboard is then.
   */
  public void typedAheadTo(Function<T, HeldKeys.Ahead> where) {
    this.typedAhead = where;
  }

  /** Leaves without taking anything (also when the entries could not be read). */
  public void close() {
    if (!done) {
      done = true;
      releaseKeys();
      popup.hide();
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
