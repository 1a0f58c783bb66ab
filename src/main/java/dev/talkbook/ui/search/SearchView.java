package dev.talkbook.ui.search;

import atlantafx.base.controls.CustomTextField;
import dev.talkbook.core.common.Counts;
import dev.talkbook.core.search.QueryException;
import dev.talkbook.core.search.SearchHit;
import dev.talkbook.core.search.SearchIndexDamagedException;
import dev.talkbook.core.search.SearchQuery;
import dev.talkbook.core.search.Snippet;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.BidiText;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.common.Icons;
import dev.talkbook.ui.common.Keys;
import dev.talkbook.ui.common.MarkedFlow;
import dev.talkbook.ui.common.TextWidth;
import dev.talkbook.ui.common.UiExecutors;
import dev.talkbook.ui.common.WrappingCell;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * Search over the whole notebook in the core's query language. Results show the talk, its event and
 * the matching passage with the matches marked; Enter or a click opens the talk at the match. Esc
 * clears the words, and in an empty field leaves the search; Tab goes on to the hits.
 */
public final class SearchView {
  private static final long DELAY_MS = 150;

  /** The most hits shown. */
  static final int LIMIT = 50;

  private final Notebook notebook;
  private final UiExecutors executors;
  private final BiConsumer<Long, List<String>> open;
  private final CustomTextField field = new CustomTextField();
  private final ListView<SearchHit> results = new ListView<>();
  private final Label message = new Label();
  private final javafx.scene.control.Button rebuild =
      new javafx.scene.control.Button("Rebuild search index");
  private final VBox placeholder = new VBox(8, message, rebuild);
  private final Label count = new Label();
  private final VBox resultsPane = new VBox(4);
  private ScheduledFuture<?> pending;
  private long generation;

  /** The query whose outcome the list shows ({@link #generation} when it is up to date). */
  private long shownGeneration;

  /** Enter was pressed before the newest query's hits came: open its first hit when they do. */
  private boolean openFirstWhenShown;

  /** The search field's prompt, and the same with its shortcut where the field is wide enough. */
  static final String PROMPT = "Search notes";

  static final String PROMPT_WITH_KEY = PROMPT + "   (" + Keys.shown("Shortcut+Shift+F") + ")";

  /** Room kept beside the prompt (the caret's, and the text area's own padding). */
  private static final double PROMPT_MARGIN = 4;

  /** The gap the field's skin keeps between its icon and the text, px. */
  private static final double LEFT_GAP = 10;

  private String firstTerm = "";
  private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
  private Runnable leave = () -> {};

