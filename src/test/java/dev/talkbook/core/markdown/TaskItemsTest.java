package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TaskItems} makes exactly the task list items commonmark's own extension makes. */
class TaskItemsTest {
  private static String html(Extension taskItems, String markdown) {
    List<Extension> extensions =
        new ArrayList<>(
            List.of(TablesExtension.create(), StrikethroughExtension.create(), Autolinks.create()));
    extensions.add(taskItems);
    Parser parser =
        Parser.builder()
            .extensions(extensions)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();
    return HtmlRenderer.builder().extensions(extensions).build().render(parser.parse(markdown));
  }

  private static void sameAsCommonmark(String markdown) {
    assertThat(html(TaskItems.create(), markdown))
        .as("task items in %s", markdown)
        .isEqualTo(html(TaskListItemsExtension.create(), markdown));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "- [ ] open\n- [x] done\n- [X] also done\n- [y] not a task\n- [ ]no space\n",
        "1. [x] numbered\n2. [\t] tab inside\n   - [ ] nested\n     - [x] deeper\n",
        "- [x]\n- [x] \n- [ ]  two spaces\n- [] empty\n- [[x]] double\n",
        "- [x] https://example.org and *emphasis* and `code`\n- [x] www.example.org\n",
        "> - [x] in a quote\n\n[x] not in a list\n\n- text [x] later\n",
        "- [x] first line\n  second line\n- \\[x] escaped\n- [x](http://a.example) a link\n"
      })
  void makesTheItemsCommonmarksExtensionMakes(String markdown) {
    sameAsCommonmark(markdown);
  }

  @Test
  void makesTheSameItemsInRandomLists() {
    String[] pieces = {
      "- ", "* ", "1. ", "  ", "[", "]", "x", "X", " ", "\t", "\n", "a", "*", "`", "www.x.org", "\\"
    };
    Random random = new Random(20261202L);
    for (int round = 0; round < 2000; round++) {
      StringBuilder markdown = new StringBuilder();
      int n = random.nextInt(30);
      for (int i = 0; i < n; i++) {
        markdown.append(pieces[random.nextInt(pieces.length)]);
      }
      sameAsCommonmark(markdown.toString());
    }
  }

  @Test
  void onlyTextThatMayBeATaskIsMatched() {
    assertThat(TaskItems.mayBeTask("[x] done")).isTrue();
    assertThat(TaskItems.mayBeTask("[ ] ")).isTrue();
    assertThat(TaskItems.mayBeTask("[x]")).isFalse();
    assertThat(TaskItems.mayBeTask("plain item")).isFalse();
    assertThat(TaskItems.mayBeTask("[xx] no")).isFalse();
  }
}
