package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.NotesJournal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The window after a crash ({@code MainWindow.tellRecovered}): the typing the notes' journal put
 * back is told whole in the status bar (on as many lines as it takes), and the caret and the scroll
 * are at it. Before, the status bar cut the message ("…History ha…") and the notes opened at their
 * top while the typing was at their end.
 */
class RecoveredTypingWindowTest extends RealWindowTest {
  private static final String NOTES =
      IntStream.range(0, 200).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n";

  @Test
  void typingPutBackAfterACrashIsToldWholeWithTheCaretAtIt(FxRobot robot) throws Exception {
    robot.interact(() -> ui.stage.setWidth(1000));
    Talk talk = ui.openNewTalk(robot, "Opening keynote (updated)", NOTES);
    robot.interact(() -> ui.window.close());

    // What a process killed while typing at the end of the notes leaves: its journal.
    Path fallback = dir.resolve("tmp");
    NotesJournal journal = new NotesJournal(ui.notebook.file(), fallback, problem -> {});
    String typed = NOTES;
    journal.begin(talk.id(), 1, typed);
    long seq = 1;
    for (char c : "the end of typing KILLMARK".toCharArray()) {
      int at = typed.length();
      typed = typed + c;
      journal.edited(talk.id(), ++seq, at, 0, String.valueOf(c), typed);
    }
    journal.flush().get(10, TimeUnit.SECONDS);
    journal.close();
    // The next start: put back on the notebook's thread, then the window tells of it.
    List<NotesJournal.Recovered> recovered = NotesJournal.recover(ui.notebook, fallback);
    assertThat(recovered).hasSize(1);
    String said = recovered.get(0).message();
    robot.interact(
        () -> {
          ui.show();
          ui.window.tellRecovered(recovered);
        });

    String restored = typed;
    CodeArea notes = WindowUnderTest.editor(robot);
    FxWait.untilFx("the notes put back", () -> notes.getText().equals(restored));
    FxWait.untilFx(
        "the caret at the end of the typing put back, in view",
        () ->
            notes.getCaretPosition() == restored.length()
                && !notes.getVisibleParagraphs().isEmpty()
                && notes.lastVisibleParToAllParIndex() >= notes.getCurrentParagraph()
                && notes.firstVisibleParToAllParIndex() <= notes.getCurrentParagraph());
    // Whole in the status bar, on two lines: nothing over the notes' last lines, where the typing
    // is.
    FxWait.untilFx(
        "the whole message in the status bar",
        () ->
            said.equals(robot.lookup("#notice").queryAs(Label.class).getText())
                && robot.lookup("#notice").queryAs(Label.class).isVisible()
                && !ui.window.statusBar().noticeCut());
    assertThat(FxWait.onFx(() -> robot.lookup("#notice .text").queryAs(Text.class).getText()))
        .isEqualTo(said);
    assertThat(said).endsWith("History has the notes before it.");
  }
}
