package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.ui.details.TalkDetailsPane;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The talk's details saved as the notes are: shortly after the typing stops with the caret still in
 * the field, a field the notebook cannot take kept and explained while the others are saved, on
 * switching talks without leaving the field, and the status bar not "Saved" meanwhile.
 */
class DetailsSavingTest extends RealWindowTest {

  private Talk stored(Talk talk) {
    return ui.notebook.talks().get(talk.id());
  }

  private static TextField field(FxRobot robot, String id) {
    return robot.lookup("#detail-" + id).queryAs(TextField.class);
  }

  @Test
  void typedDetailsAreSavedOnceTheTypingStopsWithTheCaretStillInTheField(FxRobot robot)
      throws Exception {
    Talk talk = ui.openNewTalk(robot, "Typed details", "Notes\n");
    FxWait.clickOn(robot, "#detail-speakers");
    robot.write("Ada Lovelace");
    FxWait.until(
        "the speaker saved without leaving the field",
        () -> stored(talk).details().speakers().equals(List.of("Ada Lovelace")));
    assertThat(FxWait.onFx(() -> field(robot, "speakers").isFocused())).isTrue();
    FxWait.untilFx("the status bar says saved", () -> "Saved".equals(saveStateNow(robot)));
    // Ctrl+Z in the field still takes the typing back (the save did not rewrite the field).
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    String undone = FxWait.onFx(() -> field(robot, "speakers").getText());
    assertThat(undone).isNotEqualTo("Ada Lovelace");
    assertThat("Ada Lovelace").startsWith(undone);
    FxWait.until(
        "the undone speaker saved too",
        () -> String.join(", ", stored(talk).details().speakers()).equals(undone.strip()));
  }

  /**
   * Types {@code text} into the focused field key after key with no wait, over and over, until
   * {@code saved} holds or {@code limit} passed; returns how long the typing went on before it did
   * (counted from the first key after the last pause of {@link TalkDetailsPane#AUTOSAVE_DELAY}), or
   * -1 when it never did.
   */
  private static long typeSteadilyUntil(
      FxRobot robot,
      String text,
      java.time.Duration limit,
      java.util.function.BooleanSupplier saved) {
    long start = System.nanoTime();
    long steadySince = start;
    long last = start;
    while (System.nanoTime() - start < limit.toNanos()) {
      for (char c : text.toCharArray()) {
        robot.write(c);
        long now = System.nanoTime();
        if (now - last >= TalkDetailsPane.AUTOSAVE_DELAY.toNanos()) {
          steadySince = now; // the machine stalled: a pause, after which a save is due anyway
        }
        last = now;
        if (saved.getAsBoolean()) {
          return (now - steadySince) / 1_000_000;
        }
      }
    }
    return -1;
  }

  @Test
  void aFieldTypedIntoSteadilyIsSavedWithinTheLongestWaitWithoutAPause(FxRobot robot)
      throws Exception {
    Talk talk = ui.openNewTalk(robot, "Typed details", "Notes\n");
    FxWait.clickOn(robot, "#detail-tags");
    // A first tag, saved at the pause after it (the tags' completions shown once, which takes the
    // FX thread a while the first time).
    robot.write("conference, ");
    FxWait.until("the first tag saved", () -> !stored(talk).details().tags().isEmpty());
    long typedFor =
        typeSteadilyUntil(
            robot,
            "jvm, loom, fast, ",
            java.time.Duration.ofSeconds(10),
            () -> stored(talk).details().tags().contains("jvm"));
    assertThat(typedFor).as("ms of steady typing before the tags were saved").isNotNegative();
    // The bound is the longest wait and a save's slack on a busy machine (the notebook thread, a
    // loaded CI host); without a longest wait no save comes while the typing goes on at all.
    assertThat(typedFor).isLessThan(TalkDetailsPane.AUTOSAVE_MAX_WAIT.toMillis() + 3_000);
    // While the typing goes on the field is left as typed (the save did not rewrite it).
    assertThat(FxWait.onFx(() -> field(robot, "tags").isFocused())).isTrue();
  }

