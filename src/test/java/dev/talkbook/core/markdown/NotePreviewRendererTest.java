package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.common.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rendering a note in parts gives what rendering it whole gives, before and after edits. */
class NotePreviewRendererTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();

  static Stream<String> notes() {
    List<String> notes = new ArrayList<>();
    for (String name :
        List.of(
            "01-virtual-threads.md",
            "02-sqlite-everywhere.md",
            "03-outlines-that-think.md",
            "04-live-coding-without-fear.md",
            "05-accessible-desktop-apps.md")) {
      notes.add(Resources.text(NotePreviewRendererTest.class, "/dev/talkbook/core/sample/" + name));
    }
    notes.addAll(
        List.of(
            "# A\n\n- one\n  - two\n\n## B\ntext\n# C\n",
            "```\n# not a heading\n```\n# real\n",
            "- item\n  ```\n# inside or not\n  ```\n# after\n",
            "~~~~\n# in\n~~~\n# still in\n~~~~\n# out\n",
            "| a | b |\n|---|---|\n# x | y\n# h\n",
            "---\n# a yaml comment\ntitle: x\n---\n# H\nbody\n",
            "[ref]: https://example.org\n# H\n[link][ref]\n",
            "<div>\n# h\n</div>\n# after\n",
            "> quote\n# h\n> more\n",
            "para\n# h\ntext\n#not a heading\n#\n",
            "   # indented heading\n# h\n\n    # code\n",
            "1. one\n# h\n2. two\n",
            "- item\n  ```\n  code\n- next\n# h\n",
            "```\n    ```\n# in code\n```\n# out\n",
            "1. ```\n```\n# in code\n```\n# out\n",
            "> ```\n# h\n> text\n",
            "- [ref]: https://example.org\n# h\n[x][ref]\n",
            ""));
    return notes.stream();
  }

  @ParameterizedTest
  @MethodSource("notes")
  void partsRenderLikeTheWholeNote(String note) {
    NotePreviewRenderer parts = new NotePreviewRenderer(renderer);
    assertSame(parts.render(note, r -> Optional.empty()), note);
    // Again with every part cached, then after edits at the start, middle and end.
    assertSame(parts.render(note, r -> Optional.empty()), note);
    for (String edited :
        List.of(
            "x" + note,
            note.substring(0, note.length() / 2)
                + "\n# inserted\n"
                + note.substring(note.length() / 2),
            note + "\n- tail\n")) {
      assertSame(parts.render(edited, r -> Optional.empty()), edited);
    }
  }

  private void assertSame(RenderedNote inParts, String note) {
    RenderedNote whole = renderer.renderNote(note, r -> Optional.empty());
    assertThat(inParts.blocks()).isEqualTo(whole.blocks());
    assertThat(inParts.outline()).isEqualTo(whole.outline());
    assertThat(inParts.frontMatter()).isEqualTo(whole.frontMatter());
  }

  @Test
  void cutsBeforeHeadingsOutsideCode() {
    assertThat(NotePreviewRenderer.cut("# a\ntext\n# b\n```\n# c\n```\n## d\n"))
        .extracting(p -> p[1])
        .containsExactly(0, 2, 6);
    assertThat(NotePreviewRenderer.cut("[r]: /x\n# a\n# b\n")).hasSize(1);
  }

  @Test
  void anUnchangedPartIsNotParsedAgain() {
    NotePreviewRenderer parts = new NotePreviewRenderer(renderer);
    String note = "# A\none\n# B\ntwo\n";
    RenderedNote first = parts.render(note, r -> Optional.empty());
    RenderedNote second = parts.render(note.replace("two", "three"), r -> Optional.empty());
    // The first section's HTML is the very same string object: it came from the cache.
    assertThat(second.blocks().get(0).html()).isSameAs(first.blocks().get(0).html());
    assertThat(second.blocks().get(3).html()).contains("three");
  }
}
