package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.ReplSession;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * The REPL's definitions in presenter mode, in the real window at 1024 × 600: a long value shows
 * its first two lines, and the presenter opens it whole from the keyboard (Java → Go to the REPL's
 * definitions, then Enter) or with a click; it was cut at two lines with no way to read the rest.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PresenterDefinitionsWindowTest extends RealWindowTest {
  private static final String VALUE =
      "The evening has four talks and lasts 130 minutes, questions included, with a break after"
          + " the second talk for pizza and a chat";

  private ReplSession repl;

  @BeforeEach
  void openTalkWithTheRepl(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", "# Loom\n\n```java\nint answer = 6 * 7;\n```\n");
    repl = ui.attachRepl(robot);
  }

  /** The definitions list's cell showing {@code name} (waits until it is drawn). */
  private static ListCell<?> cell(FxRobot robot, String name) {
    return (ListCell<?>)
        FxWait.shown(
            robot,
            ".tb-repl-definitions .list-cell",
            n -> n instanceof ListCell<?> c && c.getText() != null && c.getText().contains(name));
  }

  /** What the cell showing {@code name} draws now, "" while none does. On the FX thread. */
  private static String drawnNow(FxRobot robot, String name) {
    return robot.lookup(".tb-repl-definitions .list-cell").queryAll().stream()
        .filter(
            n -> n instanceof ListCell<?> c && c.getText() != null && c.getText().contains(name))
        .map(n -> drawn((ListCell<?>) n))
        .findFirst()
        .orElse("");
  }

  /** The words the cell draws now (its text, cut with "…" where it has no room for all). */
  private static String drawn(ListCell<?> cell) {
    return cell.lookupAll(".text").stream()
        .filter(Text.class::isInstance)
        .map(n -> ((Text) n).getText())
        .findFirst()
        .orElse("");
  }

  @Test
  void aLongValueOpensWholeFromTheKeyboardOrWithAClick(FxRobot robot) throws Exception {
    ui.fire(robot, "Presenter mode");
    ui.resize(robot, 1024, 600);
    CodeArea input = FxWait.onFx(() -> robot.lookup(".tb-repl-input").queryAs(CodeArea.class));
    // 24 px at 1280 × 800, scaled to the window: 19 at 1024 × 600.
    FxWait.untilFx("the REPL at the presenter size", () -> input.getStyle().contains("19.0px"));
    // Listed low in the list, definitions under it.
    repl.evaluate("int a = 1; int b = 2; int c = 3;").get(60, TimeUnit.SECONDS);
    repl.evaluate("String summary = \"" + VALUE + "\";").get(60, TimeUnit.SECONDS);
    repl.evaluate("int d = 4; int e = 5;").get(60, TimeUnit.SECONDS);
    String whole = "String summary = \"" + VALUE + "\"";
    ListCell<?> shut = cell(robot, "summary");
    // Its first two lines, cut (JavaFX's "..." before; "…" now).
    FxWait.untilFx(
        "the value shut, its first lines cut",
        () -> drawn(shut).endsWith("…") || drawn(shut).endsWith("..."));

    // From the keyboard: to the list, to the definition, Enter opens its value whole.
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT)
        .type(KeyCode.D)
        .release(KeyCode.SHIFT, KeyCode.CONTROL);
    @SuppressWarnings("unchecked")
    ListView<Object> list = robot.lookup(".tb-repl-definitions").queryAs(ListView.class);
    FxWait.untilFx("the definitions focused", list::isFocused);
    robot.type(KeyCode.DOWN, KeyCode.DOWN, KeyCode.DOWN); // to summary, the fourth
    robot.type(KeyCode.ENTER);
    FxWait.untilFx("the value whole", () -> drawnNow(robot, "summary").equals(whole));
    ListCell<?> open = cell(robot, "summary");
    // Whole in sight too: opened low in the list, it went past its edge.
    FxWait.untilFx(
        "the opened value inside the list",
        () -> {
          Node shown =
              robot.lookup(".tb-repl-definitions .list-cell").queryAll().stream()
                  .filter(
                      n ->
                          n instanceof ListCell<?> c
                              && c.getText() != null
                              && c.getText().contains("summary"))
                  .findFirst()
                  .orElse(null);
          if (shown == null) {
            return false;
          }
          javafx.geometry.Bounds cell = shown.localToScreen(shown.getLayoutBounds());
          javafx.geometry.Bounds in = list.localToScreen(list.getLayoutBounds());
          // Its words: the list's border may clip a few pixels of the cell's padding.
          return cell.getMinY() >= in.getMinY() - 0.5 && cell.getMaxY() <= in.getMaxY() + 6;
        });
    // At the presenter's size, and its tooltip too.
    assertThat(FxWait.onFx(() -> open.getFont().getSize())).isEqualTo(19);
    assertThat(FxWait.onFx(() -> open.getTooltip().getFont().getSize())).isEqualTo(19);
    // Enter again shuts it; a click opens it.
    robot.type(KeyCode.ENTER);
    FxWait.untilFx("the value shut again", () -> drawnNow(robot, "summary").endsWith("…"));
    Node again = cell(robot, "summary");
    FxWait.clickOn(robot, again);
    FxWait.untilFx("the value whole again", () -> drawnNow(robot, "summary").equals(whole));
    // It stays open as the session lists its definitions again.
    repl.evaluate("int answer = 6 * 7;").get(60, TimeUnit.SECONDS);
    FxWait.untilFx(
        "answer listed",
        () -> list.getItems().stream().anyMatch(d -> d.toString().contains("answer")));
    FxWait.untilFx("the value still whole", () -> drawnNow(robot, "summary").equals(whole));
    // The same key goes back to the input.
    robot.interact(list::requestFocus);
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT)
        .type(KeyCode.D)
        .release(KeyCode.SHIFT, KeyCode.CONTROL);
    FxWait.untilFx("the input focused", input::isFocused);
    ui.fire(robot, "Presenter mode");
  }
}
