package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.ui.common.MarkedFlow;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The notebook search in the real window: clean passages, marked matches, a count. */
class SearchWindowTest extends RealWindowTest {

  private static void waitUntil(Callable<Boolean> condition) {
    FxWait.until(condition);
  }

  private ListView<?> search(FxRobot robot, String query) throws Exception {
    ui.sampleToSearch(robot);
    // At once: typed key by key, the results of its first letters could be taken for the query's
    // (see firstPassageFor).
    javafx.scene.control.TextField field =
        robot.lookup("#search-field").queryAs(javafx.scene.control.TextField.class);
    robot.interact(() -> field.setText(query));
    ListView<?> results = WindowUnderTest.searchResults(robot);
    waitUntil(() -> !results.getItems().isEmpty());
    return results;
  }

  @Test
  void theSearchFieldsPromptIsNeverShownCutAtAnyWidthOfTheNavigator(FxRobot robot)
      throws Exception {
    // tester11a: "Search notes   (Ctrl+Shift+F" without its ")" at the navigator's default width:
    // the long prompt was chosen for a text area 10 px narrower than the one counted.
    javafx.scene.control.TextField field =
        robot.lookup("#search-field").queryAs(javafx.scene.control.TextField.class);
    java.util.List<String> cut = new java.util.ArrayList<>();
    for (int width = 140; width <= 420; width += 2) {
      int w = width;
      robot.interact(
          () -> {
            field.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            field.setPrefWidth(w);
            field.setMaxWidth(w);
          });
      WaitForAsyncUtils.waitForFxEvents();
      String seen =
          FxWait.onFx(
              () -> {
                field.applyCss();
                field.layout();
                javafx.scene.text.Text prompt =
                    field.lookupAll(".text").stream()
                        .filter(n -> n instanceof javafx.scene.text.Text)
                        .map(n -> (javafx.scene.text.Text) n)
                        .filter(t -> t.isVisible() && t.getText().equals(field.getPromptText()))
                        .findFirst()
                        .orElseThrow();
                javafx.scene.Node clip = prompt.getParent().getClip();
                double room = clip.getBoundsInParent().getMaxX();
                double end = prompt.getBoundsInParent().getMaxX();
                return end > room + 0.5
                    ? field.getWidth()
                        + " px: “"
                        + prompt.getText()
                        + "” ends at "
                        + end
                        + ", shown up to "
                        + room
                    : null;
              });
      if (seen != null) {
        cut.add(seen);
      }
    }
    assertThat(cut).as("widths where the prompt is cut").isEmpty();
  }

