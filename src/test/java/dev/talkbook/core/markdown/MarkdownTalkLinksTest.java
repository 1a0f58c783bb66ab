package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.TalkLink;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A link to another talk ({@code talk:ID}): kept for the preview (whose click opens the talk), the
 * talk's page on the site, text where there is no page (live share, a deleted talk).
 */
class MarkdownTalkLinksTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();
  private static final String NOTE = "See [the next talk](talk:12#demo) and <kbd>K</kbd>.\n";

  @Test
  void thePreviewKeepsTheLinkForItsClick() {
    String blocks =
        renderer
            .renderNote("See [the next talk](talk:12#demo).\n", ref -> Optional.empty())
            .blocks()
            .stream()
            .map(RenderedNote.Block::html)
            .collect(Collectors.joining());
    assertThat(blocks).contains("href=\"talk:12#demo\">the next talk</a>");
    // also through the sanitizer of a note with raw HTML
    assertThat(renderer.render(NOTE)).contains("href=\"talk:12#demo\"");
  }

  @Test
  void aPageLinksTheTalksPage() {
    NotePage page =
        renderer.renderPage(
            NOTE,
            ref -> Optional.empty(),
            link ->
                link.talkId() == 12
                    ? Optional.of("../other/loom.html" + link.suffix())
                    : Optional.empty(),
            null,
            -1);
    assertThat(page.html()).contains("href=\"../other/loom.html#demo\">the next talk</a>");
  }

  @Test
  void withoutAPageTheLinkIsItsText() {
    assertThat(renderer.renderPage(NOTE, ref -> Optional.empty(), null).html())
        .contains("See the next talk and")
        .doesNotContain("talk:");
    String shared =
        renderer.renderPageBlocks(NOTE, ref -> Optional.empty(), null).stream()
            .map(RenderedNote.Block::html)
            .collect(Collectors.joining());
    assertThat(shared).contains("See the next talk and").doesNotContain("talk:");
  }

  @Test
  void theStoredFormReadsBack() {
    assertThat(TalkLink.parse("talk:12#demo")).contains(new TalkLink(12, "demo"));
    assertThat(TalkLink.parse("TALK:7")).contains(new TalkLink(7));
    assertThat(TalkLink.parse("talk:0")).isEmpty();
    assertThat(TalkLink.parse("talk:x")).isEmpty();
    assertThat(TalkLink.parse("talks:1")).isEmpty();
    assertThat(TalkLink.markdown(5, "Loom [preview]")).isEqualTo("[Loom \\[preview\\]](talk:5)");
  }
}
