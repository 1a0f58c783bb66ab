package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.common.Resources;
import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.search.SearchHit;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Replays searches against an exported site's real search code (lunr, {@code search.js} and the
 * exported {@code search-index.js}) in JavaFX's WebKit, headless, over a generated corpus of 500
 * talks with realistic titles: every word of a talk's title finds the talk, and a whole word finds
 * every talk {@code talkbook search} finds (the notebook's FTS5 index, the same stemming).
 */
@ExtendWith(ApplicationExtension.class)
class SiteSearchReplayTest {
  private static final int TALKS = 500;

  @TempDir static Path dir;
  private static Path site;
  private static List<SearchCorpus.Made> talks;
  private static Notebook notebook;
  private WebView view;

  @BeforeAll
  static void exportSite() {
    site = dir.resolve("site");
    notebook = Notebook.open(dir.resolve("n.talkbook"));
    talks = SearchCorpus.fill(notebook, TALKS);
    new SiteExporter(new MarkdownRenderer())
        .export(
            notebook, site, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
  }

  @org.junit.jupiter.api.AfterAll
  static void closeNotebook() {
    if (notebook != null) {
      notebook.close();
    }
  }

  @Start
  void start(Stage stage) {
    view = new WebView();
    stage.setScene(new Scene(view, 400, 300));
    stage.show();
  }

  /** Loads lunr, search.js and the exported index into an empty page, and builds the index. */
  private void loadSearch(FxRobot robot) throws Exception {
    java.util.concurrent.CompletableFuture<Void> loaded =
        new java.util.concurrent.CompletableFuture<>();
    robot.interact(
        () -> {
          view.getEngine()
              .getLoadWorker()
              .stateProperty()
              .addListener(
                  (o, was, now) -> {
                    if (now == Worker.State.SUCCEEDED) {
                      loaded.complete(null);
                    }
                  });
          view.getEngine().loadContent("<!DOCTYPE html><html><body></body></html>");
        });
    loaded.get(30, TimeUnit.SECONDS);
    String lunr = resource("/META-INF/resources/webjars/lunr/2.3.9/lunr.min.js");
    String search = Resources.text(SiteExporter.class, "search.js");
    String index = Files.readString(site.resolve("search-index.js"), StandardCharsets.UTF_8);
    run(
        robot,
        lunr
            + "\n;"
            + search
            + "\n;"
            + index
            + "\n; window.IDX ="
            + " TalkbookSearch.build(window.TALKBOOK_SEARCH); 'ok'");
  }

  private String run(FxRobot robot, String script) {
    Object[] out = new Object[1];
    robot.interact(() -> out[0] = view.getEngine().executeScript(script));
    return String.valueOf(out[0]);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SiteSearchReplayTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyWordOfATitleFindsItsTalk(FxRobot robot) throws Exception {
    loadSearch(robot);
    String[] result =
        run(
                robot,
                """
                (function () {
                  var docs = window.TALKBOOK_SEARCH, words = 0, found = 0, misses = [];
                  docs.forEach(function (d, i) {
                    TalkbookSearch.words(d.t).forEach(function (w) {
                      words++;
                      var hits = TalkbookSearch.find(window.IDX, w);
                      if (hits.some(function (h) { return h.ref === String(i); })) { found++; }
                      else { misses.push(w + " in: " + d.t); }
                    });
                  });
                  return [words, found].concat(misses).join("\\n");
                })()
                """)
            .split("\n");
    int words = Integer.parseInt(result[0]);
    int found = Integer.parseInt(result[1]);
    System.out.printf(
        "site search replay: %d of %d title words (%.1f %%) found their talk%n",
        found, words, 100.0 * found / words);
    assertThat(words).isGreaterThan(TALKS * 3);
    assertThat(List.of(result).subList(2, result.length)).as("title words that missed").isEmpty();
  }

  @Test
  void aWholeWordFindsWhatTheNotebooksSearchFinds(FxRobot robot) throws Exception {
    loadSearch(robot);
    Set<String> words = new TreeSet<>();
    for (SearchCorpus.Made t : talks) {
      for (String w : SearchText.words(t.title()).split(" ")) {
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
    }
    words.addAll(List.of("tested", "deploying", "diverse", "keynotes", "naive", "strasse"));
    StringBuilder expected = new StringBuilder("{");
    for (String w : words) {
      Set<String> titles = new LinkedHashSet<>();
      for (SearchHit h : notebook.search().search(w, 100_000)) {
        titles.add(h.talkTitle());
      }
      if (expected.length() > 1) {
        expected.append(',');
      }
      expected.append(Html.json(w)).append(":[");
      expected.append(String.join(",", titles.stream().sorted().map(Html::json).toList()));
      expected.append(']');
    }
    expected.append('}');
    String mismatches =
        run(
            robot,
            "(function (expected) {\n"
                + "  var docs = window.TALKBOOK_SEARCH, out = [];\n"
                + "  Object.keys(expected).forEach(function (w) {\n"
                + "    var got = TalkbookSearch.find(window.IDX, w)\n"
                + "      .map(function (h) { return docs[Number(h.ref)].t; }).sort();\n"
                + "    var want = expected[w];\n"
                + "    var missing = want.filter(function (t) { return got.indexOf(t) < 0; });\n"
                + "    if (missing.length > 0) {\n"
                + "      out.push(w + ': ' + missing.length + ' missing, like ' + missing[0]);\n"
                + "    }\n"
                + "  });\n"
                + "  return out.join('\\n');\n"
                + "})("
                + expected
                + ")");
    // The site finds more (a word is also the start of longer words: "java" finds "javafx"), never
    // less.
    assertThat(mismatches).as("talks talkbook search finds and the site does not").isEmpty();
  }
}
