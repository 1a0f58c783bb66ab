package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The import finds link targets only where a "](" is, exactly as the expression's find() would. */
class MarkdownImporterLinksTest {

  private static List<String> byFind(String markdown) {
    List<String> targets = new ArrayList<>();
    Matcher m = MarkdownImporter.LINK_TARGET.matcher(markdown);
    while (m.find()) {
      targets.add(m.group(1));
    }
    return targets;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "no links at all",
        "![a photo](photo.png) and [a page](https://example.org/x)",
        "[spaced](  <my file.pdf> ) [empty]() [only space]( ) ](](x.png)",
        "]]((](a)](b)",
        "[code](x.png)`](not.png)` [bracket]( <unclosed and [next](next.md)",
        "[line](\nbroken.png) [angle](<a\nb>) [tab](\tt.png)",
        "trailing ](",
        "](",
      })
  void findsWhatFindFinds(String markdown) {
    assertThat(MarkdownImporter.linkTargets(markdown)).isEqualTo(byFind(markdown));
  }

  @Test
  void findsWhatFindFindsInRandomText() {
    Random random = new Random(20261202);
    String alphabet = "](<> \n\ta.png/)[";
    for (int n = 0; n < 2_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(60); i > 0; i--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String markdown = b.toString();
      assertThat(MarkdownImporter.linkTargets(markdown)).as(markdown).isEqualTo(byFind(markdown));
    }
  }
}
