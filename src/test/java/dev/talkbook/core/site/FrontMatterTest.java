package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** YAML front matter read safely, with messages in the user's words. */
class FrontMatterTest {

  @Test
  @Timeout(10)
  void aBlockThatRepeatsItsListsThroughAliasesIsRefusedInPlainWords() {
    // a "billion laughs": each line's list holds the one before nine times
    StringBuilder yaml = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\"]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'g'; c++) {
      String ref = "*" + previous;
      yaml.append(c).append(": &").append(c).append(" [");
      yaml.append(String.join(",", java.util.Collections.nCopies(9, ref))).append("]\n");
      previous = c;
    }
    yaml.append("title: bomb\n---\nbody\n");
    assertThatThrownBy(() -> FrontMatter.parse(yaml.toString()))
        .isInstanceOf(SiteException.class)
        .hasMessage(
            "invalid front matter: it repeats lists or maps through aliases (*name) more than 20"
                + " times; write the values out");
  }
}
