package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * How the preview's page draws the notes: task boxes stand out from the page in both themes (WCAG's
 * contrast ratio of what the page draws, at least 3:1 for a control's outline); a table wider than
 * the preview scrolls on its own, as on the exported site, so the page does not scroll sideways,
 * the table's last column is not drawn under the page's scroll bar, and the table's own scroll bar
 * does not cover its last row.
 */
class PreviewPageTest extends RealWindowTest {

  /** Waits for {@code condition} (an exception from it means "not yet"), then for the FX events. */
  private static void waitUntil(Callable<Boolean> condition) {
    FxWait.until(condition);
  }

  private Object script(FxRobot robot, String js) {
    Object[] out = new Object[1];
    robot.interact(() -> out[0] = WindowUnderTest.preview(robot).getEngine().executeScript(js));
    return out[0];
  }

  private String style(FxRobot robot, String selector, String property) {
    return String.valueOf(
        script(
            robot,
            "getComputedStyle(document.querySelector(\""
                + selector
                + "\")).getPropertyValue('"
                + property
                + "')"));
  }

  private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)");

  private static double luminance(String css) {
    Matcher m = RGB.matcher(css);
    assertThat(m.find()).as("a colour: " + css).isTrue();
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(m.group(i + 1)) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  private static double contrast(String a, String b) {
    double x = luminance(a);
    double y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }

  private void checkBoxesStandOut(FxRobot robot) {
    String page = style(robot, "body", "background-color");
    String open = "li input:not(:checked)";
    String done = "li input:checked";
    assertThat(style(robot, open, "-webkit-appearance")).isEqualTo("none");
    assertThat(contrast(style(robot, open, "border-top-color"), page)).isGreaterThanOrEqualTo(3);
    assertThat(contrast(style(robot, done, "background-color"), page)).isGreaterThanOrEqualTo(3);
    assertThat(style(robot, done, "background-image")).contains("data:image/svg+xml");
    assertThat(style(robot, open, "opacity")).isEqualTo("1");
    // Sized like the text, not a speck.
    Object width = script(robot, "document.querySelector(\"" + open + "\").offsetWidth");
    assertThat(((Number) width).intValue()).isGreaterThanOrEqualTo(12);
  }

  @Test
  void openAndDoneTaskBoxesAreClearlyVisibleInBothThemes(FxRobot robot) throws Exception {
    Event event = ui.notebook.events().create(Event.Details.titled("Meetup"));
    Talk talk =
        ui.notebook
            .talks()
            .create(event.id(), Talk.Details.titled("Tasks"), "- [ ] open task\n- [x] done task\n");
    robot.interact(() -> ui.window.open(talk.id(), null));
    waitUntil(() -> WindowUnderTest.previewShows(robot));
    waitUntil(
        () -> Boolean.TRUE.equals(script(robot, "document.querySelector('li input') != null")));

    checkBoxesStandOut(robot);
    robot.interact(() -> ui.theme.choiceProperty().set(dev.talkbook.ui.common.Theme.Choice.DARK));
    assertThat(style(robot, "body", "background-color")).isEqualTo("rgb(13, 17, 23)");
    checkBoxesStandOut(robot);
  }

  private int number(FxRobot robot, String js) {
    return ((Number) script(robot, js)).intValue();
  }

  @Test
  void aWideTableScrollsOnItsOwnAndThePageDoesNot(FxRobot robot) {
    String wide = "Unbreakable" + "x".repeat(300);
    String notes =
        "# Modes\n\nBefore the table.\n\n| mode | what it keeps |\n|---|---|\n| WAL | "
            + wide
            + " |\n| DELETE | a journal |\n\nAfter the table.\n";
    Event event = ui.notebook.events().create(Event.Details.titled("Meetup"));
    Talk talk = ui.notebook.talks().create(event.id(), Talk.Details.titled("Tables"), notes);
    robot.interact(() -> ui.window.open(talk.id(), null));
    FxWait.until(() -> WindowUnderTest.previewShows(robot));
    FxWait.until(
        () -> Boolean.TRUE.equals(script(robot, "document.querySelector('table td') != null")));

    String page = "document.documentElement";
    String table = "document.querySelector('table')";
    assertThat(number(robot, page + ".scrollWidth"))
        .as("the page's width with the table in it")
        .isLessThanOrEqualTo(number(robot, page + ".clientWidth"));
    assertThat(number(robot, table + ".scrollWidth"))
        .as("the table's content is wider than its box, which scrolls")
        .isGreaterThan(number(robot, table + ".clientWidth"));
    assertThat(script(robot, "getComputedStyle(" + table + ").overflowX")).isEqualTo("auto");
    // Its scroll bar has room of its own below the rows (WebView's own bar was drawn over them).
    assertThat(number(robot, table + ".offsetHeight") - number(robot, table + ".clientHeight"))
        .isGreaterThanOrEqualTo(8);
    // The rest of the notes stays in the page's width.
    assertThat(number(robot, "document.querySelector('table + p').getBoundingClientRect().right"))
        .isLessThanOrEqualTo(number(robot, page + ".clientWidth"));
  }

  @Test
  void aLongLinkOrWordWrapsInsteadOfWideningThePage(FxRobot robot) {
    String url = "https://slides.example.com/" + "a".repeat(40) + "/" + "b".repeat(200);
    String notes = "# Links\n\nSlides: " + url + "\n\n- " + "Word".repeat(80) + "\n";
    Event event = ui.notebook.events().create(Event.Details.titled("Meetup"));
    Talk talk = ui.notebook.talks().create(event.id(), Talk.Details.titled("Links"), notes);
    robot.interact(() -> ui.window.open(talk.id(), null));
    FxWait.until(() -> WindowUnderTest.previewShows(robot));
    FxWait.until(() -> Boolean.TRUE.equals(script(robot, "document.querySelector('li') != null")));

    String page = "document.documentElement";
    assertThat(number(robot, page + ".scrollWidth"))
        .as("the page's width with the long link and word in it")
        .isLessThanOrEqualTo(number(robot, page + ".clientWidth"));
    // Still one link, whole.
    assertThat(script(robot, "document.querySelector('p a').getAttribute('href')")).isEqualTo(url);
  }

  @Test
  void inlineCodeKeepsAnIdentifierWholeAndBreaksOnlyWhatIsLongerThanTheLine(FxRobot robot) {
    String identifier = "ScheduleFetcher.fetchWithProgress";
    String prose = "words that fill the line ".repeat(40);
    String tooLong = "x".repeat(400);
    String notes =
        "# Code\n\n| call | what it does |\n|---|---|\n| `"
            + identifier
            + "` | "
            + prose
            + " |\n\nLonger than a line: `"
            + tooLong
            + "`\n";
    Event event = ui.notebook.events().create(Event.Details.titled("Meetup"));
    Talk talk = ui.notebook.talks().create(event.id(), Talk.Details.titled("Code"), notes);
    robot.interact(() -> ui.window.open(talk.id(), null));
    FxWait.until(() -> WindowUnderTest.previewShows(robot));
    FxWait.until(
        () -> Boolean.TRUE.equals(script(robot, "document.querySelector('p code') != null")));

    // the identifier in a table's narrow column stays on one line (its column is as wide as it)
    assertThat(number(robot, "document.querySelector('td code').getClientRects().length"))
        .as("lines the identifier is drawn on")
        .isEqualTo(1);
    // code longer than the line still wraps instead of widening the page
    String page = "document.documentElement";
    assertThat(number(robot, "document.querySelector('p code').getClientRects().length"))
        .isGreaterThan(1);
    assertThat(number(robot, page + ".scrollWidth"))
        .isLessThanOrEqualTo(number(robot, page + ".clientWidth"));
    // it wraps only as a last resort, never at any character
    assertThat(style(robot, "td code", "overflow-wrap")).isEqualTo("break-word");
    assertThat(style(robot, "td code", "word-break")).isEqualTo("normal");
  }
}
