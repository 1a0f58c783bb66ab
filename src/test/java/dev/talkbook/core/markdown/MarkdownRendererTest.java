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
        "<div style=\"background:url(javascript:alert(1))\">x</div>"
      })
  void rawHtmlIsEscapedNotRun(String note) {
    String html = renderer.render(note);
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("<iframe")
        .doesNotContain("<b ")
        .doesNotContain("<div");
    assertThat(html).contains("&lt;");
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
        .contains("<h1 id=\"title\">")
        .contains("<table>")
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
}
