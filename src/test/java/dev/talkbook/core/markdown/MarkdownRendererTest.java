package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.AttachmentRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Notes are rendered for the preview with nothing hostile getting through. */
class MarkdownRendererTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();
  private static final String HASH = "a".repeat(64);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "text <b onmouseover=alert(1)>bold</b>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt&#58;alert(1)\">x</a>",
        "<svg><script>alert(1)</script></svg>",
        "<form action=\"https://evil.example\"><button>go</button></form>",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<style>body { display: none }</style>",
        "- item <span onclick=alert(1)>x</span>",
        "<input type=text autofocus onfocus=alert(1)>"
      })
  void rawHtmlIsSanitizedSoNothingRuns(String note) {
    String html = renderer.render(note).toLowerCase(java.util.Locale.ROOT);
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<iframe")
        .doesNotContain("<svg")
        .doesNotContain("<form")
        .doesNotContain("<object")
        .doesNotContain("<embed")
        .doesNotContain("<meta")
        .doesNotContain("<style")
        .doesNotContain("style=")
        .doesNotContain("javascript")
        .doesNotContain("onerror")
        .doesNotContain("onclick")
        .doesNotContain("onmouseover")
        .doesNotContain("onfocus")
        .doesNotContain("type=\"text\"");
  }

  @Test
  void harmlessRawHtmlStays() {
    assertThat(renderer.render("Press <kbd>Ctrl</kbd>, H<sub>2</sub>O, <b>bold</b>"))
        .contains("<kbd>Ctrl</kbd>")
        .contains("<sub>2</sub>")
        .contains("<b>bold</b>");
  }

  @Test
  void theSameSanitizingServesThePreviewBlocks() {
    RenderedNote note =
        renderer.renderNote(
            "# T\n\n<script>alert(1)</script>\n\n<kbd>K</kbd>\n", r -> Optional.empty());
    assertThat(note.html()).doesNotContain("<script").contains("<kbd>K</kbd>");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [x](javascript:alert(1))           | javascript:
          [x](JaVaScRiPt:alert(1))           | javascript:
          [x](vbscript:msgbox)               | vbscript:
          [x](data:text/html;base64,PHNjcmlwdD4=) | data:
          ![x](javascript:alert(1))          | javascript:
          [x](file:///etc/passwd)            | file:
          """)
  void unsafeUrlsAreDropped(String note, String scheme) {
    assertThat(renderer.render(note).toLowerCase(java.util.Locale.ROOT)).doesNotContain(scheme);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [docs](https://openjdk.org/jeps/444)   | href="https://openjdk.org/jeps/444"
          [mail](mailto:a@example.org)           | href="mailto:a@example.org"
          [section](#key-points)                 | href="#key-points"
          [page](notes/other.md)                 | href="notes/other.md"
          """)
  void safeUrlsStay(String note, String expected) {
    assertThat(renderer.render(note)).contains(expected);
  }

  @Test
  void rendersTheGfmExtensions() {
    String html =
        renderer.render(
            "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ and https://example.org\n\n"
                + "- [x] done\n- [ ] open\n");
    assertThat(html)
        .contains("<h1 id=\"title\" data-line=\"0\">")
        .contains("<table data-line=\"2\">")
        .contains("<del>old</del>")
        .contains("href=\"https://example.org\"")
        .contains("type=\"checkbox\"");
  }

  @Test
  void attachmentReferencesResolveThroughTheCaller() {
    String note = "![diagram](attachment:" + HASH + "/diagram.png)";
    String html =
        renderer.render(
            note,
            ref -> {
              assertThat(ref).isEqualTo(new AttachmentRef(HASH, "diagram.png"));
              return Optional.of("data:image/png;base64,iVBORw0KGgo=");
            });
    assertThat(html).contains("src=\"data:image/png;base64,iVBORw0KGgo=\"");
    assertThat(renderer.render(note)).contains("src=\"attachment:" + HASH + "/diagram.png\"");
  }

  @Test
  void dataUrlsAreAllowedForImagesOnly() {
    assertThat(renderer.render("![x](data:image/png;base64,AAAA)")).contains("data:image/png");
    assertThat(renderer.render("[x](data:image/png;base64,AAAA)")).doesNotContain("data:");
  }

  @Test
  void frontMatterIsReadButNeverShown() {
    String note = "---\ntitle: Loom\ntags: [java, jvm]\n---\nBody\n";
    assertThat(renderer.render(note)).isEqualTo("<p data-line=\"4\">Body</p>\n");
    assertThat(renderer.frontMatter(note)).containsEntry("title", java.util.List.of("Loom"));
    assertThat(renderer.renderNote(note, r -> Optional.empty()).frontMatter()).containsKey("tags");
  }

  @Test
  void blocksCarryTheirSourceLines() {
    String html = renderer.render("# A\n\ntext\n\n- one\n- two\n");
    assertThat(html)
        .contains("<h1 id=\"a\" data-line=\"0\">")
        .contains("<p data-line=\"2\">")
        .contains("<li data-line=\"5\">");
  }

  @Test
  void previewBlocksCountLinesFromTheirBlockSoMovedBlocksRenderTheSame() {
    RenderedNote before = renderer.renderNote("intro\n\n- one\n  - two\n", r -> Optional.empty());
    RenderedNote after =
        renderer.renderNote("new line\n\nintro\n\n- one\n  - two\n", r -> Optional.empty());
    assertThat(before.blocks()).hasSize(2);
    assertThat(after.blocks()).hasSize(3);
    assertThat(after.blocks().get(2).html()).isEqualTo(before.blocks().get(1).html());
    assertThat(after.blocks().get(2).firstLine()).isEqualTo(4);
    assertThat(after.blocks().get(2).lastLine()).isEqualTo(5);
    assertThat(after.blocks().get(2).html()).contains("data-rel=\"1\"").doesNotContain("data-line");
  }

  @Test
  void rendererIsSafeToShareBetweenThreads() throws Exception {
    String note = "# Title\n\n- a\n- b <kbd>x</kbd>\n\n```java\nint x;\n```\n".repeat(50);
    String expected = renderer.render(note);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<String>>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> renderer.render(note)));
      }
      for (var f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
