package dev.talkbook.ui.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.core.repl.TestRepository;
import dev.talkbook.ui.CssWarnings;
import dev.talkbook.ui.FxWait;
import dev.talkbook.ui.common.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** //DEPS in the REPL pane and Java → Prepare for offline, against a test repository. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LibrariesUiTest {
  private final CssWarnings css = CssWarnings.watch();

  @TempDir static Path dir;
  private ReplSession session;
  private ReplPane pane;
  private CodeArea notes;
  private NotesRunner runner;
  private final List<String> statuses = new ArrayList<>();

  @Start
  void start(Stage stage) throws Exception {
    TestRepository repo = new TestRepository(Files.createDirectories(dir.resolve("remote")));
    repo.publishGreeting();
    var libraries = TestRepository.resolverOptions(dir.resolve("local"), repo.url());
    session = ReplSession.start(ReplOptions.defaults().withLibraries(libraries));
    session.ready().get(60, TimeUnit.SECONDS);
    pane = new ReplPane(session);
    notes = new CodeArea();
    runner = new NotesRunner(notes, session, statuses::add);
    VBox root = new VBox(notes, pane.root());
    Scene scene = new Scene(root, 900, 700);
    new Theme(false).apply(scene); // the app's sheet, whose colours the REPL's sheet uses
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void close() {
    session.close();
    css.close();
    assertThat(css.seen()).as("CSS warnings").isEmpty();
  }

  private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    FxWait.untilFx("the condition", java.time.Duration.ofSeconds(60), condition);
  }

  /** The transcript's text now, read on the FX thread. */
  private String transcript() throws Exception {
    return FxWait.onFx(pane::transcriptText);
  }

  @Test
  void aDepsLineInTheInputSaysWhatItAddedAndDepsListsIt(FxRobot robot) throws Exception {
    robot.interact(
        () ->
            pane.input()
                .replaceText("//DEPS demo:greeting:1.0\ndemo.greeting.Greeting.hello(\"you\")"));
    robot.interact(pane::runInput);
    waitFor(() -> pane.transcriptText().contains("⇒ \"Hello, you\""));
    assertThat(transcript())
        .contains("Resolving demo:greeting:1.0 …")
        .containsPattern(
            "Added to the class path: greeting-1.0.jar \\(downloaded \\d+ kB, [\\d.]+ s\\)\\.");

    robot.interact(() -> pane.input().replaceText("/deps"));
    robot.interact(pane::runInput);
    waitFor(() -> pane.transcriptText().contains("› /deps"));
    assertThat(transcript()).contains("demo:greeting:1.0   greeting-1.0.jar");
    ListView<?> defs = robot.lookup(".tb-repl-definitions").queryAs(ListView.class);
    waitFor(() -> defs.getItems().stream().anyMatch(d -> d.toString().contains("LIBRARY")));
  }

  @Test
  void anUnknownLibraryIsAnErrorInTheTranscript(FxRobot robot) throws Exception {
    robot.interact(() -> pane.input().replaceText("//DEPS demo:nope:1.0\n1 + 1"));
    robot.interact(pane::runInput);
    waitFor(() -> pane.transcriptText().contains("Nothing was run."));
    assertThat(transcript()).contains("demo:nope:jar:1.0 was not found in test (");
  }

  @Test
  void prepareForOfflineResolvesEveryLibraryOfTheNotesAndSaysWhich(FxRobot robot) throws Exception {
    robot.interact(
        () ->
            notes.replaceText(
                "# Talk\n\n```java\n//DEPS demo:greeting:1.0\n```\n\ntext\n\n"
                    + "```java\n//DEPS demo:missing:2.0\n```\n"));
    OfflinePreparation[] window = new OfflinePreparation[1];
    robot.interact(() -> window[0] = runner.prepareForOffline());
    assertThat(window[0]).isNotNull();
    ListView<?> results =
        (ListView<?>) window[0].stage().getScene().lookup("#" + OfflinePreparation.RESULTS_ID);
    waitFor(() -> results.getItems().size() == 2);
    assertThat(FxWait.onFx(() -> results.getItems().stream().map(Object::toString).toList()))
        .satisfiesExactly(
            ok -> assertThat(ok).startsWith("✓ demo:greeting:1.0: 1 jar, "),
            bad ->
                assertThat(bad)
                    .startsWith("✗ demo:missing:2.0: demo:missing:jar:2.0 was not found"));
    Label status = (Label) window[0].stage().getScene().lookup("#" + OfflinePreparation.STATUS_ID);
    assertThat(FxWait.onFx(status::getText)).isEqualTo("1 of 2 could not be prepared; see below.");
    assertThat(dir.resolve("local/demo/greeting/1.0/greeting-1.0-sources.jar")).exists();
    robot.interact(() -> window[0].stage().close());

    robot.interact(() -> notes.replaceText("no code here"));
    robot.interact(() -> window[0] = runner.prepareForOffline());
    assertThat(window[0]).isNull();
    assertThat(statuses).last().asString().contains("name no libraries");
  }
}