  @Test
  void aTimeHalfTypedIsNotSavedNorSaidWhileTheTypingGoesOnButTheRoomIs(FxRobot robot)
      throws Exception {
    Talk talk = ui.openNewTalk(robot, "Typed details", "Notes\n");
    FxWait.clickOn(robot, "#detail-room");
    // A time half typed (as if typed before, without leaving its field, which would explain it).
    robot.interact(() -> field(robot, "time").setText("2026-11"));
    // The time cannot be saved; the room typed steadily is saved all the same, and the time is not
    // said "not saved" before the typing pauses.
    java.util.List<String> saidWhileTyping = new java.util.ArrayList<>();
    long typedFor =
        typeSteadilyUntil(
            robot,
            "Hall B ",
            java.time.Duration.ofSeconds(6),
            () -> {
              if (stored(talk).details().room() == null) {
                return false;
              }
              saidWhileTyping.add(saveStateNow(robot));
              return true;
            });
    assertThat(typedFor).isNotNegative();
    assertThat(stored(talk).details().startsAt()).isNull();
    assertThat(saidWhileTyping).noneMatch(s -> s.startsWith("Time not saved"));
    FxWait.untilFx(
        "the time said not saved once the typing paused",
        () -> saveStateNow(robot).startsWith("Time not saved"));
    assertThat(FxWait.onFx(() -> field(robot, "time").getText())).isEqualTo("2026-11");
  }

  @Test
  void theStatusBarIsNotSavedWhileAFieldHoldsTextNotYetStored(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Typed details", "Notes\n");
    FxWait.untilFx("the status bar says saved", () -> "Saved".equals(saveStateNow(robot)));
    // The change and the look at the bar in one go on the FX thread: no autosave in between.
    String state =
        FxWait.onFx(
            () -> {
              field(robot, "room").setText("Hall B");
              return saveStateNow(robot);
            });
    assertThat(state).isEqualTo("Edited");
  }

  @Test
  void aTimeThatCannotBeSavedIsKeptAndExplainedAndTheOtherFieldsAreSaved(FxRobot robot)
      throws Exception {
    Talk talk = ui.openNewTalk(robot, "Typed details", "Notes\n");
    FxWait.clickOn(robot, "#detail-room");
    robot.write("Hall B");
    FxWait.clickOn(robot, "#detail-time");
    robot.write("tomorrow");
    FxWait.until("the room saved", () -> "Hall B".equals(stored(talk).details().room()));
    FxWait.untilFx(
        "the status bar says the details are not saved",
        () -> saveStateNow(robot).startsWith("Time not saved: Time \"tomorrow\""));
    assertThat(FxWait.onFx(() -> field(robot, "time").getText())).isEqualTo("tomorrow");
    assertThat(stored(talk).details().startsAt()).isNull();
    String tip =
        FxWait.onFx(() -> robot.lookup("#save-state").queryAs(Label.class).getTooltip().getText());
    assertThat(tip).contains("tomorrow");
    // Typed right, it is saved, and the bar says so.
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.write("2026-12-05 18:30");
    FxWait.until("the time saved", () -> stored(talk).details().startsAt() != null);
    FxWait.untilFx("the status bar says saved", () -> "Saved".equals(saveStateNow(robot)));
  }

  @Test
  void switchingTalksWithTheCaretInAFieldSavesWhatItHolds(FxRobot robot) throws Exception {
    Talk other = ui.openNewTalk(robot, "The other talk", "Other notes\n");
    Talk talk = ui.openNewTalk(robot, "Typed details", "Notes\n");
    // Typed and switched in one go: neither the autosave nor a focus change saves it.
    robot.interact(
        () -> {
          field(robot, "speakers").requestFocus();
          field(robot, "speakers").setText("Grace Hopper");
          ui.window.open(other.id(), List.of());
        });
    FxWait.untilFx(
        "the other talk shown", () -> WindowUnderTest.editorText(robot).equals("Other notes\n"));
    FxWait.until(
        "the speaker saved with the talk left",
        () -> stored(talk).details().speakers().equals(List.of("Grace Hopper")));
    assertThat(FxWait.onFx(() -> field(robot, "speakers").getText())).isEmpty();
  }

