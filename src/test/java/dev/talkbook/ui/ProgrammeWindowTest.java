package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Stars and the abstract in the real window: details, navigator, Ctrl+D, the context menu. */
class ProgrammeWindowTest extends RealWindowTest {
  private Talk solder;
  private Talk gone;

  @BeforeEach
  void aProgramme(FxRobot robot) {
    robot.interact(this::addProgramme);
  }

  private void addProgramme() {
    Event camp = ui.notebook.events().create(Event.Details.titled("Sommercamp"));
    Programme p =
        new Programme(
            "We **solder** a badge.", null, Duration.ofMinutes(45), "en", null, "uid-1", "t", null);
    Talk.Details d =
        new Talk.Details(
            "Soldering",
            List.of("Ada"),
            LocalDateTime.of(2026, 8, 21, 14, 0),
            "Saal 1",
            null,
            null,
            List.of());
    solder = ui.notebook.talks().create(camp.id(), d, "my notes", p);
    gone =
        ui.notebook
            .talks()
            .create(
                camp.id(),
                Talk.Details.titled("Cancelled talk"),
                "",
                new Programme("", null, null, null, null, "uid-2", "t", Instant.ofEpochSecond(5)));
    ui.window.reloadNotebook();
  }

  /** Waits for {@code condition} (an exception from it means "not yet"), then for the FX events. */
  private static void waitUntil(Callable<Boolean> condition) {
    FxWait.until(condition);
  }

  /** The text of the navigator's row containing {@code title}, or "" (call on the FX thread). */
  private String rowText(FxRobot robot, String title) {
    return robot.lookup(".tb-talk-row").queryAllAs(TreeCell.class).stream()
        .map(c -> c.lookup(".tb-row-title"))
        .filter(n -> n instanceof Label l && l.getText().contains(title))
        .map(n -> ((Label) n).getText())
        .findFirst()
        .orElse("");
  }

  @Test
  void theAbstractIsShownAboveTheNotesAndTheStarComesAndGoes(FxRobot robot) throws Exception {
    robot.interact(() -> ui.window.open(solder.id(), java.util.List.of()));
    waitUntil(() -> ui.openTalk() != null);
    // The details and the notes of the talk opened: read when shown, on the FX thread, at once.
    // (The abstract's box joins the details with the first talk that has an abstract.)
    FxWait.untilFx(
        "the talk's abstract and notes",
        () ->
            robot.lookup("#detail-abstract").tryQueryAs(Label.class).isPresent()
                && "We **solder** a badge."
                    .equals(robot.lookup("#detail-abstract").queryAs(Label.class).getText())
                && WindowUnderTest.editor(robot).getText().equals("my notes"));
    Label abstractText = robot.lookup("#detail-abstract").queryAs(Label.class);
    assertThat(FxWait.onFx(abstractText::isVisible)).isTrue();
    ToggleButton star = robot.lookup("#detail-star").queryAs(ToggleButton.class);
    assertThat(FxWait.onFx(star::isSelected)).isFalse();

    robot.press(KeyCode.CONTROL).press(KeyCode.D).release(KeyCode.D).release(KeyCode.CONTROL);
    waitUntil(() -> ui.notebook.talks().get(solder.id()).starred());
    FxWait.untilFx("the row's star", () -> rowText(robot, "Soldering").startsWith("★ "));
    FxWait.untilFx("the details' star", star::isSelected);

    FxWait.clickOn(robot, "#detail-star");
    waitUntil(() -> !ui.notebook.talks().get(solder.id()).starred());
    FxWait.untilFx("the row's star gone", () -> rowText(robot, "Soldering").equals("Soldering"));
    assertThat(ui.notebook.talks().get(solder.id()).body()).isEqualTo("my notes");
  }

  /**
   * The preview's "cancelled" banner as shown now: its text, or "" while it is hidden or absent.
   */
  private static String cancelledBanner(FxRobot robot) throws Exception {
    javafx.scene.web.WebView web = WindowUnderTest.preview(robot);
    if (web == null
        || FxWait.onFx(() -> web.getEngine().getLoadWorker().getState())
            != javafx.concurrent.Worker.State.SUCCEEDED) {
      return "";
    }
    return FxWait.onFx(
        () ->
            String.valueOf(
                    web.getEngine()
                        .executeScript(
                            "(function(){var b=document.getElementById('cancelled');"
                                + " return b && !b.hidden && getComputedStyle(b).display != 'none'"
                                + " ? b.textContent : '';})()"))
                .strip());
  }

  /**
   * Tester 10a: the navigator, the details, the site and the share page said a talk was gone from
   * the programme, the preview did not (with the details folded, only a strike-through said it).
   */
  @Test
  void thePreviewSaysATalkGoneFromTheProgrammeIsCancelled(FxRobot robot) throws Exception {
    robot.interact(() -> ui.window.open(gone.id(), java.util.List.of()));
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().id() == gone.id());
    FxWait.untilFx(
        "the preview's banner",
        () ->
            cancelledBanner(robot)
                .equals("Cancelled. This talk is no longer in the conference’s programme."));
    robot.interact(() -> ui.window.open(solder.id(), java.util.List.of()));
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().id() == solder.id());
    FxWait.untilFx("no banner for a talk in the programme", () -> cancelledBanner(robot).isEmpty());
  }

  @Test
  void theNavigatorsMenuStarsATalkAndATalkGoneFromTheProgrammeSaysSo(FxRobot robot)
      throws Exception {
    robot.interact(() -> ui.window.open(gone.id(), java.util.List.of()));
    FxWait.untilFx("the row", () -> !rowText(robot, "Cancelled talk").isEmpty());
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().id() == gone.id());
    Label removed = robot.lookup("#detail-removed").queryAs(Label.class);
    FxWait.untilFx("the details to say it was removed", removed::isVisible);
    assertThat(FxWait.onFx(removed::getText)).startsWith("No longer in the programme");
    FxWait.untilFx(
        "the row marked removed", () -> robot.lookup(".tb-removed").tryQuery().isPresent());

    // The rows' menu as a user opens it (it is made on its first request).
    var tree = WindowUnderTest.navigator(robot);
    robot.interact(tree::requestFocus);
    robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
    FxWait.untilFx(
        "the rows' menu shown",
        () -> tree.getContextMenu() != null && tree.getContextMenu().isShowing());
    javafx.scene.control.ContextMenu menu = tree.getContextMenu();
    javafx.scene.control.MenuItem star =
        menu.getItems().stream()
            .filter(i -> "navigator-star".equals(i.getId()))
            .findFirst()
            .orElseThrow();
    assertThat(FxWait.onFx(star::getText)).isEqualTo("Star");
    assertThat(FxWait.onFx(() -> star.getAccelerator().getDisplayText())).isEqualTo("Ctrl+D");
    assertThat(FxWait.onFx(star::isVisible)).isTrue();
    robot.interact(
        () -> {
          star.fire();
          menu.hide();
        });
    waitUntil(() -> ui.notebook.talks().get(gone.id()).starred());
    FxWait.untilFx("the row's star", () -> rowText(robot, "Cancelled talk").startsWith("★ "));
  }
}
