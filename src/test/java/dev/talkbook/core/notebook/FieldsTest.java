package dev.talkbook.core.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A list of names (speakers, tags) as the notebook keeps it, and the shortcut for a clean one. */
class FieldsTest {
  @Test
  void aCleanListIsTakenAsItIs() {
    List<String> names = List.of("Ada Lovelace", "Grace Hopper", "O'Neil, J.");
    assertThat(Fields.clean(names)).isTrue();
    assertThat(Fields.cleanList(names, "Speaker")).isEqualTo(names);
  }

  @Test
  void anyOtherListGoesToTheFullRule() {
    assertThat(Fields.clean(List.of("Ada", "ADA"))).isFalse();
    assertThat(Fields.clean(List.of(" Ada"))).isFalse();
    assertThat(Fields.clean(List.of("Ada "))).isFalse();
    assertThat(Fields.clean(List.of(""))).isFalse();
    assertThat(Fields.clean(List.of("Ada\tB"))).isFalse();
    assertThat(Fields.clean(List.of("Zoë"))).isFalse();
    assertThat(Fields.cleanList(List.of(" Ada ", "ada", ""), "Speaker")).containsExactly("Ada");
    assertThatThrownBy(() -> Fields.cleanList(List.of("A\u001bB"), "Speaker"))
        .isInstanceOf(NotebookException.class);
  }

  /**
   * The shortcut gives what the rule gives, for random lists over the characters where either could
   * go wrong: case, spaces, tabs, line breaks, control and non-ASCII characters ('İ' lower-cases to
   * two characters).
   */
  @Test
  void theShortcutGivesWhatTheRuleGives() {
    Random random = new Random(20261206);
    String chars = "aAbB  \t\n\u001b\u007féÉİi\u0307\u202e";
    int clean = 0;
    for (int k = 0; k < 20_000; k++) {
      List<String> items = new ArrayList<>();
      int n = random.nextInt(5);
      for (int i = 0; i < n; i++) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(4);
        for (int j = 0; j < length; j++) {
          b.append(chars.charAt(random.nextInt(chars.length())));
        }
        items.add(b.toString());
      }
      Object rule;
      try {
        rule = Fields.cleaned(items, "Speaker");
      } catch (NotebookException e) {
        rule = e.getMessage();
      }
      Object taken;
      try {
        taken = Fields.cleanList(items, "Speaker");
      } catch (NotebookException e) {
        taken = e.getMessage();
      }
      assertThat(taken).as(items.toString()).isEqualTo(rule);
      if (Fields.clean(items)) {
        clean++;
      }
    }
    assertThat(clean).isGreaterThan(200);
  }
}
