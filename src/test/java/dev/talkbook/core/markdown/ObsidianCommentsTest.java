package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Obsidian's {@code %% comments %%} taken out of a note, outside code. */
class ObsidianCommentsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no comment             | 'a 50% chance\\n'                 | 'a 50% chance\\n'         | 0 | false",
        "inline                 | 'say %%not this%% that\\n'        | 'say  that\\n'            | 1 | false",
        "two inline             | '%%a%% b %%c%%\\n'                | ' b \\n'                  | 2 | false",
        "block takes its lines  | 'x\\n%%\\nsecret\\n%%\\ny\\n'     | 'x\\ny\\n'                | 1 | false",
        "code span stays        | 'run `%%d%%` now\\n'              | 'run `%%d%%` now\\n'      | 0 | false",
        "fence stays            | '```\\n%%\\n```\\n'               | '```\\n%%\\n```\\n'       | 0 | false",
        "unclosed to the end    | 'seen\\n%% hidden\\nalso\\n'      | 'seen\\n'                 | 1 | true",
        "closing mark in code   | '%%a `%%` b%% c\\n'               | ' c\\n'                   | 1 | false",
      })
  void commentsAreTakenOutOutsideCode(
      String name, String in, String out, int count, boolean unclosed) {
    ObsidianComments.Stripped s = ObsidianComments.strip(unescape(in));
    assertThat(s.text()).isEqualTo(unescape(out));
    assertThat(s.comments()).isEqualTo(count);
    assertThat(s.unclosed()).isEqualTo(unclosed);
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n");
  }
}
