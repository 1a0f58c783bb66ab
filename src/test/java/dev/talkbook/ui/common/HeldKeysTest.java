package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.FxWait;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Keys held for what is not there yet: sent on release, and never held for good. */
@ExtendWith(ApplicationExtension.class)
class HeldKeysTest {
  private TextField field;
  private Scene scene;

  @Start
  void start(Stage stage) {
    field = new TextField();
    scene = new Scene(new VBox(field), 300, 100);
    stage.setScene(scene);
    stage.show();
    field.requestFocus();
  }

  @Test
  void keysHeldGoWhereTheKeyboardIsOnRelease(FxRobot robot) throws Exception {
    HeldKeys keys = FxWait.onFx(() -> HeldKeys.hold(scene));
    robot.write("abc");
    assertThat((String) FxWait.onFx(() -> field.getText())).isEmpty();
    robot.interact(keys::release);
    assertThat((String) FxWait.onFx(() -> field.getText())).isEqualTo("abc");
  }

  @Test
  void keysHeldForWhatNeverComesAreSentAfterTheBoundAndTheKeyboardWorksAgain(FxRobot robot)
      throws Exception {
    FxWait.onFx(() -> HeldKeys.hold(javafx.util.Duration.millis(300), scene));
    robot.write("ab");
    FxWait.untilFx("the held keys sent by themselves", () -> "ab".equals(field.getText()));
    robot.write("c");
    assertThat((String) FxWait.onFx(() -> field.getText())).isEqualTo("abc");
  }

  @Test
  void keysTypedForATalkSlowToOpenWaitPastTheBoundForItJournaledNotInTheTalkLeft(FxRobot robot)
      throws Exception {
    java.util.List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    HeldKeys keys =
        FxWait.onFx(
            () -> {
              HeldKeys k = HeldKeys.hold(javafx.util.Duration.millis(300), scene);
              k.typedFor(
                  new HeldKeys.Ahead() {
                    @Override
                    public void typed(String text) {
                      told.add("typed " + text);
                    }

                    @Override
                    public void gone() {
                      told.add("gone");
                    }
                  });
              return k;
            });
    robot.write("ab");
    FxWait.untilFx("the keyboard back after the bound", () -> !keys.holding());
    // The keyboard works again in the window (the talk being left) ...
    robot.write("c");
    assertThat((String) FxWait.onFx(() -> field.getText())).isEqualTo("c");
    // ... while the keys typed for the talk opening stay journaled for it.
    assertThat(told).containsExactly("typed a", "typed ab");

    // The talk opens (its notes have the keyboard): the keys go there, then their journal.
    TextField notes = new TextField();
    robot.interact(
        () -> {
          ((VBox) scene.getRoot()).getChildren().add(notes);
          notes.requestFocus();
        });
    robot.interact(keys::release);
    assertThat((String) FxWait.onFx(() -> notes.getText())).isEqualTo("ab");
    assertThat((String) FxWait.onFx(() -> field.getText())).isEqualTo("c");
    assertThat(told).containsExactly("typed a", "typed ab", "gone");
  }

  /**
   * Keys dropped (the talk they were typed for could not be opened) tell their text to {@link
   * HeldKeys.Ahead#dropped}, to be kept; keys that typed nothing are only gone.
   */
  @Test
  void keysDroppedTellTheTextTheyTypedToBeKept(FxRobot robot) throws Exception {
    java.util.List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    HeldKeys.Ahead ahead =
        new HeldKeys.Ahead() {
          @Override
          public void typed(String text) {}

          @Override
          public void gone() {
            told.add("gone");
          }

          @Override
          public void dropped(String text) {
            told.add("dropped " + text);
          }
        };
    HeldKeys keys =
        FxWait.onFx(
            () -> {
              HeldKeys k = HeldKeys.hold(scene);
              k.typedFor(ahead);
              return k;
            });
    robot.write("ab");
    robot.interact(keys::drop);
    assertThat(told).containsExactly("dropped ab");
    assertThat((String) FxWait.onFx(() -> field.getText())).isEmpty();

    HeldKeys none =
        FxWait.onFx(
            () -> {
              HeldKeys k = HeldKeys.hold(scene);
              k.typedFor(ahead);
              return k;
            });
    robot.interact(none::drop);
    assertThat(told).containsExactly("dropped ab", "gone");
  }
}