  /**
   * @param open called with a talk id and the word to show in it
   */
  public SearchView(Notebook notebook, UiExecutors executors, BiConsumer<Long, List<String>> open) {
    this.notebook = notebook;
    this.executors = executors;
    this.open = open;
    field.setId("search-field");
    field.setPromptText(PROMPT_WITH_KEY);
    field.setAccessibleText(PROMPT);
    field.setLeft(Icons.of(Feather.SEARCH));
    // The shortcut where the field has room for it, else the words alone: never "(Ctrl+Shift+"
    // cut at the navigator's default width.
    field.widthProperty().addListener((obs, old, width) -> fitPrompt());
    field.fontProperty().addListener((obs, old, font) -> fitPrompt());
    results.setId("search-results");
    results.setCellFactory(view -> new HitCell());
    results.setPlaceholder(placeholder);
    message.setWrapText(true);
    message.getStyleClass().add("tb-muted");
    placeholder.setPadding(new Insets(12));
    placeholder.setFillWidth(true);
    message.setMaxWidth(Double.MAX_VALUE);
    rebuild.setId("search-rebuild-index");
    rebuild.setOnAction(e -> rebuildIndex());
    offerRebuild(false);
    count.setId("search-count");
    count.getStyleClass().addAll("tb-pane-title", "tb-search-count");
    count.managedProperty().bind(count.textProperty().isNotEmpty());
    count.visibleProperty().bind(count.textProperty().isNotEmpty());
    count.setPadding(new Insets(6, 10, 4, 10));
    resultsPane.getChildren().setAll(count, results);
    resultsPane.getStyleClass().add("tb-search-results");
    VBox.setVgrow(results, javafx.scene.layout.Priority.ALWAYS);
    field.textProperty().addListener((obs, old, text) -> schedule(text));
    active.bind(field.textProperty().isNotEmpty());
    field.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.DOWN && !results.getItems().isEmpty()) {
            results.requestFocus();
            results.getSelectionModel().selectFirst();
            e.consume();
          } else if (e.getCode() == KeyCode.ENTER && shownGeneration != generation) {
            // The list still shows an older query's hits (typed faster than the search
            // answers): open the newest query's first hit, now searched for at once.
            openFirstWhenShown = true;
            if (pending != null && pending.cancel(false)) {
              run(field.getText(), generation);
            }
            e.consume();
          } else if (e.getCode() == KeyCode.ENTER && !results.getItems().isEmpty()) {
            openHit(results.getItems().get(0));
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE) {
            // Esc clears the words; in an empty field it leaves the search (to the notes).
            if (field.getText().isEmpty()) {
              leave.run();
            } else {
              field.clear();
            }
            e.consume();
          }
        });
    // Tab from the field reaches the hits (the tree when there are none): the first is chosen.
    results
        .focusedProperty()
        .addListener(
            (obs, was, now) -> {
              if (now && results.getSelectionModel().isEmpty() && !results.getItems().isEmpty()) {
                results.getSelectionModel().selectFirst();
              }
            });
    results.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER
              && results.getSelectionModel().getSelectedItem() != null) {
            openHit(results.getSelectionModel().getSelectedItem());
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE) {
            field.requestFocus(); // back to the words, where a second Esc clears them
            e.consume();
          }
        });
    results.setOnMouseClicked(
        e -> {
          if (results.getSelectionModel().getSelectedItem() != null) {
            openHit(results.getSelectionModel().getSelectedItem());
          }
        });
  }

  /** What Esc in the empty field does ({@code leave}: the window gives the notes the focus). */
  public void onLeaving(Runnable leave) {
    this.leave = leave;
  }

  public TextField field() {
    return field;
  }

  public VBox resultsPane() {
    return resultsPane;
  }

  public ListView<SearchHit> results() {
    return results;
  }

  /** True while there is a query (the window then shows the results instead of the tree). */
  public ReadOnlyBooleanProperty activeProperty() {
    return active.getReadOnlyProperty();
  }

  public void focus() {
    field.requestFocus();
    field.selectAll();
  }

  private void schedule(String text) {
    if (pending != null) {
      pending.cancel(false);
    }
    long mine = ++generation;
    openFirstWhenShown = false;
    // Only spaces run too, for the query's own message ("Type a word to search for."): the results
    // took the navigator's place with nothing in them.
    if (text.isEmpty()) {
      shownGeneration = mine;
      results.getItems().clear();
      message.setText("");
      offerRebuild(false);
      count.setText("");
      return;
    }
    pending =
        executors
            .timer()
            .schedule(
                () -> Platform.runLater(() -> run(text, mine)), DELAY_MS, TimeUnit.MILLISECONDS);
  }

  private void run(String text, long mine) {
    if (mine != generation) {
      return; // typed on since: the newer query runs instead
    }
    SearchQuery query;
    try {
      query = SearchQuery.parse(text);
    } catch (QueryException e) {
      shown(mine);
      results.getItems().clear();
      message.setText(e.getMessage());
      offerRebuild(false);
      count.setText("");
      return;
    }
    firstTerm =
        query.terms().stream()
            .filter(t -> !t.excluded())
            .map(SearchQuery.Term::text)
            .findFirst()
            .orElse("");
    executors.run(
        () -> notebook.search().search(query, LIMIT),
        hits -> {
          if (mine != generation) {
            return; // a newer query is on its way
          }
          boolean open = shown(mine);
          results.getItems().setAll(hits);
          offerRebuild(false);
          results.scrollTo(0);
          // In curly quotes, so a quote typed in the query reads as the query's: the straight
          // ones made an unclosed phrase read No talk matches ""unclosed".
          message.setText(
              hits.isEmpty() ? "No talk matches \u201c" + text.strip() + "\u201d." : "");
          count.setText(hits.isEmpty() ? "" : count(hits.size()));
          if (open && !hits.isEmpty()) {
            openHit(hits.get(0));
          }
        },
        error -> {
          if (mine != generation) {
            return;
          }
          shown(mine);
          results.getItems().clear();
          count.setText("");
          message.setText(Errors.message(error));
          offerRebuild(error instanceof SearchIndexDamagedException && !notebook.isReadOnly());
        });
  }

  private void offerRebuild(boolean offer) {
    rebuild.setVisible(offer);
    rebuild.setManaged(offer);
    rebuild.setDisable(false);
  }

  /** Rebuilds the damaged search index from the notes (on the notebook thread), then searches. */
  private void rebuildIndex() {
    rebuild.setDisable(true);
    message.setText("Rebuilding the search index from the notes…");
    executors.run(
        () -> {
          notebook.search().rebuildIndex();
          return null;
        },
        done -> {
          offerRebuild(false);
          message.setText("The search index was rebuilt from the notes.");
          schedule(field.getText());
        },
        error -> {
          message.setText(Errors.message(error));
          rebuild.setDisable(false);
        });
  }

  /** The list now shows query {@code mine}; true when Enter asked to open its first hit. */
  private boolean shown(long mine) {
    shownGeneration = mine;
    boolean open = openFirstWhenShown;
    openFirstWhenShown = false;
    return open;
  }

  /** Opens the talk at the word the user typed, or else at the first word the index matched. */
  private void openHit(SearchHit hit) {
    List<String> words = new java.util.ArrayList<>();
    if (!firstTerm.isBlank()) {
      words.add(firstTerm);
    }
    for (Snippet.Range r : hit.snippet().highlights()) {
      words.add(hit.snippet().text().substring(r.start(), r.end()));
    }
    open.accept(hit.talkId(), words);
  }

  /** "3 talks", or how the list is cut at the limit. */
  static String count(int hits) {
    if (hits >= LIMIT) {
      return "The " + LIMIT + " best talks (add a word to narrow the search)";
    }
    return Counts.of(hits, "talk");
  }

  /**
   * A hit: title, then event and speakers, then the passage (plain text, wrapped to the list's
   * width) with the matches marked.
   */
  private static final class HitCell extends WrappingCell<SearchHit, VBox> {
    /** The navigator's style for a talk gone from its programme (talkbook.css). */
    private static final String REMOVED_STYLE = "tb-removed";

    /** What the navigator says of such a talk to a screen reader. */
    static final String REMOVED_SAID = "no longer in the programme";

    private final Label title = new Label();
    private final Label where = new Label();
    private final MarkedFlow passage = new MarkedFlow("tb-snippet-text", "tb-snippet-match");

    HitCell() {
      super(new VBox(2));
      row.getChildren().setAll(title, where, passage);
      title.getStyleClass().add("tb-row-title");
      where.getStyleClass().add("tb-row-detail");
      title.setMinWidth(0);
      where.setMinWidth(0);
      // Wrapped, not cut: the speaker a search found is said here only (no passage repeats it),
      // and "DevConf Europe 2026 · Søren Kier…" hid the match.
      where.setWrapText(true);
      passage.getStyleClass().add("tb-snippet");
      row.setMinWidth(0);
      row.setPadding(new Insets(4, 4, 4, 4));
    }

    @Override
    protected void updateItem(SearchHit hit, boolean empty) {
      super.updateItem(hit, empty);
      setText(null);
      getStyleClass().remove(REMOVED_STYLE);
      if (empty || hit == null) {
        setGraphic(null);
        setAccessibleText(null);
        return;
      }
      // A talk gone from its programme: its title struck through, as in the navigator.
      if (hit.removed()) {
        getStyleClass().add(REMOVED_STYLE);
      }
      title.setText(hit.talkTitle());
      where.setText(
          hit.eventTitle()
              + (hit.speakers().isEmpty() ? "" : " · " + String.join(", ", hit.speakers())));
      Snippet news = news(hit);
      passage.show(
          news.text(),
          news.highlights().stream().map(r -> new MarkedFlow.Range(r.start(), r.end())).toList());
      // Nothing to add to the two lines above: no line that says them again.
      passage.setVisible(!news.text().isEmpty());
      passage.setManaged(!news.text().isEmpty());
      // Its direction from its own first letter (an Arabic passage right to left, a Latin one left
      // to right whatever the title says).
      passage.setNodeOrientation(
          BidiText.rightToLeft(news.text())
              ? NodeOrientation.RIGHT_TO_LEFT
              : NodeOrientation.LEFT_TO_RIGHT);
      setGraphic(row);
      // What a screen reader says of the hit (the labels of a graphic are not read as the row's).
      setAccessibleText(
          hit.talkTitle()
              + (hit.removed() ? ", " + REMOVED_SAID : "")
              + ", "
              + where.getText()
              + (news.text().isEmpty() ? "" : ", " + news.text()));
    }

    /** What a shown tag line starts with. */
    static final String TAGS = "Tags: ";

    /**
     * What the hit's passage adds to its title, event and speakers. A match in the notes or the
     * abstract: the passage. A match in the title, speakers, tags or event gives a passage cut from
     * "Title · Speakers · Tags · Event" (SearchStore), which the two lines above already show but
     * for the tags: only the tags when a match is in them ("Tags: graal java"), else nothing.
     */
    static Snippet news(SearchHit hit) {
      Snippet s = hit.snippet();
      String text = s.text();
      int from = text.startsWith("…") ? 1 : 0;
      int to = text.endsWith("…") && text.length() > from ? text.length() - 1 : text.length();
      String core = text.substring(from, to);
      if (core.isBlank()) {
        return s;
      }
      String sep = " · ";
      String speakers = String.join(", ", hit.speakers());
      String head = hit.talkTitle() + (speakers.isBlank() ? "" : sep + speakers) + sep;
      String tail = hit.eventTitle().isBlank() ? "" : sep + hit.eventTitle();
      // Without tags: all of it is on the lines above.
      if ((head.substring(0, head.length() - sep.length()) + tail).contains(core)) {
        return new Snippet("", List.of());
      }
      // With tags: what comes before them ends the head, what comes after starts the tail.
      List<Integer> starts = new java.util.ArrayList<>(List.of(0));
      List<Integer> ends = new java.util.ArrayList<>();
      for (int at = core.indexOf(sep); at >= 0; at = core.indexOf(sep, at + 1)) {
        starts.add(at + sep.length());
        ends.add(at);
      }
      ends.add(core.length());
      boolean cutBefore = from == 1;
      boolean cutAfter = to < text.length();
      for (int i : starts) {
        // (uncut, the passage starts with the title; a passage that is only tags is cut both ends)
        if (!head.endsWith(core.substring(0, i)) || (i == 0 && !cutBefore)) {
          continue;
        }
        for (int j : ends) {
          if (j <= i
              || (j == core.length() && !cutAfter && !tail.isEmpty())
              || (i == 0 && j == core.length())
              || !tail.startsWith(core.substring(j))
              || core.substring(i, j).contains(sep)) {
            continue;
          }
          int a = from + i;
          int b = from + j;
          List<Snippet.Range> marked =
              s.highlights().stream()
                  .filter(r -> r.start() >= a && r.end() <= b)
                  .map(
                      r ->
                          new Snippet.Range(
                              r.start() - a + TAGS.length(), r.end() - a + TAGS.length()))
                  .toList();
          return marked.isEmpty()
              ? new Snippet("", List.of())
              : new Snippet(TAGS + core.substring(i, j), marked);
        }
      }
      return s;
    }
  }

  /**
   * Gives the field the longer prompt when its text area can show it whole, and a least width that
   * shows the short one whole (the navigator is never narrower than that).
   */
  private void fitPrompt() {
    Node left = field.getLeft();
    double around =
        field.snappedLeftInset()
            + field.snappedRightInset()
            + (left == null ? 0 : left.prefWidth(-1))
            + 2 * PROMPT_MARGIN;
    // (and the gap the skin keeps beside the icon, which its width above does not count)
    double least = Math.ceil(around + TextWidth.of(PROMPT, field.getFont()) + LEFT_GAP);
    if (field.getMinWidth() != least) {
      field.setMinWidth(least);
    }
    double room = field.getWidth() - around - LEFT_GAP; // as the least width counts it
    field.setPromptText(
        TextWidth.of(PROMPT_WITH_KEY, field.getFont()) <= room ? PROMPT_WITH_KEY : PROMPT);
  }
}
