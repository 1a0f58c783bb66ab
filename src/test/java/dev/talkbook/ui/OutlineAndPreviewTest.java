package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.Outline;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.sample.SampleMeetup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The outline panel and the preview in the real window, headless. */
class OutlineAndPreviewTest extends RealWindowTest {

  /** For helpers that look into the window. */
  private final FxRobot robot = new FxRobot();

  /** Waits for {@code condition} (an exception from it means "not yet"), then for the FX events. */
  private static void waitUntil(Callable<Boolean> condition) {
    FxWait.until(condition);
  }

  private static String longNote() {
    StringBuilder note = new StringBuilder("# Long talk\n\n");
    for (int section = 1; section <= 8; section++) {
      note.append("## Section ").append(section).append("\n\n");
      for (int i = 0; i < 30; i++) {
        note.append("- point ").append(section).append('.').append(i).append('\n');
      }
      note.append('\n');
    }
    return note.toString();
  }

  @Test
  void thePreviewStartsOnlyOnceWhatItWaitsForIsDone(FxRobot robot) throws Exception {
    // The app makes the preview wait for the REPL's start (App: both at once shared two cores).
    java.util.concurrent.CompletableFuture<Void> replStarted =
        new java.util.concurrent.CompletableFuture<>();
    robot.interact(
        () -> ui.window.startPreviewAfter(replStarted, java.time.Duration.ofMinutes(10)));
    Event event = SampleMeetup.addTo(ui.notebook);
    long id = ui.notebook.talks().list(event.id()).get(0).id();
    robot.interact(() -> ui.window.open(id, java.util.List.of()));
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().id() == id);
    // The outline, built with the preview before, is there: the notes were shown and laid out.
    waitUntil(() -> WindowUnderTest.outline(robot) != null);
    ui.idle();
    assertThat(WindowUnderTest.preview(robot)).isNull();
    // The end of the start, on which the app gives the native heap back (HeapReturn): not yet.
    assertThat(ui.window.previewLoaded().toCompletableFuture()).isNotDone();

