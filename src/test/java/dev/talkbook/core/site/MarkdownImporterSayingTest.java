package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How an import's line names the files and links it lists: the first three, quoted. */
class MarkdownImporterSayingTest {
  @Test
  void namesUpToThreeQuotedThenAnEllipsis() {
    assertThat(MarkdownImporter.firstQuoted(List.of("a.png"))).isEqualTo("\"a.png\"");
    assertThat(MarkdownImporter.firstQuoted(List.of("a", "b", "c")))
        .isEqualTo("\"a\", \"b\", \"c\"");
    assertThat(MarkdownImporter.firstQuoted(List.of("a", "b", "c", "d")))
        .isEqualTo("\"a\", \"b\", \"c\", …");
  }
}
