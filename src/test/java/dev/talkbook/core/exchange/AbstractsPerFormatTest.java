package dev.talkbook.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.MarkdownRenderer;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One abstract with {@code List<String>}, {@code **bold**}, {@code &}, {@code <b>} and two
 * paragraphs, in each format: kept as the Markdown (pretalx, frab, Sessionize) or the plain text
 * (iCalendar) it was written as, and shown with all of its text.
 */
class AbstractsPerFormatTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

  /** The abstract as the site, the preview and the live page render it. */
  private static String rendered(String markdown) {
    return RENDERER.renderPage(markdown, ref -> Optional.empty(), null).html();
  }

  private static String abstractOf(String fixture) {
    Schedule s = Fixtures.read(fixture);
    assertThat(s.sessions()).hasSize(1);
    return s.sessions().get(0).abstractText();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abstract-pretalx.json", "abstract-frab.xml", "abstract-sessionize.json"})
  void aMarkdownAbstractIsKeptAsWrittenAndWhatIsNotATagShowsAsText(String fixture) {
    String markdown = abstractOf(fixture);

    assertThat(markdown)
        .isEqualTo(
            "Generics like List\\<String> and **Rust & Java: \\<interop> done right**.\n\n"
                + "Expect demos, & some <b>live</b> code.");
    assertThat(rendered(markdown))
        .isEqualTo(
            "<p>Generics like List&lt;String&gt; and <strong>Rust &amp; Java: &lt;interop&gt;"
                + " done right</strong>.</p>\n"
                + "<p>Expect demos, &amp; some <b>live</b> code.</p>\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abstract.ics"})
  void aPlainTextAbstractShowsExactlyAsWrittenWithItsLineBreaks(String fixture) {
    String markdown = abstractOf(fixture);

    assertThat(markdown)
        .isEqualTo(
            "Generics like List\\<String\\> and \\*\\*Rust & Java: \\<interop\\> done right\\*\\*."
                + "\n\nExpect demos, & some \\<b\\>live\\</b\\> code.  \n"
                + "Second line: \\&amp; 2\\*3 = 6  \n"
                + "\\# not a heading");
    assertThat(rendered(markdown))
        .isEqualTo(
            "<p>Generics like List&lt;String&gt; and **Rust &amp; Java: &lt;interop&gt; done"
                + " right**.</p>\n"
                + "<p>Expect demos, &amp; some &lt;b&gt;live&lt;/b&gt; code.<br />\n"
                + "Second line: &amp;amp; 2*3 = 6<br />\n"
                + "# not a heading</p>\n");
  }
}