  @Test
  void aTimeThatCannotBeSavedIsSaidWhenItsTalkIsLeft(FxRobot robot) throws Exception {
    // Found by a tester: the typed time went without a word when another talk was opened.
    Talk other = ui.openNewTalk(robot, "The other talk", "Other notes\n");
    ui.openNewTalk(robot, "Typed details", "Notes\n");
    robot.interact(
        () -> {
          field(robot, "time").requestFocus();
          field(robot, "time").setText("25:99 tomorrow");
          ui.window.open(other.id(), List.of());
        });
    FxWait.untilFx(
        "the other talk shown", () -> WindowUnderTest.editorText(robot).equals("Other notes\n"));
    Label notice = robot.lookup("#notice").queryAs(Label.class);
    assertThat(FxWait.onFx(notice::getText))
        .startsWith("Kept unsaved in “Typed details”: ")
        .contains("25:99 tomorrow");
  }

  private static String saveStateNow(FxRobot robot) {
    return robot.lookup("#save-state").queryAs(Label.class).getText();
  }

  /** The talk id of the navigator's selected row, or -1 (on the FX thread). */
  private static long selectedInNavigator(FxRobot robot) {
    var item = WindowUnderTest.navigator(robot).getSelectionModel().getSelectedItem();
    return item != null && item.getValue() instanceof dev.talkbook.ui.navigator.NavNode.TalkNode t
        ? t.talk().id()
        : -1;
  }

  /** Selects {@code talk}'s row in the navigator, as a click on it does (on the FX thread). */
  private static void selectInNavigator(FxRobot robot, Talk talk) {
    var tree = WindowUnderTest.navigator(robot);
    for (int row = 0; row < tree.getExpandedItemCount(); row++) {
      if (tree.getTreeItem(row).getValue() instanceof dev.talkbook.ui.navigator.NavNode.TalkNode t
          && t.talk().id() == talk.id()) {
        tree.getSelectionModel().select(row);
        return;
      }
    }
    throw new AssertionError("no row for " + talk.details().title());
  }

  @Test
  void aTalkLeftWithAnEditedFieldDoesNotTakeTheNavigatorsSelectionOnceSaved(FxRobot robot)
      throws Exception {
    // Found by a tester: an edited Room, a click on another talk at once, then a click back
    // did nothing: the saved talk's row had taken the selection while the other talk showed.
    Talk first = ui.openNewTalk(robot, "First talk", "Notes\n");
    Talk second =
        ui.notebook
            .talks()
            .create(first.eventId(), Talk.Details.titled("Second talk"), "Other notes\n");
    ui.reloadTree(robot);
    robot.interact(() -> selectInNavigator(robot, first));
    ui.idle();
    robot.interact(
        () -> {
          field(robot, "room").setText("Hall B");
          selectInNavigator(robot, second);
        });
    FxWait.until("the room saved", () -> "Hall B".equals(stored(first).details().room()));
    FxWait.untilFx(
        "the second talk open", () -> ui.openTalk() != null && ui.openTalk().id() == second.id());
    ui.idle();
    assertThat(FxWait.onFx(() -> selectedInNavigator(robot)))
        .as("the row of the talk shown")
        .isEqualTo(second.id());
    // The window's title names the talk shown, not the one saved after it was left.
    assertThat(
            FxWait.onFx(
                () ->
                    ((javafx.stage.Stage) WindowUnderTest.navigator(robot).getScene().getWindow())
                        .getTitle()))
        .startsWith("Second talk — ");
    // And a click back on the first opens it.
    robot.interact(() -> selectInNavigator(robot, first));
    FxWait.untilFx(
        "the first talk open again",
        () -> ui.openTalk() != null && ui.openTalk().id() == first.id());
  }
}
