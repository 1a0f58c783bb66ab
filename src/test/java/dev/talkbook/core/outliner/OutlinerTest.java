package dev.talkbook.core.outliner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The outliner's commands as tables. In the texts, {@code ¶} is a line break, {@code →} a tab and
 * {@code |} the caret (two of them: a selection). "default" means the command leaves the key alone.
 */
class OutlinerTest {

  interface Command {
    Optional<Edit> run(Outliner outliner, int anchor, int caret);
  }

  static String run(String input, Command command) {
    String text = input.replace("¶", "\n").replace("→", "\t");
    int anchor = text.indexOf('|');
    text = text.substring(0, anchor) + text.substring(anchor + 1);
    int caret = text.indexOf('|');
    if (caret >= 0) {
      text = text.substring(0, caret) + text.substring(caret + 1);
    } else {
      caret = anchor;
    }
    Optional<Edit> edit = command.run(new Outliner(Lines.of(text)), anchor, caret);
    if (edit.isEmpty()) {
      return "default";
    }
    String out = edit.get().applyTo(text);
    int from = Math.min(edit.get().anchor(), edit.get().caret());
    int to = Math.max(edit.get().anchor(), edit.get().caret());
    if (from != to) {
      out = out.substring(0, to) + "|" + out.substring(to);
    }
    out = out.substring(0, from) + "|" + out.substring(from);
    return out.replace("\n", "¶").replace("\t", "→");
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          '- a|'                 => '- a¶- |'
          '* a|'                 => '* a¶* |'
          '+ a|'                 => '+ a¶+ |'
          '-   a|'               => '-   a¶-   |'
          '1. a|'                => '1. a¶2. |'
          '1) a|'                => '1) a¶2) |'
          '9. a|'                => '9. a¶10. |'
          '1. a|¶2. b¶3. c'      => '1. a¶2. |¶3. b¶4. c'
          '1. a|¶1. b¶1. c'      => '1. a¶1. |¶1. b¶1. c'
          '1. a|¶   - x¶2. b'    => '1. a¶2. |¶   - x¶3. b'
          '3. c|¶¶4. d¶7. e'     => '3. c¶4. |¶¶5. d¶6. e'
          '- [x] done|'          => '- [x] done¶- [ ] |'
          '- [ ] todo|'          => '- [ ] todo¶- [ ] |'
          '1. [x] done|'         => '1. [x] done¶2. [ ] |'
          '  - child|'           => '  - child¶  - |'
          '→- tab child|'        => '→- tab child¶→- |'
          '> - quoted|'          => '> - quoted¶> - |'
          '> > 1. deep|'         => '> > 1. deep¶> > 2. |'
          '- foo| bar'           => '- foo¶- |bar'
          '- foo |bar'           => '- foo¶- |bar'
          '- [ ] foo| bar'       => '- [ ] foo¶- [ ] |bar'
          '- |foo'               => '- ¶- |foo'
          '-| foo'               => '- ¶- |foo'
          '- [x] |foo'           => '- [ ] ¶- [x] |foo'
          '1. |foo¶2. bar'       => '1. ¶2. |foo¶3. bar'
          '- |'                  => '|'
          '-|'                   => '|'
          '- a¶- |'              => '- a¶¶|'
          '1. a¶2. |'            => '1. a¶¶|'
          '- a¶- |¶- b'          => '- a¶¶|¶- b'
          '- a¶¶- |'             => '- a¶¶|'
          '> - a¶> - |'          => '> - a¶>¶> |'
          '- [ ] |'              => '|'
          '> - |'                => '> |'
          '- a¶  - |'            => '- a¶- |'
          '- a¶  - b¶    - |'    => '- a¶  - b¶  - |'
          'plain|'               => 'default'
          '|- a'                 => 'default'
          '* * *|'               => 'default'
          '  indented|'          => '  indented¶  |'
          '> quote|'             => '> quote¶> |'
          '> |'                  => '|'
          '> quote¶> |'          => '> quote¶¶|'
          '> quote¶>|'           => '> quote¶¶|'
          '> quote¶> |¶after'    => '> quote¶¶|¶after'
          '¶> |'                 => '¶|'
          '> > deep¶> > |'       => '> > deep¶>¶> |'
          '> > |'                => '> |'
          '```¶- a|¶```'         => 'default'
          '```¶  code|¶```'      => '```¶  code¶  |¶```'
          '```|'                 => 'default'
          '- a¶  ```¶  - x|¶  ```' => '- a¶  ```¶  - x¶  |¶  ```'
          '```¶```¶- a|'         => '```¶```¶- a¶- |'
          '- a|b|'               => 'default'
          """)
  void enter(String input, String expected) {
    assertThat(run(input, (o, a, c) -> o.enter(a, c, line -> false))).isEqualTo(expected);
  }

  /** Typing the last character of a closing fence on an indented line: {@code `} unless said. */
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          '```java¶  code¶  ``|'          => '```java¶  code¶```|'
          '```¶    code¶    ``|¶after'    => '```¶    code¶```|¶after'
          '```¶  code¶  ``| '             => '```¶  code¶```|'
          '- a¶  ```¶      x¶      ``|'   => '- a¶  ```¶      x¶  ```|'
          '> ```¶>   x¶>   ``|'           => '> ```¶>   x¶> ```|'
          '````¶  x¶  ``|'                => 'default'
          '````¶  x¶  ```|'               => '````¶  x¶````|'
          '```¶  x¶  ~~|'                 => 'default'
          '```¶x¶``|'                     => 'default'
          '```¶  x¶  ``| y'               => 'default'
          '```¶  x¶  `|`'                 => '```¶  x¶``|`'
          '  ``|'                         => 'default'
          '```¶```¶  ``|'                 => 'default'
          '```¶  x¶  `` |'                => 'default'
          """)
  void aClosingFenceGoesWhereTheOpeningIs(String input, String expected) {
    char c = input.contains("~~|") ? '~' : '`';
    assertThat(run(input, (o, a, caret) -> o.typed(c, a, caret))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          '- a|¶  - b¶- c'       => '- a¶  - b¶- |¶- c'
          '1. a|¶   - b¶2. c'    => '1. a¶   - b¶2. |¶3. c'
          '- a|¶  - b'           => '- a¶  - b¶- |'
          '- a| x¶  - b'         => '- a¶- |x¶  - b'
          """)
  void enterOnAFoldedItemGoesAfterItsChildren(String input, String expected) {
    assertThat(run(input, (o, a, c) -> o.enter(a, c, line -> line == 0))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          '- a¶- b|'             => '- a¶  - b|'
          '- a¶- |b'             => '- a¶  - |b'
          '- a¶|- b'             => '- a¶|  - b'
          '* a¶* b|'             => '* a¶  * b|'
          '1. a¶2. b|'           => '1. a¶   1. b|'
          '10. a¶11. b|'         => '10. a¶    1. b|'
          '1. a¶2. b|¶3. c'      => '1. a¶   1. b|¶2. c'
          '1. a¶   1. x¶2. b|'   => '1. a¶   1. x¶   2. b|'
          '- a¶- b|¶  - c¶- d'   => '- a¶  - b|¶    - c¶- d'
          '- a¶- b|¶¶  more¶- d' => '- a¶  - b|¶¶    more¶- d'
          '- a¶  - x¶- b|'       => '- a¶  - x¶  - b|'
          '- a¶- |b¶- c|'        => '- a¶  - |b¶  - c|'
          '- a¶- |b¶  - c|'      => '- a¶  - |b¶    - c|'
          '→- a¶→- b|'           => '→- a¶→→- b|'
          '- a¶→- b¶→- c|'       => '- a¶→- b¶→→- c|'
          '> - a¶> - b|'         => '> - a¶>   - b|'
          '- [ ] a¶- [ ] b|'     => '- [ ] a¶  - [ ] b|'
          '- a|'                 => '- a|'
          '- a¶  - b|'           => '- a¶  - b|'
          'text¶- a|'            => 'text¶- a|'
          'text|'                => 'default'
          '```¶- a¶- b|¶```'     => 'default'
          """)
  void indent(String input, String expected) {
    assertThat(run(input, Outliner::indent)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          '- a¶  - b|'           => '- a¶- b|'
          '- a¶  - |b'           => '- a¶- |b'
          '- a¶  - b|¶    - c'   => '- a¶- b|¶  - c'
          '- a¶  - b¶    - c|'   => '- a¶  - b¶  - c|'
          '1. a¶   1. b|'        => '1. a¶2. b|'
          '1. a¶   1. b|¶2. c'   => '1. a¶2. b|¶3. c'
          '- a¶→- b|'            => '- a¶- b|'
          '> - a¶>   - b|'       => '> - a¶> - b|'
          '- a¶  - |b¶  - c|'    => '- a¶- |b¶- c|'
          '- a|'                 => '- a|'
          'text|'                => 'default'
          '  text|'              => 'default'
          """)
  void outdent(String input, String expected) {
    assertThat(run(input, Outliner::outdent)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          '- a¶- b|'                     => '- b|¶- a'
          '- a¶- |b|'                    => '- |b|¶- a'
          '- a¶  - a1¶- b|¶  - b1'       => '- b|¶  - b1¶- a¶  - a1'
          '- a¶¶- b|'                    => '- b|¶¶- a'
          '- a¶  - x¶  - y|'             => '- a¶  - y|¶  - x'
          '- a¶  - x|'                   => '- a¶  - x|'
          '- a|'                         => '- a|'
          '1. a¶2. b|¶3. c'              => '1. b|¶2. a¶3. c'
          '> - a¶> - b|'                 => '> - b|¶> - a'
          '# A¶a¶¶# B|¶b'                => '# B|¶b¶¶# A¶a'
          '# A¶a¶¶# B|¶b¶'               => '# B|¶b¶¶# A¶a¶'
          '## A¶x¶### A1¶y¶## B|¶z'      => '## B|¶z¶## A¶x¶### A1¶y'
          '# P¶## A|¶x'                  => '# P¶## A|¶x'
          '## A¶```¶# no¶```¶## B|'      => '## B|¶## A¶```¶# no¶```'
          'one¶two|'                     => 'two|¶one'
          'one|'                         => 'one|'
          """)
  void moveUp(String input, String expected) {
    assertThat(run(input, Outliner::moveUp)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          '- a|¶- b'                     => '- b¶- a|'
          '- a|¶  - a1¶- b¶  - b1¶- c'   => '- b¶  - b1¶- a|¶  - a1¶- c'
          '- a|¶¶- b'                    => '- b¶¶- a|'
          '- a|¶- b|¶- c'                => '- c¶- a|¶- b|'
          '- |a¶- b|¶- c'                => '- c¶- |a¶- b|'
          '- a¶- b|'                     => '- a¶- b|'
          '- a|¶text'                    => '- a|¶text'
          '1. a|¶2. b'                   => '1. b¶2. a|'
          '## A|¶x¶### A1¶y¶## B¶z'      => '## B¶z¶## A|¶x¶### A1¶y'
          '## A|¶x¶# P'                  => '## A|¶x¶# P'
          'one|¶two'                     => 'two¶one|'
          """)
  void moveDown(String input, String expected) {
    assertThat(run(input, Outliner::moveDown)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          '- [ ] a|'                 => '- [x] a|'
          '- [x] a|'                 => '- [ ] a|'
          '- [X] a|'                 => '- [ ] a|'
          '- [ ]|'                   => '- [x]|'
          '1. [ ] a|'                => '1. [x] a|'
          '> - [ ] q|'               => '> - [x] q|'
          '- a|'                     => '- [ ] a|'
          '- |a'                     => '- [ ] |a'
          '|- a'                     => '|- [ ] a'
          '- [ ] |a¶- [x] b|'        => '- [x] |a¶- [x] b|'
          '- [x] |a¶- [x] b|'        => '- [ ] |a¶- [ ] b|'
          '- [x] |a¶- plain¶- [x] b|' => '- [ ] |a¶- plain¶- [ ] b|'
          'text|'                    => 'default'
          '```¶- [ ] a|¶```'         => 'default'
          """)
  void toggleTask(String input, String expected) {
    assertThat(run(input, Outliner::toggleTask)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          '- a|¶  - b¶  - c¶- d'     => '1-2'
          '- a|¶  - b¶¶  more¶¶- d'  => '1-3'
          '- a|¶- b'                 => 'none'
          '# A|¶x¶## B¶y¶# C'        => '1-3'
          '# A|¶x¶¶# C'              => '1-1'
          '# A|¶x¶```¶# no¶```¶# C'  => '1-4'
          '# A|'                     => 'none'
          'text|¶more'               => 'none'
          '```¶# not|¶```'           => 'none'
          """)
  void foldable(String input, String expected) {
    String text = input.replace("¶", "\n");
    int caret = text.indexOf('|');
    text = text.substring(0, caret) + text.substring(caret + 1);
    Lines lines = Lines.of(text);
    String got =
        new Outliner(lines)
            .foldable(lines.lineAt(caret))
            .map(r -> r[0] + "-" + r[1])
            .orElse("none");
    assertThat(got).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          '- a|¶  - b'               => 0
          '- a¶  - b|'               => 0
          '- a¶  - b¶    - c|¶- d'   => 1
          '- a¶  text|'              => 0
          '# A¶x¶- b|'               => 0
          '# A¶## B¶x|'              => 1
          '# A¶## B|'                => 0
          '# A¶## B¶- a¶  - b|'      => 2
          'text|'                    => none
          '- a|'                     => none
          """)
  void foldOwner(String input, String expected) {
    String text = input.replace("¶", "\n");
    int caret = text.indexOf('|');
    text = text.substring(0, caret) + text.substring(caret + 1);
    Lines lines = Lines.of(text);
    java.util.OptionalInt owner = new Outliner(lines).foldOwner(lines.lineAt(caret));
    assertThat(owner.isPresent() ? Integer.toString(owner.getAsInt()) : "none").isEqualTo(expected);
  }

  @Test
  void anEditIsTheSmallestReplacement() {
    Edit edit = new Outliner(Lines.of("- a\n- b\n- c")).indent(6, 6).orElseThrow();
    assertThat(edit.start()).isEqualTo(4);
    assertThat(edit.end()).isEqualTo(4);
    assertThat(edit.text()).isEqualTo("  ");
  }

  @Test
  void movingTellsWhereEachLineGoes() {
    Edit edit = new Outliner(Lines.of("- a\n  - a1\n- b\nend")).moveDown(0, 0).orElseThrow();
    assertThat(edit.applyTo("- a\n  - a1\n- b\nend")).isEqualTo("- b\n- a\n  - a1\nend");
    assertThat(edit.newLine().applyAsInt(0)).isEqualTo(1);
    assertThat(edit.newLine().applyAsInt(1)).isEqualTo(2);
    assertThat(edit.newLine().applyAsInt(2)).isEqualTo(0);
    assertThat(edit.newLine().applyAsInt(3)).isEqualTo(3);
  }

  @Test
  void enterShiftsTheLinesBelow() {
    Edit edit = new Outliner(Lines.of("- a\n- b")).enter(3, 3, l -> false).orElseThrow();
    assertThat(edit.newLine().applyAsInt(0)).isEqualTo(0);
    assertThat(edit.newLine().applyAsInt(1)).isEqualTo(2);
  }
}
