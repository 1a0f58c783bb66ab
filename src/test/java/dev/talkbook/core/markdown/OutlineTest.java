package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The outline: headings nested by level, list items under them, with source ranges. */
class OutlineTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();

  private static final String NOTE =
      """
      Intro line
      # Talk
      - first
        - [ ] nested task
      - second
      ## Details
      text
      # Q&A
      1. one
      """;

  @Test
  void headingsNestByLevelAndSectionsEndBeforeTheNextHeading() {
    Outline outline = renderer.outline(NOTE);
    assertThat(outline.entries()).extracting(Outline.Entry::text).containsExactly("Talk", "Q&A");
    Outline.Entry talk = outline.entries().get(0);
    assertThat(talk.firstLine()).isEqualTo(1);
    assertThat(talk.lastLine()).isEqualTo(6);
    Outline.Entry details = talk.children().get(2);
    assertThat(details.kind()).isEqualTo(Outline.Kind.HEADING);
    assertThat(details.level()).isEqualTo(2);
    assertThat(details.firstLine()).isEqualTo(5);
    assertThat(details.lastLine()).isEqualTo(6);
    assertThat(outline.entries().get(1).lastLine()).isEqualTo(9);
  }

  @Test
  void listItemsNestUnderTheirHeadingWithTheirChildren() {
    Outline.Entry talk = renderer.outline(NOTE).entries().get(0);
    Outline.Entry first = talk.children().get(0);
    assertThat(first.kind()).isEqualTo(Outline.Kind.ITEM);
    assertThat(first.text()).isEqualTo("first");
    assertThat(first.firstLine()).isEqualTo(2);
    assertThat(first.lastLine()).isEqualTo(3);
    assertThat(first.children())
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.text()).isEqualTo("☐ nested task");
              assertThat(task.level()).isEqualTo(2);
            });
  }

  @Test
  void theCaretsEntryIsTheInnermostSectionHoldingTheLine() {
    Outline outline = renderer.outline(NOTE);
    assertThat(outline.at(0, false)).isEmpty();
    assertThat(outline.at(3, false)).get().extracting(Outline.Entry::text).isEqualTo("Talk");
    assertThat(outline.at(3, true)).get().extracting(Outline.Entry::text).isEqualTo("first");
    assertThat(outline.at(6, true)).get().extracting(Outline.Entry::text).isEqualTo("Details");
    assertThat(outline.at(8, false)).get().extracting(Outline.Entry::text).isEqualTo("Q&A");
  }

  @Test
  void flattenListsEveryEntryInTextOrder() {
    List<String> texts =
        renderer.outline(NOTE).flatten().stream().map(Outline.Entry::text).toList();
    assertThat(texts)
        .containsExactly("Talk", "first", "☐ nested task", "second", "Details", "Q&A", "one");
  }

  @Test
  void renderNoteGivesTheSameOutline() {
    assertThat(renderer.renderNote(NOTE, r -> java.util.Optional.empty()).outline())
        .isEqualTo(renderer.outline(NOTE));
  }
}
