package dev.talkbook.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.RenderedNote;
import dev.talkbook.ui.FxWait;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A long note's page holds the part of it around the line shown, and moves it as the editor or the
 * page scrolls (WebKit lays out the whole page on the FX thread: a 1.6 MB note held the window for
 * seconds); a note of ordinary length is in the page whole.
 */
@ExtendWith(ApplicationExtension.class)
class PreviewViewTest {
  private PreviewView preview;
  private final List<Integer> scrolled = new CopyOnWriteArrayList<>();

  @Start
  void start(Stage stage) {
    preview = new PreviewView(link -> {});
    preview.onScrolled(scrolled::add);
    stage.setScene(new Scene(preview.root(), 600, 400));
    stage.show();
    preview.create();
  }

  /** A note of {@code sections} blocks (a heading and a list each), 13 source lines a section. */
  private static List<RenderedNote.Block> note(int sections) {
    List<RenderedNote.Block> blocks = new ArrayList<>();
    int line = 0;
    for (int s = 0; s < sections; s++) {
      StringBuilder list = new StringBuilder("<ul>");
      for (int i = 0; i < 10; i++) {
        list.append("<li data-rel=\"")
            .append(i)
            .append("\">point ")
            .append(s)
            .append('.')
            .append(i)
            .append(" the speaker said something about virtual threads</li>");
      }
      list.append("</ul>");
      blocks.add(new RenderedNote.Block(line, line, "<h2>Section " + s + "</h2>"));
      blocks.add(new RenderedNote.Block(line + 2, line + 11, list.toString()));
      line += 13;
    }
    return blocks;
  }

  private static int htmlLength(List<RenderedNote.Block> blocks) {
    return blocks.stream().mapToInt(b -> b.html().length()).sum();
  }

  private Object script(String js) throws Exception {
    return FxWait.onFx(() -> preview.webView().getEngine().executeScript(js));
  }

  private String pageText() throws Exception {
    return String.valueOf(script("document.getElementById('content').textContent"));
  }

  private int pageChars() throws Exception {
    return ((Number) script("document.getElementById('content').innerHTML.length")).intValue();
  }

  private int topOfLine(int line) throws Exception {
    return ((Number)
            script(
                "document.querySelector('[data-line=\""
                    + line
                    + "\"]').getBoundingClientRect().top"
                    + " | 0"))
        .intValue();
  }

  private void show(List<RenderedNote.Block> blocks) throws Exception {
    FxWait.until(() -> FxWait.onFx(preview::isReady));
    FxWait.onFx(
        () -> {
          preview.show(new RenderedNote(blocks, null, Map.of()));
          return null;
        });
  }

  @Test
  void aBlockTooLongToPreviewLiveIsToldInItsPlace() throws Exception {
    String cell = "<tr><td>carrier pinning</td></tr>\n";
    String table =
        "<table data-line=\"2\">" + cell.repeat(PreviewView.TABLE_CHARS / 30) + "</table>";
    String code =
        "<pre data-line=\"9\"><code>" + "x".repeat(PreviewView.BLOCK_CHARS) + "</code></pre>";
    String list =
        "<ul data-line=\"20\"><li>" + "y".repeat(PreviewView.BLOCK_CHARS / 2) + "</li></ul>";
    List<RenderedNote.Block> blocks =
        List.of(
            new RenderedNote.Block(0, 0, "<h1 data-line=\"0\">Notes</h1>"),
            new RenderedNote.Block(2, 7, table),
            new RenderedNote.Block(9, 18, code),
            new RenderedNote.Block(20, 20, list));
    assertThat(table.length()).isGreaterThan(PreviewView.TABLE_CHARS);

    List<RenderedNote.Block> fitted = PreviewView.fitted(blocks);
    assertThat(fitted.get(0)).isEqualTo(blocks.get(0));
    assertThat(fitted.get(1).html())
        .startsWith("<p class=\"partial too-long\">This table (lines 3–8, ")
        .contains("is too long to preview live: the preview shows tables of up to 32 KB.");
    assertThat(fitted.get(2).html())
        .startsWith("<p class=\"partial too-long\">This code block (lines 10–19, ")
        .contains("the preview shows blocks of up to 128 KB.");
    assertThat(fitted.get(3)).isEqualTo(blocks.get(3)); // a list of 64 KB is shown
    assertThat(fitted).extracting(RenderedNote.Block::firstLine).containsExactly(0, 2, 9, 20);
    assertThat(PreviewView.fitted(List.of(blocks.get(0), blocks.get(3))))
        .isEqualTo(List.of(blocks.get(0), blocks.get(3)));
  }

