package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A label beside a button in a row: the longest of its forms that fits, the whole in its tip. */
class FittedLabelTest extends NarrowedRowTest {
  private static final String WHOLE = "Next: snippet 3 of 11 (Page Down)";
  private HBox row;
  private FittedLabel label;
  private Button button;

  @Override
  Region makeRow() {
    label = new FittedLabel();
    label.show(WHOLE, "Next: snippet 3 of 11", "Next: 3 of 11", "Next 3/11");
    button = new Button("Restart");
    button.setMinWidth(Region.USE_PREF_SIZE);
    row = new HBox(6, label, button);
    return row;
  }

  @Test
  void theLongestFormThatFitsShowsWholeAndTheTipSaysItAll(FxRobot robot) throws Exception {
    width(robot, 600);
    assertThat(onFx(label::getText)).isEqualTo(WHOLE);
    assertThat(onFx(label::getTooltip)).isNull();

    width(robot, 260);
    String shown = onFx(label::getText);
    assertThat(shown).isIn("Next: snippet 3 of 11", "Next: 3 of 11");
    assertThat(onFx(() -> label.getTooltip().getText())).isEqualTo(WHOLE);
    assertThat(
            onFx(
                () -> label.lookup(".text") instanceof javafx.scene.text.Text t ? t.getText() : ""))
        .as("drawn whole, not cut")
        .isEqualTo(shown);

    // Narrower than its shortest form allows: the label keeps that form, the button its words.
    width(robot, 120);
    assertThat(onFx(label::getText)).isEqualTo("Next 3/11");
    assertThat(onFx(() -> button.getWidth() >= button.prefWidth(-1) - 0.5)).isTrue();

    width(robot, 600);
    assertThat(onFx(label::getText)).isEqualTo(WHOLE);
    assertThat(onFx(label::getTooltip)).isNull();
  }

  @Test
  void aLongMessageEndsInAnEllipsisAndNeverPushesTheButtonOut(FxRobot robot) throws Exception {
    String whole =
        "The JVM running your code ended with exit code 0 (System.exit or Runtime.halt); a new"
            + " one was started.…";
    robot.interact(() -> label.show(whole));
    width(robot, 320);
    assertThat(onFx(() -> button.getBoundsInParent().getMaxX()))
        .as("the button inside the row")
        .isLessThanOrEqualTo(320.5);
    assertThat(onFx(() -> button.getWidth() >= button.prefWidth(-1) - 0.5)).isTrue();
    assertThat(onFx(() -> row.minWidth(-1))).isLessThanOrEqualTo(320);
    assertThat(
            onFx(
                () -> label.lookup(".text") instanceof javafx.scene.text.Text t ? t.getText() : ""))
        .as("cut with an ellipsis")
        .endsWith("…")
        .isNotEqualTo(whole);
    assertThat(onFx(() -> label.getTooltip().getText())).isEqualTo(whole);

    width(robot, 600);
    robot.interact(() -> label.show("Ready"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(onFx(label::getTooltip)).isNull();
  }
}