  @Test
  void enterBeforeTheNewestQuerysHitsCameOpensThemNotAnOlderQuerys(FxRobot robot) throws Exception {
    search(robot, "virtual");
    // "pinning" typed and Enter pressed at once: the list still shows the hits for "virtual".
    robot.interact(
        () -> {
          robot
              .lookup("#search-field")
              .queryAs(javafx.scene.control.TextField.class)
              .setText("pinning");
          robot
              .lookup("#search-field")
              .queryAs(javafx.scene.control.TextField.class)
              .fireEvent(
                  new KeyEvent(
                      KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        });
    waitUntil(
        () -> ui.openTalk() != null && ui.openTalk().title().equals("Virtual threads in practice"));
    waitUntil(() -> WindowUnderTest.editor(robot).getSelectedText().equalsIgnoreCase("pinning"));
  }

  /** Whether a shown label says {@code text}. */
  private static boolean says(FxRobot robot, String text) {
    return robot.lookup(".label").queryAllAs(Label.class).stream()
        .anyMatch(l -> l.isVisible() && l.getText() != null && l.getText().contains(text));
  }

  @Test
  void aFieldWithoutItsWordSaysWhereTheWordGoesThenFindsOnceItIsThere(FxRobot robot)
      throws Exception {
    ui.sampleToSearch(robot);
    robot.write("title:");
    waitUntil(() -> says(robot, "right after \"title:\", without a space"));
    ListView<?> results = WindowUnderTest.searchResults(robot);
    assertThat(results.getItems()).isEmpty();

    robot.write("outlines");

    waitUntil(() -> results.getItems().size() == 1);
    assertThat(says(robot, "right after")).isFalse();
  }

  @Test
  void aQueryThatFindsNothingIsShownInCurlyQuotesSoItsOwnQuoteReads(FxRobot robot)
      throws Exception {
    ui.sampleToSearch(robot);
    robot.write("\"unclosedzz");
    // It said: No talk matches ""unclosedzz".
    waitUntil(() -> says(robot, "No talk matches \u201c\"unclosedzz\u201d."));
  }

  /**
   * A query with no word, only the search's own characters, says what the command line says ({@code
   * talkbook search '*'}: "Type a word to search for.", exit 2), not "No talk matches".
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"*", "(", "\"\"", "- *"})
  void aQueryWithNoWordSaysToTypeAWord(String query, FxRobot robot) throws Exception {
    ui.sampleToSearch(robot);
    robot.write(query);
    waitUntil(() -> says(robot, "Type a word to search for."));
    assertThat(says(robot, "No talk matches")).isFalse();
  }

  /**
   * Only spaces in the field: the results took the navigator's place with nothing in them and no
   * word about why; they say what the command line says.
   */
  @Test
  void onlySpacesSayToTypeAWord(FxRobot robot) throws Exception {
    ui.sampleToSearch(robot);
    robot.write("  ");
    waitUntil(() -> says(robot, "Type a word to search for."));
    robot.write("outlines");
    ListView<?> results = WindowUnderTest.searchResults(robot);
    waitUntil(() -> results.getItems().size() == 1);
    assertThat(says(robot, "Type a word")).isFalse();
  }

  private static List<MarkedFlow> passages(FxRobot robot) {
    return robot.lookup("#search-results .tb-snippet").queryAllAs(MarkedFlow.class).stream()
        .filter(Node::isVisible)
        .toList();
  }

  @Test
  void passagesAreCleanTextWithTheMatchMarked(FxRobot robot) throws Exception {
    search(robot, "journal");
    waitUntil(() -> !passages(robot).isEmpty());
    for (MarkedFlow p : passages(robot)) {
      assertThat(p.text()).doesNotContain("|", "##", "```", "**", "---");
      assertThat(p.ranges()).isNotEmpty();
      for (MarkedFlow.Range r : p.ranges()) {
        assertThat(p.text().substring(r.start(), r.end())).containsIgnoringCase("journal");
      }
    }
    assertThat(robot.lookup("#search-results .tb-snippet-match").queryAll()).isNotEmpty();
  }

  /** c# was the index's word "c": it found every talk with "c" or "C++" and marked the "c". */
  @Test
  void aNameTypedWithItsPunctuationFindsItAsWrittenAndMarksItWhole(FxRobot robot) throws Exception {
    var event =
        ui.notebook
            .events()
            .create(dev.talkbook.core.notebook.Event.Details.titled("Native Night"));
    for (String[] talk :
        new String[][] {
          {"Sharp basics", "We write c# and C++ code. Also c#-ish stuff."},
          {"Plus", "We write C++ code."},
          {"Plain", "Plain c code."}
        }) {
      ui.notebook
          .talks()
          .create(event.id(), dev.talkbook.core.notebook.Talk.Details.titled(talk[0]), talk[1]);
    }
    ListView<?> results = search(robot, "c#");
    waitUntil(() -> results.getItems().size() == 1 && !passages(robot).isEmpty());
    MarkedFlow p = passages(robot).get(0);
    assertThat(p.text()).contains("c# and C++ code. Also c#-ish stuff.");
    assertThat(p.ranges())
        .extracting(r -> p.text().substring(r.start(), r.end()))
        .containsExactly("c#", "c#");
  }

  /** The tester's query: "grusse" found "No talk matches." for a talk about "Grüße". */
  @Test
  void aWordTypedWithoutSharpSFindsItAndMarksItAsWritten(FxRobot robot) throws Exception {
    var event =
        ui.notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("JUG Leipzig"));
    ui.notebook
        .talks()
        .create(
            event.id(),
            dev.talkbook.core.notebook.Talk.Details.titled(
                "Keynote: Zwanzig Jahre Java – Grüße aus Leipzig"),
            "Herzliche Grüße von Mette Søndergaard.");
    ListView<?> results = search(robot, "grusse sondergaard");
    waitUntil(() -> results.getItems().size() == 1 && !passages(robot).isEmpty());
    MarkedFlow p = passages(robot).get(0);
    assertThat(p.text()).contains("Herzliche Grüße von Mette Søndergaard.");
    assertThat(p.ranges())
        .extracting(r -> p.text().substring(r.start(), r.end()))
        .containsExactly("Grüße", "Søndergaard");
  }

  @Test
  void theCountIsShownAboveTheResults(FxRobot robot) throws Exception {
    ListView<?> results = search(robot, "thread");
    Label count = robot.lookup("#search-count").queryAs(Label.class);
    waitUntil(() -> !count.getText().isEmpty());
    // Read together on the FX thread: a later query's hits may land between two reads here.
    String[] shown =
        FxWait.onFx(
            () -> new String[] {count.getText(), Integer.toString(results.getItems().size())});
    int n = Integer.parseInt(shown[1]);
    assertThat(shown[0]).isEqualTo(n == 1 ? "1 talk" : n + " talks");
    assertThat(FxWait.onFx(count::isVisible)).isTrue();
  }

  @Test
  void theRoomUnderTheLastResultIsBlank(FxRobot robot) throws Exception {
    ListView<?> results = search(robot, "pinning");
    waitUntil(() -> !passages(robot).isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    // The empty rows below take the results' height: each drew a line across the blank space.
    List<javafx.scene.layout.Region> empty =
        FxWait.onFx(
            () ->
                results.lookupAll(".list-cell").stream()
                    .map(ListCell.class::cast)
                    .filter(ListCell::isEmpty)
                    .filter(Node::isVisible)
                    .map(javafx.scene.layout.Region.class::cast)
                    .toList());
    assertThat(empty).as("empty rows under one result").isNotEmpty();
    for (javafx.scene.layout.Region row : empty) {
      assertThat(
              FxWait.onFx(
                  () ->
                      row.getBackground() == null
                          || row.getBackground().isEmpty()
                          || row.getBackground().getFills().stream()
                              .allMatch(
                                  f -> f.getFill().equals(javafx.scene.paint.Color.TRANSPARENT))))
          .as("an empty row's background")
          .isTrue();
    }
  }

  @Test
  void resultsWrapWithinTheListAndTheFirstIsWhole(FxRobot robot) throws Exception {
    ListView<?> results = search(robot, "virtual threads carrier");
    waitUntil(() -> !passages(robot).isEmpty());
    for (Node bar : results.lookupAll(".scroll-bar")) {
      if (((ScrollBar) bar).getOrientation() == Orientation.HORIZONTAL) {
        assertThat(bar.isVisible()).as("horizontal scroll bar").isFalse();
      }
    }
    double listRight = results.localToScene(results.getLayoutBounds()).getMaxX();
    for (MarkedFlow p : passages(robot)) {
      assertThat(p.localToScene(p.getLayoutBounds()).getMaxX()).isLessThanOrEqualTo(listRight);
    }
    ListCell<?> first =
        results.lookupAll(".list-cell").stream()
            .map(n -> (ListCell<?>) n)
            .filter(c -> c.getIndex() == 0 && c.isVisible())
            .findFirst()
            .orElseThrow();
    double listTop = results.localToScene(results.getLayoutBounds()).getMinY();
    assertThat(first.localToScene(first.getLayoutBounds()).getMinY())
        .isGreaterThanOrEqualTo(listTop);
    // The whole passage fits its cell: the cell is as tall as what it shows.
    Node box = first.getGraphic();
    assertThat(first.getHeight()).isGreaterThanOrEqualTo(box.prefHeight(first.getWidth()) - 1);
  }

  @Test
  void theResultsTakeTheOutlinesRoomWhileTheSearchLasts(FxRobot robot) throws Exception {
    SampleMeetup.addTo(ui.notebook);
    ui.reloadTree(robot);
    long id = ui.notebook.talks().findByTitle("Virtual threads in practice").get(0).id();
    robot.interact(() -> ui.window.open(id, null));
    FxWait.untilFx(
        "the outline shown",
        () -> robot.lookup("#outline").tryQuery().map(n -> n.getScene() != null).orElse(false));
    FxWait.clickOn(robot, "#search-field");
    robot.write("journal");
    ListView<?> results = WindowUnderTest.searchResults(robot);
    waitUntil(() -> !results.getItems().isEmpty());
    FxWait.untilFx(
        "the outline out of the column",
        () -> robot.lookup("#outline").tryQuery().map(n -> n.getScene() == null).orElse(true));
    double column =
        FxWait.onFx(() -> results.getScene().lookup(".tb-left").getLayoutBounds().getHeight());
    assertThat(FxWait.onFx(results::getHeight))
        .as("the results' height in a column " + column + " px high")
        .isGreaterThan(column * 0.7);
    robot.interact(
        () -> robot.lookup("#search-field").queryAs(javafx.scene.control.TextField.class).clear());
    FxWait.untilFx(
        "the outline back",
        () -> robot.lookup("#outline").tryQuery().map(n -> n.getScene() != null).orElse(false));
  }

  @Test
  void aPassageStartsAtAWholeWord(FxRobot robot) throws Exception {
    // A table row's cells become "Q&A · what about pinning?": the passage once began at "A".
    var event =
        ui.notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("Meetup"));
    ui.notebook
        .talks()
        .create(
            event.id(),
            dev.talkbook.core.notebook.Talk.Details.titled("Loom"),
            "# Loom\n\nNotes from the evening, on threads and carriers and the rest of it.\n\n"
                + "| Part | Note |\n|---|---|\n| Q&A | what about pinning? |\n");
    ui.reloadTree(robot);
    FxWait.clickOn(robot, "#search-field");
    robot.write("pinning");
    waitUntil(() -> !passages(robot).isEmpty());
    String passage = FxWait.onFx(() -> passages(robot).get(0).text());
    assertThat(passage).contains("Q&A · what about pinning?").doesNotContain("…A ");
  }

  /** Types {@code query} into the search field and waits for the first hit's passage. */
  private String firstPassageFor(FxRobot robot, String query) throws Exception {
    FxWait.clickOn(robot, "#search-field");
    // The whole query at once, after clearing (which empties the results at once): typed key by
    // key, a pause on a loaded machine could show the results of its first letters ("メ" for
    // "メモ"), which the wait below would take for the query's.
    javafx.scene.control.TextField field =
        robot.lookup("#search-field").queryAs(javafx.scene.control.TextField.class);
    robot.interact(
        () -> {
          field.clear();
          field.setText(query);
        });
    waitUntil(() -> !passages(robot).isEmpty());
    return FxWait.onFx(
        () -> {
          MarkedFlow p = passages(robot).get(0);
          StringBuilder marked = new StringBuilder(p.text());
          List<MarkedFlow.Range> ranges = p.ranges();
          for (int i = ranges.size() - 1; i >= 0; i--) {
            marked.insert(ranges.get(i).end(), ']').insert(ranges.get(i).start(), '[');
          }
          return marked.toString();
        });
  }

  @Test
  void theStartOfAWordFindsTheTalksWithItAndMarksTheWholeWord(FxRobot robot) throws Exception {
    SampleMeetup.addTo(ui.notebook);
    ui.reloadTree(robot);
    // As the user types: "Virt" is not a word of any talk, but "Virtual" is.
    assertThat(firstPassageFor(robot, "Virt")).containsIgnoringCase("[virtual");
    ListView<?> results = WindowUnderTest.searchResults(robot);
    List<String> titles =
        FxWait.onFx(
            () ->
                results.getItems().stream()
                    .map(h -> ((dev.talkbook.core.search.SearchHit) h).talkTitle())
                    .toList());
    assertThat(titles).contains("Virtual threads in practice");
  }

  /** Empties the search field (Esc) and waits until no hit is shown. */
  private void clearSearch(FxRobot robot) {
    FxWait.clickOn(robot, "#search-field");
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> passages(robot).isEmpty());
  }