  @Test
  void aLongNotesPageHoldsThePartAroundTheLineShown() throws Exception {
    List<RenderedNote.Block> blocks = note(2000);
    assertThat(htmlLength(blocks)).isGreaterThan(3 * PreviewView.WHOLE_CHARS);
    show(blocks);

    assertThat(FxWait.onFx(preview::partial)).isTrue();
    assertThat(pageChars()).isLessThan(PreviewView.WHOLE_CHARS);
    assertThat(pageText())
        .contains("point 0.0 ")
        .contains("of this long note are below: scroll down to see them.")
        .doesNotContain("are above")
        .doesNotContain("point 1999.9 ");

    // The editor scrolls far down: the page holds that part, the line at its top.
    int far = blocks.get(3000).firstLine(); // section 1500
    FxWait.onFx(
        () -> {
          preview.scrollToLine(far);
          return null;
        });
    assertThat(pageChars()).isLessThan(PreviewView.WHOLE_CHARS);
    assertThat(pageText())
        .contains("Section 1500")
        .contains("Lines 1–")
        .contains("are above: scroll up to see them.")
        .doesNotContain("point 0.0 ");
    FxWait.until(() -> Math.abs(topOfLine(far)) < 30);

    // To the very end: no line says something is below.
    int last = blocks.get(blocks.size() - 1).firstLine();
    FxWait.onFx(
        () -> {
          preview.scrollToLine(last);
          return null;
        });
    assertThat(pageText()).contains("point 1999.9 ").doesNotContain("are below");
  }

  @Test
  void scrollingTheLongNotesPageOnMovesThePartOn() throws Exception {
    List<RenderedNote.Block> blocks = note(2000);
    show(blocks);
    assertThat(pageText()).doesNotContain("Section 400 ");
    String before = pageText();
    // The reader scrolls the page itself to the end of the part it holds.
    script("window.scrollTo(0, document.body.scrollHeight)");
    FxWait.until(() -> !scrolled.isEmpty() && !pageText().equals(before));
    String after = pageText();
    assertThat(after).contains("are above").contains("are below");
    // The line at the page's top when it moved on is at its top still.
    int line = scrolled.get(scrolled.size() - 1);
    assertThat(after).contains("point " + (line / 13) + ".");
  }

  @Test
  void thePageFollowingTheEditorIsNotEchoedBackHoweverLateItsScrollEventComes() throws Exception {
    List<RenderedNote.Block> blocks = note(2000);
    show(blocks);
    int far = blocks.get(3000).firstLine();
    FxWait.onFx(
        () -> {
          preview.scrollToLine(far);
          return null;
        });
    FxWait.until(() -> Math.abs(topOfLine(far)) < 30);
    scrolled.clear();
    // The scroll event of that scroll comes after the page's 200 ms (a loaded machine): the
    // editor, told the line at the page's top, would jump to it.
    script(
        "ignoreScrollUntil = 0; window.dispatchEvent(new Event('scroll')); window.framed = false;"
            + " requestAnimationFrame(function () { requestAnimationFrame(function () {"
            + " window.framed = true; }); });");
    FxWait.until(() -> Boolean.TRUE.equals(script("window.framed")));
    assertThat(scrolled).isEmpty();
    // The reader's own scroll is told.
    script("ignoreScrollUntil = 0; window.scrollBy(0, 300)");
    FxWait.until(() -> !scrolled.isEmpty());
  }

  @Test
  void theLineTheEditorShowsStaysAtTheTopWhenThePageIsResized() throws Exception {
    // A restart at a remembered place: the page was scrolled to the editor's line while the web
    // view had not its width yet; once it had, the page reflowed and showed its end.
    List<RenderedNote.Block> blocks = note(40);
    show(blocks);
    int line = blocks.get(40).firstLine(); // "Section 20"
    FxWait.onFx(
        () -> {
          preview.scrollToLine(line);
          return null;
        });
    FxWait.until(() -> Math.abs(topOfLine(line)) < 30);
    scrolled.clear();

    FxWait.onFx(
        () -> {
          preview.webView().setMaxWidth(260);
          return null;
        });
    FxWait.until(() -> ((Number) script("window.innerWidth")).intValue() <= 260);
    FxWait.until(() -> Math.abs(topOfLine(line)) < 30);
    FxWait.onFx(
        () -> {
          preview.webView().setMaxWidth(Double.MAX_VALUE);
          return null;
        });
    FxWait.until(() -> ((Number) script("window.innerWidth")).intValue() > 500);
    FxWait.until(() -> Math.abs(topOfLine(line)) < 30);
    assertThat(scrolled).as("the editor told of no scroll it did not make").isEmpty();

    // Once the reader has scrolled the page, a resize leaves it where they took it.
    script("ignoreScrollUntil = 0; window.scrollBy(0, 300)");
    FxWait.until(() -> !scrolled.isEmpty());
  }

