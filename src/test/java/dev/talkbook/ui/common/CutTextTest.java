package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A label and a field of a fixed width: cut or whole as their text changes, the whole as tip. */
@ExtendWith(ApplicationExtension.class)
class CutTextTest {
  private static final String LONG =
      "Kept unsaved in the talk just left: the Video link is not a web address yet";

  private Label label;
  private CutText labelCut;
  private TextField field;
  private TextField other;
  private StackPane marked;

  @Start
  void start(Stage stage) {
    label = new Label("Saved");
    label.setMinWidth(0);
    label.setPrefWidth(160);
    label.setMaxWidth(160);
    labelCut = CutText.of(label);
    field = new TextField();
    field.setPrefWidth(160);
    field.setMaxWidth(160);
    marked = CutText.marked(field);
    marked.setMaxWidth(160);
    other = new TextField();
    VBox box = new VBox(8, new HBox(label), marked, other);
    Scene scene = new Scene(box, 900, 200);
    new Theme(false).apply(scene);
    stage.setScene(scene);
    stage.show();
    other.requestFocus(); // the field without the keyboard, as in the details pane
  }

  private <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get();
  }

  private void set(FxRobot robot, Runnable change) {
    robot.interact(change);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void aLabelsCutTextIsItsTooltipOneTipKeptAndNoneWhenWhole(FxRobot robot) throws Exception {
    assertThat(onFx(() -> labelCut.isCut())).isFalse();
    assertThat(onFx(label::getTooltip)).isNull();

    set(robot, () -> label.setText(LONG));
    assertThat(onFx(() -> labelCut.isCut())).isTrue();
    Tooltip tip = onFx(label::getTooltip);
    assertThat(tip.getText()).isEqualTo(LONG);

    // Another cut text: the same tooltip says it.
    set(robot, () -> label.setText(LONG + ", and more"));
    assertThat(onFx(label::getTooltip)).isSameAs(tip);
    assertThat(onFx(() -> label.getTooltip().getText())).isEqualTo(LONG + ", and more");

    // Whole again, as the text shortens or the label widens: no tooltip.
    set(robot, () -> label.setText("Saved"));
    assertThat(onFx(() -> labelCut.isCut())).isFalse();
    assertThat(onFx(label::getTooltip)).isNull();
    set(robot, () -> label.setText(LONG));
    assertThat(onFx(() -> labelCut.isCut())).isTrue();
    set(
        robot,
        () -> {
          label.setPrefWidth(800);
          label.setMaxWidth(800);
        });
    assertThat(onFx(() -> labelCut.isCut())).isFalse();
    assertThat(onFx(label::getTooltip)).isNull();
  }

  @Test
  void aCutFieldShowsItsMarkUntilItHasTheKeyboard(FxRobot robot) throws Exception {
    Node mark = onFx(() -> marked.lookup("." + CutText.MARK_CLASS));
    assertThat(onFx(mark::isVisible)).isFalse();

    set(robot, () -> field.setText(LONG));
    assertThat(onFx(mark::isVisible)).as("the mark").isTrue();
    assertThat(onFx(() -> field.getTooltip().getText())).isEqualTo(LONG);

    set(robot, field::requestFocus);
    assertThat(onFx(mark::isVisible)).as("the mark while typing").isFalse();
    assertThat(onFx(() -> field.getTooltip().getText())).isEqualTo(LONG);

    set(robot, other::requestFocus);
    assertThat(onFx(mark::isVisible)).as("the mark once left").isTrue();
    assertThat(onFx(field::getCaretPosition)).as("its start shown").isZero();

    set(robot, () -> field.setText("Ada"));
    assertThat(onFx(mark::isVisible)).isFalse();
    assertThat(onFx(field::getTooltip)).isNull();
  }
}
