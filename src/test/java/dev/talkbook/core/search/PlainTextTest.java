package dev.talkbook.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** In the tables, {@code ¶} is a line break. */
class PlainTextTest {
  private static String plain(String markdown) {
    return PlainText.of(markdown.replace("¶", "\n")).replace("\n", "¶");
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          '## Key points'                          => 'Key points'
          '# Title #'                              => 'Title'
          '#hashtag'                               => '#hashtag'
          '- one¶  - two¶* three¶+ four'           => 'one¶· two¶· three¶· four'
          '1. first¶2) second'                     => 'first¶· second'
          '- [ ] open¶- [x] done'                  => 'open¶· done'
          '> quoted¶> > deeper'                    => 'quoted¶deeper'
          '## Head¶text¶more¶- item¶lazy'      => 'Head¶· text¶more¶· item¶lazy'
          'para¶¶- item'                          => 'para¶· item'
          '> - quoted item'                        => 'quoted item'
          '**bold**, *em*, __strong__, ~~gone~~'   => 'bold, em, strong, gone'
          'snake_case stays, ~5 minutes'           => 'snake_case stays, ~5 minutes'
          'use `a*b` and ``x`y``'                  => 'use a*b and x`y'
          'see [JEP 444](https://openjdk.org/jeps/444)' => 'see JEP 444'
          '![a diagram](attachment:abc/d.png)'     => 'a diagram'
          '[ref link][1] and <https://example.org>' => 'ref link and https://example.org'
          '[1]: https://example.org'               => ''
          'not a [link] here'                      => 'not a [link] here'
          'escaped \\*stars\\*'                    => 'escaped *stars*'
          'text¶---¶more'                          => 'text¶· more'
          'Title¶====='                            => 'Title'
          'a¶¶b'                                   => 'a¶· b'
          """)
  void removesTheSyntaxAndKeepsTheWords(String markdown, String expected) {
    assertThat(plain(markdown)).isEqualTo(expected);
  }

  @Test
  void fenceLinesGoAndCodeStaysAsWritten() {
    assertThat(plain("before¶```java¶var x = a * b;¶```¶after"))
        .isEqualTo("before¶· var x = a * b;¶· after");
    assertThat(plain("~~~¶# not a heading¶~~~")).isEqualTo("# not a heading");
    assertThat(plain("````¶```¶inner¶````¶out")).isEqualTo("```¶inner¶· out");
  }

  @Test
  void tablesBecomeCellsWithoutPipes() {
    assertThat(plain("| Tool | Use |¶|------|:---:|¶| jshell | REPL |¶| jfr | profiling |¶after"))
        .isEqualTo("Tool · Use¶· jshell · REPL¶· jfr · profiling¶· after");
    assertThat(plain("a | b¶--|--¶1 | 2")).isEqualTo("a · b¶· 1 · 2");
  }

  @Test
  void plainTextIsUnchanged() {
    assertThat(PlainText.of("Just words, and more words.\nSecond line."))
        .isEqualTo("Just words, and more words.\nSecond line.");
    assertThat(PlainText.of("")).isEmpty();
  }

  @Test
  @Timeout(30) // a guard against super-linear work, not a timing
  void aHugeNoteIsQuick() {
    String line = "- **item** with [a link](https://example.org) and `code` | x\n";
    assertThat(PlainText.of(line.repeat(200_000)))
        .startsWith("item with a link and code | x\n· item with");
  }
}
