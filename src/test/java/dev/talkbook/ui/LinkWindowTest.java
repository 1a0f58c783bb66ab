package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.common.DesktopOpener;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A web address the desktop could not open (no browser registered: JavaFX's own way said nothing
 * and nothing happened) is said in the status bar, and put on the clipboard to paste elsewhere.
 */
class LinkWindowTest extends RealWindowTest {

  @Test
  void aLinkTheDesktopCannotOpenIsSaidAndCopied(FxRobot robot) throws Exception {
    String url = "https://example.org/slides?talk=42";
    robot.interact(
        () ->
            ui.window.linkNotOpened(
                url,
                new DesktopOpener.Failed(
                    "the desktop has no application to open web pages with (xdg-open answered"
                        + " “no method available”).")));
    Label notice = robot.lookup("#notice").queryAs(Label.class);
    assertThat(FxWait.onFx(notice::isVisible)).isTrue();
    assertThat(FxWait.onFx(notice::getText))
        .isEqualTo(
            "No browser opened " + url + ". The address is copied: paste it into a browser.");
    assertThat(FxWait.onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(url);
  }

  @Test
  void aLongNoticeGivesWayBeforeTheSaveStateAndTheWordCount(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Counted", "one two three\n");
    String url = "https://example.org/" + "a-very-long-path/".repeat(20);
    robot.interact(() -> ui.window.linkNotOpened(url, new DesktopOpener.Failed("none.")));
    FxWait.untilFx(
        "the notice laid out", () -> robot.lookup("#notice").queryAs(Label.class).getWidth() > 0);
    for (String id : new String[] {"save-state", "word-count"}) {
      Label label = robot.lookup("#" + id).queryAs(Label.class);
      assertThat(FxWait.onFx(() -> label.getWidth() >= label.prefWidth(-1) - 0.5))
          .as("%s whole: %s", id, FxWait.onFx(label::getText))
          .isTrue();
    }
  }
}