    replStarted.complete(null);
    waitUntil(() -> WindowUnderTest.previewShows(robot));
    waitUntil(() -> ui.window.previewLoaded().toCompletableFuture().isDone());
  }

  /** Opens a new talk with these notes and waits until the preview shows them. */
  private void openNote(FxRobot robot, String body) throws Exception {
    Event event = SampleMeetup.addTo(ui.notebook);
    long id =
        ui.notebook
            .talks()
            .create(
                event.id(),
                ui.notebook.talks().list(event.id()).get(0).details().withTitle("Outline test"),
                body)
            .id();
    robot.interact(() -> ui.window.open(id, java.util.List.of()));
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().id() == id);
    waitUntil(() -> WindowUnderTest.previewShows(robot));
    waitUntil(() -> script(robot, "document.getElementById('content').children.length") > 0);
    waitUntil(() -> !WindowUnderTest.outline(robot).getRoot().getChildren().isEmpty());
  }

  private int script(FxRobot robot, String js) throws Exception {
    Object[] out = new Object[1];
    robot.interact(() -> out[0] = WindowUnderTest.preview(robot).getEngine().executeScript(js));
    return out[0] instanceof Number n ? n.intValue() : -1;
  }

  private TreeItem<Outline.Entry> heading(String text) {
    List<TreeItem<Outline.Entry>> stack =
        new ArrayList<>(WindowUnderTest.outline(robot).getRoot().getChildren());
    while (!stack.isEmpty()) {
      TreeItem<Outline.Entry> item = stack.remove(0);
      if (item.getValue().text().equals(text)) {
        return item;
      }
      stack.addAll(item.getChildren());
    }
    throw new AssertionError("no outline entry " + text);
  }

  @Test
  void theOutlineShowsTheHeadingsAndAClickJumpsEditorAndPreview(FxRobot robot) throws Exception {
    openNote(robot, longNote());
    TreeItem<Outline.Entry> top = WindowUnderTest.outline(robot).getRoot().getChildren().get(0);
    assertThat(top.getValue().text()).isEqualTo("Long talk");
    assertThat(top.getChildren()).hasSize(8);

    int target = heading("Section 6").getValue().firstLine();
    robot.interact(
        () ->
            WindowUnderTest.outline(robot)
                .scrollTo(WindowUnderTest.outline(robot).getRow(heading("Section 6"))));
    // The row scrolled to is drawn in the next layout pass: clicked once it has been.
    FxWait.clickOn(robot, "#outline .tree-cell", "Section 6");
    // The caret moves at once; the editor scrolls in its next layout.
    FxWait.untilFx(
        "the editor to show the section at its top",
        () ->
            WindowUnderTest.editor(robot).getCurrentParagraph() == target
                && WindowUnderTest.editor(robot).firstVisibleParToAllParIndex() == target);
    // The preview scrolled so that the heading of that line is at its top.
    waitUntil(
        () ->
            Math.abs(
                    script(
                        robot,
                        "document.querySelector('[data-line=\""
                            + target
                            + "\"]')"
                            + ".getBoundingClientRect().top | 0"))
                < 30);
    assertThat(script(robot, "window.pageYOffset | 0")).isGreaterThan(100);
  }

  @Test
  void theCaretsSectionIsSelectedInTheOutline(FxRobot robot) throws Exception {
    openNote(robot, longNote());
    int line = heading("Section 3").getValue().firstLine() + 5;
    robot.interact(() -> WindowUnderTest.editor(robot).moveTo(line, 0));
    waitUntil(
        () ->
            WindowUnderTest.outline(robot).getSelectionModel().getSelectedItem() != null
                && WindowUnderTest.outline(robot)
                    .getSelectionModel()
                    .getSelectedItem()
                    .getValue()
                    .text()
                    .equals("Section 3"));
  }

  @Test
  void scrollingThePreviewScrollsTheEditorAndBack(FxRobot robot) throws Exception {
    openNote(robot, longNote());
    int section5 = heading("Section 5").getValue().firstLine();
    // The user scrolls the page (the scroll event reaches Java through the bridge).
    robot.interact(
        () ->
            WindowUnderTest.preview(robot)
                .getEngine()
                .executeScript(
                    "window.scrollTo(0, document.querySelector('[data-line=\""
                        + section5
                        + "\"]').getBoundingClientRect().top + window.pageYOffset)"));
    waitUntil(
        () ->
            Math.abs(WindowUnderTest.editor(robot).firstVisibleParToAllParIndex() - section5) <= 1);

    // And scrolling the editor moves the page.
    int section2 = heading("Section 2").getValue().firstLine();
    Thread.sleep(300); // past the echo guard
    robot.interact(() -> WindowUnderTest.editor(robot).showParagraphAtTop(section2));
    waitUntil(
        () ->
            Math.abs(
                    script(
                        robot,
                        "document.querySelector('[data-line=\""
                            + section2
                            + "\"]')"
                            + ".getBoundingClientRect().top | 0"))
                < 30);
  }

  @Test
  void typingPatchesOnlyTheChangedBlockAndKeepsTheScroll(FxRobot robot) throws Exception {
    openNote(robot, longNote());
    robot.interact(
        () ->
            WindowUnderTest.preview(robot)
                .getEngine()
                .executeScript(
                    "window.scrollTo(0, 600); document.querySelector('h1').setAttribute('data-mark', 'kept')"));
    int y = script(robot, "window.pageYOffset | 0");
    int last = WindowUnderTest.editor(robot).getLength();
    robot.interact(
        () -> WindowUnderTest.editor(robot).insertText(last, "\nA new paragraph at the end.\n"));
    waitUntil(
        () ->
            script(robot, "document.body.textContent.indexOf('A new paragraph') >= 0 ? 1 : 0")
                == 1);
    // The first heading's element is the same node (not re-created), and the page did not jump.
    assertThat(
            script(
                robot, "document.querySelector('h1').getAttribute('data-mark') === 'kept' ? 1 : 0"))
        .isEqualTo(1);
    assertThat(script(robot, "window.pageYOffset | 0")).isEqualTo(y);
  }

  @Test
  void noScriptFromANoteRunsAndCodeIsHighlighted(FxRobot robot) throws Exception {
    openNote(
        robot,
        "# Hostile\n\n<script>window.ran = 1</script>\n\n<img src=x onerror=\"window.ran = 2\">\n\n"
            + "[x](javascript:window.ran=3)\n\n```java\nint x = 42;\n```\n");
    assertThat(script(robot, "document.querySelectorAll('#content script').length")).isZero();
    assertThat(
            script(
                robot, "document.querySelectorAll('pre code.hljs span[class^=\"hljs-\"]').length"))
        .isGreaterThan(0);
    // Even HTML that did not come through the sanitizer cannot run script: the page's
    // Content-Security-Policy allows only its own scripts.
    robot.interact(
        () ->
            WindowUnderTest.preview(robot)
                .getEngine()
                .executeScript(
                    "document.getElementById('content').innerHTML ="
                        + " '<p><img src=\"data:image/png;base64,x\" onerror=\"window.ran = 4\"></p>';"
                        // Listened to in the same task, so before the image can fail: this
                        // listener runs after the inline handler would have, had it been allowed.
                        + " document.querySelector('#content img').addEventListener('error',"
                        + " function () { window.failed = 1; });"));
    waitUntil(() -> script(robot, "window.failed === 1 ? 1 : 0") == 1);
    assertThat(script(robot, "typeof window.ran === 'undefined' ? 0 : window.ran")).isZero();
  }

  @Test
  void anSvgHoldingScriptsIsALinkAsOnTheSiteAndAnInertOneAPicture(FxRobot robot) throws Exception {
    Event event = SampleMeetup.addTo(ui.notebook);
    long talk = ui.notebook.talks().list(event.id()).get(0).id();
    dev.talkbook.core.notebook.AttachmentRef hostile =
        ui.notebook
            .attachments()
            .add(
                talk,
                "hostile.svg",
                "image/svg+xml",
                ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"window.ran = 1\">"
                        + "<script>window.ran = 2</script><rect width=\"9\" height=\"9\"/></svg>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    dev.talkbook.core.notebook.AttachmentRef inert =
        ui.notebook
            .attachments()
            .add(
                talk,
                "inert.svg",
                "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"9\" height=\"9\"/></svg>"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    openNote(
        robot,
        "# Pictures\n\n"
            + hostile.markdown("image/svg+xml")
            + "\n\n"
            + inert.markdown("image/svg+xml")
            + "\n\n<img src=\""
            + hostile.url()
            + "\" alt=\"raw\">\n");

    // the site publishes the hostile one as a download, a link on the page: so does the preview
    waitUntil(() -> script(robot, "document.querySelectorAll('#content a').length") == 2);
    assertThat(script(robot, "document.querySelectorAll('#content img').length")).isEqualTo(1);
    assertThat(
            script(
                robot,
                "document.querySelector('#content img').getAttribute('src')"
                    + ".indexOf('data:image/svg+xml;base64,') === 0 ? 1 : 0"))
        .isEqualTo(1);
    assertThat(
            script(
                robot,
                "Array.prototype.every.call(document.querySelectorAll('#content a'),"
                    + " function (a) { return a.getAttribute('href').indexOf('attachment:') === 0; })"
                    + " ? 1 : 0"))
        .isEqualTo(1);
    assertThat(script(robot, "typeof window.ran === 'undefined' ? 0 : window.ran")).isZero();
  }

  @Test
  void aLinkOpensInTheSystemBrowserAndThePreviewStays(FxRobot robot) throws Exception {
    openNote(robot, "# Links\n\n[JEP 444](https://openjdk.org/jeps/444)\n");
    robot.interact(
        () ->
            WindowUnderTest.preview(robot)
                .getEngine()
                .executeScript("document.querySelector('a').click()"));
    waitUntil(() -> ui.openedLinks.contains("https://openjdk.org/jeps/444"));
    assertThat(script(robot, "document.getElementById('content') ? 1 : 0")).isEqualTo(1);
  }
}