  /** A PNG of noise, {@code side} pixels square: it barely compresses (about 3 bytes a pixel). */
  private static String noisePicture(int side) throws Exception {
    var image =
        new java.awt.image.BufferedImage(side, side, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var random = new java.util.Random(7);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    var bytes = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", bytes);
    return "data:image/png;base64,"
        + java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  @Test
  void aPastedPhotoIsShownThoughItsDataUrlIsLongerThanABlockMayBe() throws Exception {
    // a slide's photo or screenshot is a few hundred KB to a few MB: pasted, the preview showed
    // "This paragraph (line 2, 8.1 MB) is too long to preview live" in its place
    String picture = noisePicture(400);
    assertThat(picture.length()).isGreaterThan(PreviewView.BLOCK_CHARS);
    List<RenderedNote.Block> blocks = new ArrayList<>(note(20));
    int line = blocks.get(blocks.size() - 1).lastLine() + 2;
    blocks.add(
        new RenderedNote.Block(
            line,
            line,
            "<p data-line=\"" + line + "\"><img src=\"" + picture + "\" alt=\"slide\" /></p>"));
    assertThat(PreviewView.fitted(blocks)).isEqualTo(blocks);
    show(blocks);
    FxWait.until(
        "the picture decoded",
        () ->
            ((Number) script("(document.querySelector('img[alt=slide]') || {}).naturalWidth | 0"))
                    .intValue()
                == 400);
    assertThat(FxWait.onFx(preview::partial))
        .isFalse(); // the note is whole, not a part around the caret
    assertThat(pageText()).contains("point 0.0 ").doesNotContain("too l");
  }

  @Test
  void aNoteFullOfScreenshotsIsPagedAsALongNoteIs() throws Exception {
    // 60 pasted screenshots of ~500 KB (38 M characters of data: URLs) went into the page whole:
    // 0.9 s on the FX thread at each show, seconds more to decode them all
    String picture = noisePicture(400);
    List<RenderedNote.Block> blocks = new ArrayList<>();
    blocks.add(new RenderedNote.Block(0, 0, "<h1 data-line=\"0\">Slides</h1>"));
    for (int i = 1; i <= 60; i++) {
      int line = i * 4;
      blocks.add(
          new RenderedNote.Block(
              line - 2, line - 2, "<p data-line=\"" + (line - 2) + "\">Slide " + i + ":</p>"));
      blocks.add(
          new RenderedNote.Block(
              line,
              line,
              "<p data-line=\""
                  + line
                  + "\"><img src=\""
                  + picture
                  + "\" alt=\"slide "
                  + i
                  + "\" width=\"40\" height=\"40\" /></p>"));
    }
    assertThat(htmlLength(blocks)).isGreaterThan(60 * PreviewView.BLOCK_CHARS * 4);
    assertThat(PreviewView.fitted(blocks)).isEqualTo(blocks); // each picture is shown
    show(blocks);

    assertThat(FxWait.onFx(preview::partial)).as("the note is paged").isTrue();
    String images = "document.querySelectorAll('#content img').length";
    int inPage = ((Number) script(images)).intValue();
    assertThat(inPage).isBetween(1, PreviewView.PART_CHARS / PreviewView.PICTURE_WEIGHT + 1);
    assertThat(pageText()).contains("Slide 1:").contains("are below").doesNotContain("Slide 60:");

    // the reader scrolls the page to its end: the part moves on to the next slides
    String decoded =
        "Array.prototype.every.call(document.querySelectorAll('#content img'),"
            + " function (i) { return i.naturalWidth === 400; })";
    FxWait.until("the pictures decoded", () -> Boolean.TRUE.equals(script(decoded)));
    String before = pageText();
    script("window.scrollTo(0, document.body.scrollHeight)");
    FxWait.until("the part moved on", () -> !pageText().equals(before));
    assertThat(pageText()).contains("Slide " + (inPage + 1) + ":");

    // scrolled far down, the page holds the later slides, their pictures shown
    int far = blocks.get(2 * 45).firstLine(); // slide 45's picture
    FxWait.onFx(
        () -> {
          preview.scrollToLine(far);
          return null;
        });
    assertThat(pageText()).contains("Slide 45:").contains("are above").doesNotContain("Slide 1:");
    assertThat(((Number) script(images)).intValue()).isBetween(1, inPage + 1);
    FxWait.until(
        "slide 45 decoded",
        () ->
            ((Number)
                        script(
                            "(document.querySelector('img[alt=\"slide 45\"]') || {})"
                                + ".naturalWidth | 0"))
                    .intValue()
                == 400);
  }

  @Test
  void aPartThatFitsTheViewWholeMovesOnWhenScrolledToItsEnd() throws Exception {
    // the page at its end with the part's first line still at its top (a part of a few tall
    // pictures fits the view whole): the part moved on, and that line, handed on as a scroll,
    // was then near the new part's start and moved it back
    List<RenderedNote.Block> blocks = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      blocks.add(
          new RenderedNote.Block(
              i,
              i,
              "<p data-line=\"" + i + "\">Slide " + i + ": " + "words ".repeat(300) + "</p>"));
    }
    assertThat(htmlLength(blocks)).isGreaterThan(PreviewView.WHOLE_CHARS);
    show(blocks);
    assertThat(FxWait.onFx(preview::partial)).as("the note is paged").isTrue();
    String before = pageText();
    assertThat(before).contains("Slide 0:").contains("are below");
    int last = lastSlide(before);
    script("window.talkbook.scrolledToEnd(0)");
    FxWait.until("the part moved on", () -> lastSlide(pageText()) > last);
    assertThat(lastSlide(pageText())).isGreaterThan(last);
  }

  /** The highest "Slide N:" in {@code text}; -1 for none. */
  private static int lastSlide(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Slide (\\d+):").matcher(text);
    int last = -1;
    while (m.find()) {
      last = Math.max(last, Integer.parseInt(m.group(1)));
    }
    return last;
  }

  void theLineScrolledToStaysAtTheTopWhenAPictureAboveItIsDecoded() throws Exception {
    // a talk opened with its caret below a photo: the page was placed before the photo had its
    // height, and the photo then pushed the caret's line out of view
    String picture = noisePicture(300);
    List<RenderedNote.Block> blocks = new ArrayList<>();
    blocks.add(
        new RenderedNote.Block(
            0, 0, "<p data-line=\"0\"><img src=\"" + picture + "\" alt=\"slide\" /></p>"));
    blocks.addAll(
        note(6).stream()
            .map(b -> new RenderedNote.Block(b.firstLine() + 2, b.lastLine() + 2, b.html()))
            .toList());
    int line = blocks.get(9).firstLine();
    FxWait.until(() -> FxWait.onFx(preview::isReady));
    FxWait.onFx(
        () -> {
          preview.show(new RenderedNote(blocks, null, Map.of()));
          preview.scrollToLine(line); // at once, before the picture is decoded
          return null;
        });
    FxWait.until(
        "the picture decoded",
        () ->
            ((Number) script("(document.querySelector('img[alt=slide]') || {}).naturalWidth | 0"))
                    .intValue()
                == 300);
    FxWait.until("the line back at the top", () -> Math.abs(topOfLine(line) - 8) <= 2);
  }

  @Test
  void theLineScrolledToStaysAtTheTopWhenTheBlocksAboveItChangeLate() throws Exception {
    // a picture put into the page after its text (a pulse or more later; seconds on a loaded
    // machine) shrinks or grows the page above the line scrolled to: the scroll event that came
    // more than 0.2 s after the scroll was taken for the reader's, and the line was lost
    List<RenderedNote.Block> blocks = new ArrayList<>();
    blocks.add(new RenderedNote.Block(0, 0, "<p data-line=\"0\">Opening words</p>"));
    blocks.addAll(
        note(20).stream()
            .map(b -> new RenderedNote.Block(b.firstLine() + 2, b.lastLine() + 2, b.html()))
            .toList());
    int line = blocks.get(10).firstLine();
    show(blocks);
    FxWait.onFx(
        () -> {
          preview.scrollToLine(line);
          return null;
        });
    FxWait.until("the line at the top", () -> Math.abs(topOfLine(line) - 8) <= 2);
    FxWait.until(
        "the scroll's own time over",
        () -> Boolean.TRUE.equals(script("Date.now() > ignoreScrollUntil")));
    String tall = "<p data-line=\"0\" style=\"height: 900px\">Opening words</p>";
    List<RenderedNote.Block> taller = new ArrayList<>(blocks);
    taller.set(0, new RenderedNote.Block(0, 0, tall));
    show(taller); // the block above grows: a picture decoded
    FxWait.until("the line back at the top", () -> Math.abs(topOfLine(line) - 8) <= 2);
    FxWait.until(
        "the scroll's own time over",
        () -> Boolean.TRUE.equals(script("Date.now() > ignoreScrollUntil")));
    show(blocks); // and shrinks again
    FxWait.until("the line at the top once more", () -> Math.abs(topOfLine(line) - 8) <= 2);
    show(taller);
    FxWait.until("and again", () -> Math.abs(topOfLine(line) - 8) <= 2);
  }

  @Test
  void aPictureTooLargeToInlineIsSaidToBeOne() {
    String html =
        "<p data-line=\"4\"><img src=\"data:image/png;base64,"
            + "A".repeat(PreviewView.PICTURE_CHARS + 4)
            + "\" alt=\"scan\" /></p>";
    List<RenderedNote.Block> fitted =
        PreviewView.fitted(List.of(new RenderedNote.Block(4, 4, html)));
    assertThat(fitted.get(0).html())
        .startsWith("<p class=\"partial too-long\">This picture (line 5, 33.6 MB) is too large")
        .contains("the preview shows pictures of up to 25 MB.");
  }

  @Test
  void aNoteOfOrdinaryLengthIsInThePageWhole() throws Exception {
    List<RenderedNote.Block> blocks = note(300);
    assertThat(htmlLength(blocks)).isLessThan(PreviewView.WHOLE_CHARS);
    show(blocks);
    assertThat(FxWait.onFx(preview::partial)).isFalse();
    assertThat(pageText())
        .contains("point 0.0 ")
        .contains("point 299.9 ")
        .doesNotContain("long note");
    assertThat(((Number) script("document.getElementById('content').children.length")).intValue())
        .isEqualTo(blocks.size());
  }

  @Test
  void anOutputWhoseCodeChangedSinceItRanSaysItIsOutOfDateAndIsDimmed() throws Exception {
    String stamp = dev.talkbook.core.markdown.CodeStamp.of("new Point(3, 4)");
    String ran =
        "```java\nnew Point(3, 4)\n```\n```output code=" + stamp + "\nPoint[x=3, y=4]\n```\n";
    var renderer =
        new dev.talkbook.core.markdown.NotePreviewRenderer(
            new dev.talkbook.core.markdown.MarkdownRenderer());
    String label = "getComputedStyle(document.querySelector('pre.output'), '::before').content";
    String opacity = "getComputedStyle(document.querySelector('pre.output > code')).opacity";

    show(renderer.render(ran, r -> java.util.Optional.empty()).blocks());
    assertThat(String.valueOf(script(label))).doesNotContain("out of date");
    assertThat(String.valueOf(script(opacity))).isEqualTo("1");

    show(
        renderer
            .render(ran.replace("Point(3, 4)", "Point(7, 24)"), r -> java.util.Optional.empty())
            .blocks());
    assertThat(String.valueOf(script(label)))
        .contains("Out of date: the code changed since this ran");
    assertThat(Double.parseDouble(String.valueOf(script(opacity)))).isLessThan(0.7);
  }

  @Test
  void aLongLineOfAFailuresOutputWrapsWhilePlainOutputKeepsItsLines() throws Exception {
    String line = "the JVM running your code ended (System.exit or Runtime.halt) ".repeat(6);
    String note =
        "```output-error\n"
            + line
            + "\n    at (block 1, line 1)\n```\n\n```output\n"
            + line
            + "\n```\n";
    var renderer =
        new dev.talkbook.core.markdown.NotePreviewRenderer(
            new dev.talkbook.core.markdown.MarkdownRenderer());
    show(renderer.render(note, r -> java.util.Optional.empty()).blocks());
    String error = "document.querySelector('pre.error')";
    String plain = "document.querySelector('pre.output:not(.error)')";

    // wrapped: nothing to scroll sideways, and the error's lines as tall as several lines
    assertThat(((Number) script(error + ".scrollWidth - " + error + ".clientWidth")).intValue())
        .isLessThanOrEqualTo(0);
    assertThat(String.valueOf(script("getComputedStyle(" + error + ".firstChild).whiteSpace")))
        .isEqualTo("pre-wrap");
    assertThat(((Number) script(plain + ".scrollWidth - " + plain + ".clientWidth")).intValue())
        .isPositive();
  }
}
