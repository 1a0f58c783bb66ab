package dev.talkbook.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.repl.ReplDock;
import dev.talkbook.ui.repl.ReplPane;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presenter mode steps through the talk's Java blocks with Page Down / Page Up. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PresenterModeTest {

  private static final String NOTES =
      "# Talk\n\n```java\nint answer = 6 * 7;\n```\n\nThen:\n\n```java\nanswer + 1\n```\n";

  private ReplSession session;
  private ReplPane pane;
  private PresenterMode presenter;
  private Label navigator;
  private SplitPane split;
  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

  @Start
  void start(Stage stage) throws Exception {
    session = ReplSession.start(ReplOptions.defaults());
    session.ready().get(60, TimeUnit.SECONDS);
    pane = new ReplPane(session);
    navigator = new Label("navigator");
    split = new SplitPane(navigator, new Label("notes"));
    ReplDock dock = new ReplDock(pane, split, stage, scene -> {});
    presenter =
        new PresenterMode(
            stage,
            split,
            navigator,
            new PresenterMode.Repl() {
              @Override
              public void show() {
                dock.show();
              }

              @Override
              public void load(String code) {
                pane.input().replaceText(code);
                pane.input().moveTo(pane.input().getLength());
              }

              @Override
              public void run() {
                pane.runInput();
              }

              @Override
              public void setCodeFontSize(double px) {
                pane.setCodeFontSize(px);
              }

              @Override
              public void showStatus(String status) {
                pane.showStatus(status);
              }
            },
            () -> NOTES,
            Settings.load(dir.resolve("settings.properties")));
    Scene scene = new Scene(new javafx.scene.layout.StackPane(dock.root()), 900, 600);
    new dev.talkbook.ui.common.Theme(false).apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  @Test
  void pageDownLoadsAndRunsEachSnippetAndPageUpGoesBack(FxRobot robot) throws Exception {
    robot.interact(presenter::enter);
    assertThat(split.getItems()).doesNotContain(navigator);
    assertThat(robot.lookup(".tb-presenter").tryQuery()).isPresent();
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(pane.input().getText()).isEqualTo("int answer = 6 * 7;");
    robot.type(KeyCode.PAGE_DOWN);
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> pane.transcriptText().contains("answer ⇒ 42"));
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(pane.input().getText()).isEqualTo("answer + 1");
    robot.type(KeyCode.PAGE_DOWN);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pane.transcriptText().contains("⇒ 43"));
    robot.type(KeyCode.PAGE_UP);
    assertThat(pane.input().getText()).isEqualTo("answer + 1");
    robot.type(KeyCode.PAGE_UP);
    assertThat(pane.input().getText()).isEqualTo("int answer = 6 * 7;");
    double before = presenter.fontSize();
    robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    assertThat(presenter.fontSize()).isEqualTo(before + 2);
    robot.interact(presenter::exit);
    assertThat(split.getItems().get(0)).isSameAs(navigator);
    assertThat(robot.lookup(".tb-presenter").tryQuery()).isEmpty();
  }
}
