package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A read-only window follows what another process saves to its notebook (tester: a second window
 * opened read-only beside a writing one showed the notes as they were when it opened, and so did
 * its live share, 13 s after the first window had saved).
 */
@ExtendWith(ApplicationExtension.class)
class ReadOnlyFollowTest {
  /**
   * Looks every second: a save shows after a look or two; the rest is room for a loaded machine.
   */
  private static final Duration BOUND = Duration.ofSeconds(10);

  @TempDir Path dir;
  private WindowUnderTest ui;
  private String notes;
  private long talk;
  private long event;

  @BeforeEach
  void openReadOnly(FxRobot robot) throws TimeoutException {
    try (Notebook writer = Notebook.open(notebook())) {
      event = SampleMeetup.addTo(writer).id();
      talk = writer.talks().summaries().get(0).id();
      notes = writer.talks().get(talk).body();
    }
    Stage primary = FxToolkit.registerPrimaryStage();
    robot.interact(
        () ->
            ui =
                new WindowUnderTest(
                    primary,
                    dir,
                    Notebook.Options.defaults().withReadOnly(true).withCreate(false)));
    ui.idle();
    robot.interact(() -> ui.window.open(talk, List.of()));
    FxWait.untilFx("the notes", () -> WindowUnderTest.editor(robot).getText().equals(notes));
  }

  private Path notebook() {
    return dir.resolve("notes.talkbook");
  }

  @AfterEach
  void close(FxRobot robot) {
    ui.close(robot);
  }

  @Test
  void notesSavedByAnotherConnectionShowWithTheCaretKept(FxRobot robot) throws Exception {
    int caret = notes.indexOf('\n') + 3; // on the second line, before what is typed below
    robot.interact(() -> WindowUnderTest.editor(robot).moveTo(caret));
    Object row = FxWait.onFx(() -> WindowUnderTest.navigator(robot).getRoot().getChildren().get(0));
    String typed = notes + " FROM-W1";
    try (Notebook other = Notebook.open(notebook())) {
      other.talks().saveBody(talk, typed); // as another Talkbook's autosave writes it
    }

    FxWait.untilFx(
        "the other window's save in the read-only window",
        BOUND,
        () -> WindowUnderTest.editor(robot).getText().equals(typed));
    assertThat(FxWait.onFx(() -> WindowUnderTest.editor(robot).getCaretPosition()))
        .as("the caret where it was")
        .isEqualTo(caret);
    assertThat(FxWait.onFx(() -> ui.window.openTalk().getText()))
        .as("what live share sends")
        .isEqualTo(typed);
    assertThat(WindowUnderTest.saveState(robot)).startsWith("Read-only · followed a save at ");
    assertThat(FxWait.onFx(() -> WindowUnderTest.navigator(robot).getRoot().getChildren().get(0)))
        .as("the tree not rebuilt for a save of notes (its selection and scroll kept)")
        .isSameAs(row);
    // Edit → Undo (Ctrl+Z) has nothing to take back: the text followed is not the user's change.
    robot.interact(() -> WindowUnderTest.editor(robot).undo());
    ui.idle();
    assertThat(WindowUnderTest.editorText(robot)).isEqualTo(typed);
    assertThat(WindowUnderTest.saveState(robot))
        .as("nothing to save in a read-only window")
        .startsWith("Read-only");
  }

  @Test
  void aLineSavedAboveMovesTheCaretAndTheScrollWithTheirText(FxRobot robot) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      lines.append("- line ").append(i).append('\n');
    }
    String longNotes = lines.toString();
    try (Notebook other = Notebook.open(notebook())) {
      other.talks().saveBody(talk, longNotes);
    }
    FxWait.untilFx(
        "the long notes", BOUND, () -> WindowUnderTest.editor(robot).getText().equals(longNotes));
    int caret = longNotes.indexOf("- line 120");
    robot.interact(
        () -> {
          WindowUnderTest.editor(robot).moveTo(caret);
          WindowUnderTest.editor(robot).showParagraphAtTop(100);
        });
    ui.idle();
    int top = FxWait.onFx(() -> WindowUnderTest.editor(robot).firstVisibleParToAllParIndex());
    assertThat(top).as("scrolled").isEqualTo(100);

    String above = "# Added above\n";
    try (Notebook other = Notebook.open(notebook())) {
      other.talks().saveBody(talk, above + longNotes);
    }
    FxWait.untilFx(
        "the line added above",
        BOUND,
        () -> WindowUnderTest.editor(robot).getText().equals(above + longNotes));
    ui.idle();
    assertThat(FxWait.onFx(() -> WindowUnderTest.editor(robot).getCaretPosition()))
        .as("the caret still before '- line 120'")
        .isEqualTo(caret + above.length());
    assertThat(FxWait.onFx(() -> WindowUnderTest.editor(robot).firstVisibleParToAllParIndex()))
        .as("the same line at the top")
        .isEqualTo(top + 1);
  }

  @Test
  void theNavigatorShowsAnEventRenamedByAnotherConnection(FxRobot robot) throws Exception {
    try (Notebook other = Notebook.open(notebook())) {
      other.events().rename(event, "Renamed elsewhere");
    }
    FxWait.untilFx(
        "the renamed event in the tree",
        BOUND,
        () -> labels(WindowUnderTest.navigator(robot).getRoot()).contains("Renamed elsewhere"));
  }

  private static List<String> labels(TreeItem<dev.talkbook.ui.navigator.NavNode> item) {
    List<String> all = new ArrayList<>();
    if (item == null) {
      return all;
    }
    if (item.getValue() != null) {
      all.add(item.getValue().label());
    }
    for (TreeItem<dev.talkbook.ui.navigator.NavNode> child : item.getChildren()) {
      all.addAll(labels(child));
    }
    return all;
  }
}