  @Test
  void aWordTypedWithPunctuationStillFindsWhatTheBareWordFinds(FxRobot robot) throws Exception {
    var event =
        ui.notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("Meetup"));
    ui.notebook
        .talks()
        .create(
            event.id(),
            dev.talkbook.core.notebook.Talk.Details.titled("Loom"),
            "# Loom\n\nNotes on virtual-threads and their carriers.\n");
    ui.notebook
        .talks()
        .create(
            event.id(),
            dev.talkbook.core.notebook.Talk.Details.titled("Lunch"),
            "Nothing about it.\n");
    ui.reloadTree(robot);
    // "virtual-threads" as it is typed, and the word with punctuation before or after it.
    for (String typed : List.of("virtu-", "virtual-thr", "(virt", "virt.", "\"virt")) {
      assertThat(firstPassageFor(robot, typed)).as(typed).contains("[virtual]");
      assertThat(FxWait.onFx(() -> robot.lookup("#search-count").queryAs(Label.class).getText()))
          .as(typed)
          .isEqualTo("1 talk");
      clearSearch(robot);
    }
    // Enter opens the talk at the word: selected in the notes.
    assertThat(firstPassageFor(robot, "virtu-")).contains("[virtual]");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().title().equals("Loom"));
    waitUntil(() -> WindowUnderTest.editor(robot).getSelectedText().equals("virtual"));
  }

  @Test
  void aGreekWordInCapitalsOrWithASigmaAtItsEndFindsTheWordAndMarksIt(FxRobot robot)
      throws Exception {
    var event =
        ui.notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("Meetup"));
    ui.notebook
        .talks()
        .create(
            event.id(),
            dev.talkbook.core.notebook.Talk.Details.titled("Αθήνα"),
            "# Αθήνα\n\nΗ οδός Σταδίου είναι κεντρική.\n");
    ui.reloadTree(robot);
    for (String typed : List.of("ΟΔΟΣ", "οδοσ")) {
      assertThat(firstPassageFor(robot, typed)).as(typed).contains("[οδός]");
      clearSearch(robot);
    }
    assertThat(firstPassageFor(robot, "ΟΔΟΣ")).contains("[οδός]");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().title().equals("Αθήνα"));
    waitUntil(() -> WindowUnderTest.editor(robot).getSelectedText().equals("οδός"));
  }

  @Test
  void aGreekWordTypedWithoutAccentsFindsTheTalkAndEnterOpensItAtTheWord(FxRobot robot)
      throws Exception {
    var event =
        ui.notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("Meetup"));
    ui.notebook
        .talks()
        .create(
            event.id(),
            dev.talkbook.core.notebook.Talk.Details.titled("Ομιλία"),
            "# Ομιλία\n\nΣημειώσεις στα Ελληνικά για την ομιλία.\n");
    ui.reloadTree(robot);
    assertThat(firstPassageFor(robot, "ελληνικα")).contains("[Ελληνικά]");
    ListView<?> results = WindowUnderTest.searchResults(robot);
    assertThat(FxWait.onFx(() -> results.getItems().size())).isEqualTo(1);
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().title().equals("Ομιλία"));
    waitUntil(() -> WindowUnderTest.editor(robot).getSelectedText().equals("Ελληνικά"));
  }

  @Test
  void aJapaneseWordInsideARunIsFoundAndMarked(FxRobot robot) throws Exception {
    var event =
        ui.notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("Meetup"));
    ui.notebook
        .talks()
        .create(
            event.id(),
            dev.talkbook.core.notebook.Talk.Details.titled("会議"),
            "# 会議\n\n日本語のメモです。\n");
    ui.reloadTree(robot);
    assertThat(firstPassageFor(robot, "メモ")).contains("日本語の[メモ]です");
  }

  @Test
  void rawHtmlInNotesIsNotSearchedAndEnterOpensTheTalkAtTheShownWord(FxRobot robot)
      throws Exception {
    var event =
        ui.notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("Meetup"));
    String notes = "<span title=\"quokka\" onclick=\"alert(1)\">Intro</span>\n\nA quokka demo.\n";
    ui.notebook
        .talks()
        .create(event.id(), dev.talkbook.core.notebook.Talk.Details.titled("Raw HTML"), notes);
    ui.reloadTree(robot);
    // The passage is what the page shows; the match is not the tag's attribute.
    assertThat(firstPassageFor(robot, "quokka")).isEqualTo("Intro · A [quokka] demo.");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().title().equals("Raw HTML"));
    int shown = notes.indexOf("A quokka") + 2;
    waitUntil(
        () ->
            WindowUnderTest.editor(robot).getSelection().getStart() == shown
                && WindowUnderTest.editor(robot).getSelectedText().equals("quokka"));
    // A word only inside a tag finds nothing.
    FxWait.clickOn(robot, "#search-field");
    javafx.scene.control.TextField field =
        robot.lookup("#search-field").queryAs(javafx.scene.control.TextField.class);
    robot.interact(
        () -> {
          field.clear();
          field.setText("onclick");
        });
    waitUntil(() -> says(robot, "No talk matches \u201conclick\u201d."));
  }

  @Test
  void aTalkGoneFromTheProgrammeIsStruckThroughAndSaidSo(FxRobot robot) throws Exception {
    // As the navigator shows it (and the command line says "Cancelled: "): the hit's title muted
    // and struck through, and a screen reader told; a talk still in the programme is plain.
    var event =
        ui.notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("Camp"));
    ui.notebook
        .talks()
        .create(
            event.id(),
            dev.talkbook.core.notebook.Talk.Details.titled("Soldering kept"),
            "solder notes",
            new dev.talkbook.core.notebook.Programme(
                "", null, null, null, null, "uid-1", "t", null));
    ui.notebook
        .talks()
        .create(
            event.id(),
            dev.talkbook.core.notebook.Talk.Details.titled("Soldering cancelled"),
            "solder notes",
            new dev.talkbook.core.notebook.Programme(
                "", null, null, null, null, "uid-2", "t", java.time.Instant.ofEpochSecond(5)));
    ui.reloadTree(robot);
    FxWait.clickOn(robot, "#search-field");
    robot.write("solder");
    ListView<?> results = WindowUnderTest.searchResults(robot);
    waitUntil(() -> results.getItems().size() == 2);
    FxWait.untilFx(
        "both hits shown",
        () ->
            hitCell(results, "Soldering kept") != null
                && hitCell(results, "Soldering cancelled") != null);
    String[] kept = FxWait.onFx(() -> shown(hitCell(results, "Soldering kept")));
    String[] gone = FxWait.onFx(() -> shown(hitCell(results, "Soldering cancelled")));
    assertThat(gone[0]).as("struck through").isEqualTo("true");
    assertThat(kept[0]).as("struck through").isEqualTo("false");
    assertThat(gone[1]).as("the title's colour").isNotEqualTo(kept[1]);
    assertThat(gone[2])
        .startsWith("Soldering cancelled, no longer in the programme, Camp")
        .contains("solder notes");
    assertThat(kept[2]).startsWith("Soldering kept, Camp").doesNotContain("programme");
  }

  /**
   * ux18 (s12.png): a hit found by its speaker showed "GraalVM native images · Søren Kierkegaard ·
   * DevConf Europe 2026" under the title and "DevConf Europe 2026 · Søren Kierkegaard" that say it
   * already; a tag matched shows only the tags; a passage reads in its own text's direction.
   */
  @Test
  void aHitFoundByItsTitleOrSpeakerRepeatsNothingAndAPassageKeepsItsOwnDirection(FxRobot robot)
      throws Exception {
    var event =
        ui.notebook
            .events()
            .create(dev.talkbook.core.notebook.Event.Details.titled("DevConf Europe 2026"));
    var talks = ui.notebook.talks();
    talks.create(
        event.id(),
        dev.talkbook.core.notebook.Talk.Details.titled("GraalVM native images")
            .withSpeakers(List.of("Søren Kierkegaard"))
            .withTags(List.of("aot", "graal")),
        "Build time init.");
    talks.create(
        event.id(),
        dev.talkbook.core.notebook.Talk.Details.titled("جافا الحديثة")
            .withSpeakers(List.of("Søren Kierkegaard")),
        "Records and sealed types.");
    talks.create(
        event.id(),
        dev.talkbook.core.notebook.Talk.Details.titled("Arabic notes"),
        "ملاحظات عن sealed");
    ui.reloadTree(robot);
    ListView<?> results = search(robot, "kierkegaard");
    waitUntil(() -> results.getItems().size() == 2);
    FxWait.untilFx(
        "both hits shown",
        () ->
            hitCell(results, "GraalVM native images") != null
                && hitCell(results, "جافا الحديثة") != null);
    assertThat(FxWait.onFx(() -> passages(robot).stream().map(MarkedFlow::text).toList()))
        .as("passages saying the title, speakers and event again")
        .isEmpty();
    // The speaker found is on the line under the title, whole in a narrow navigator too.
    robot.interact(
        () -> {
          var columns = (javafx.scene.control.SplitPane) results.getScene().lookup(".split-pane");
          columns.setDividerPosition(0, 200 / columns.getWidth());
        });
    ui.idle();
    FxWait.untilFx(
        "the event and speaker whole in " + FxWait.onFx(results::getWidth) + " px",
        () -> {
          ListCell<?> cell = hitCell(results, "GraalVM native images");
          if (cell == null) {
            return false;
          }
          Label where = (Label) cell.lookup(".tb-row-detail");
          return where.lookupAll(".text").stream()
              .map(n -> ((javafx.scene.text.Text) n).getText())
              .anyMatch(t -> t.replace("\n", " ").contains("Søren Kierkegaard"));
        });

    robot.interact(
        () -> robot.lookup("#search-field").queryAs(javafx.scene.control.TextField.class).clear());
    waitUntil(() -> results.getItems().isEmpty());
    assertThat(firstPassageFor(robot, "aot")).isEqualTo("Tags: [aot] graal");

    robot.interact(
        () -> robot.lookup("#search-field").queryAs(javafx.scene.control.TextField.class).clear());
    waitUntil(() -> results.getItems().isEmpty());
    robot.interact(
        () ->
            robot
                .lookup("#search-field")
                .queryAs(javafx.scene.control.TextField.class)
                .setText("sealed"));
    waitUntil(() -> results.getItems().size() == 2);
    FxWait.untilFx(
        "both passages shown",
        () ->
            passages(robot).stream()
                .map(MarkedFlow::text)
                .toList()
                .containsAll(List.of("Records and sealed types.", "ملاحظات عن sealed")));
    for (MarkedFlow p : FxWait.onFx(() -> passages(robot))) {
      assertThat(FxWait.onFx(p::getEffectiveNodeOrientation))
          .as(p.text())
          .isEqualTo(
              p.text().startsWith("Records")
                  ? javafx.geometry.NodeOrientation.LEFT_TO_RIGHT
                  : javafx.geometry.NodeOrientation.RIGHT_TO_LEFT);
    }
  }

  /** The visible result cell whose title is {@code title}, or null (on the FX thread). */
  private static ListCell<?> hitCell(ListView<?> results, String title) {
    return results.lookupAll(".list-cell").stream()
        .map(n -> (ListCell<?>) n)
        .filter(c -> c.isVisible() && !c.isEmpty())
        .filter(
            c ->
                c.lookup(".tb-row-title") instanceof Label l
                    && l.getText().equals(title)
                    && c.getItem() instanceof dev.talkbook.core.search.SearchHit hit
                    && hit.talkTitle().equals(title))
        .findFirst()
        .orElse(null);
  }

  /** A hit's title struck through ("true"/"false"), its title's colour, and its accessible text. */
  private static String[] shown(ListCell<?> cell) {
    Label title = (Label) cell.lookup(".tb-row-title");
    javafx.scene.text.Text text = (javafx.scene.text.Text) title.lookup(".text");
    return new String[] {
      Boolean.toString(text.isStrikethrough()),
      String.valueOf(title.getTextFill()),
      cell.getAccessibleText()
    };
  }
}
