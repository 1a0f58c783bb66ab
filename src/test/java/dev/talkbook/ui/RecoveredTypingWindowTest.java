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
 * back is told in the status bar, on one line beside the notebook's path (on two the bar grew and
 * cut the path to "/tmp/t1…"), cut with "…" where the bar is too narrow and whole in its tooltip
 * and a click away; the caret and the scroll are at the typing. Before, the notes opened at their
 * top while the typing was at their end.
 */
class RecoveredTypingWindowTest extends RealWindowTest {
  private static final String NOTES =
      IntStream.range(0, 200).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n";

  @Test
  void typingPutBackAfterACrashIsToldWholeWithTheCaretAtIt(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          ui.stage.setWidth(1280);
          ui.stage.setHeight(720);
        });
    Talk talk =
        ui.openNewTalk(
            robot, "Opening keynote (updated): the next ten years of the platform, and you", NOTES);
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
    // In the status bar on one line, cut; the notebook's path beside it whole.
    Label notice = robot.lookup("#notice").queryAs(Label.class);
    FxWait.untilFx(
        "the message in the status bar, cut",
        () ->
            said.equals(notice.getText())
                && notice.isVisible()
                && ui.window.statusBar().noticeCut());
    double oneLine = FxWait.onFx(() -> notice.getFont().getSize() * 2);
    assertThat(FxWait.onFx(notice::getHeight)).as("the notice one line high").isLessThan(oneLine);
    Label path = robot.lookup("#notebook-path").queryAs(Label.class);
    assertThat(FxWait.onFx(() -> path.lookup(".text") instanceof Text t ? t.getText() : null))
        .as("the path drawn whole")
        .isEqualTo(ui.notebook.file().toString());
    assertThat(FxWait.onFx(() -> notice.getTooltip().getText())).isEqualTo(said);
    FxWait.clickOn(robot, "#notice");
    FxWait.untilFx(
        "the whole message over the bar",
        () -> said.equals(ui.window.statusBar().wholeNoticeShown()));
    assertThat(said).endsWith("History has the notes before it.");
  }
}
