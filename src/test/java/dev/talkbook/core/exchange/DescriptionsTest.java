package dev.talkbook.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HTML in a programme's descriptions becomes Markdown that stays text; Markdown stays as written,
 * what only looks like a tag in it made text; plain text is escaped to show as written.
 */
class DescriptionsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          <p>One</p><p>Two</p>                                        | One\\n\\nTwo
          <p>Line<br>break</p>                                        | Line  \\nbreak
          <b>bold</b> <i>it</i> <code>x()</code>                      | **bold** *it* `x()`
          <ol><li>a</li><li>b<ul><li>c</li></ul></li></ol>            | 1. a\\n2. b\\n  - c
          <a href="https://ok.org/a(b)">ok</a>                        | [ok](https://ok.org/a%28b%29)
          <a href="javascript:alert(1)">click</a>                     | click
          <a href="data:text/html,x">data</a>                         | data
          <script>alert(1)</script><style>p{}</style>visible          | visible
          <img src="https://t.org/p.gif" onerror="alert(1)">after     | after
          <iframe src="https://evil.org"></iframe><p>x</p>            | x
          <p>&lt;script&gt;alert(1)&lt;/script&gt; 2*3</p>            | \\<script\\>alert(1)\\</script\\> 2\\*3
          <p># not a heading</p><p>1. not a list</p>                  | \\# not a heading\\n\\n1\\. not a list
          <h2>Title</h2><p>text</p>                                   | **Title**\\n\\ntext
          <blockquote><p>quoted</p></blockquote>                      | > quoted
          <pre>int x = 1;\\n  y();</pre>                              | ```\\nint x = 1;\\n  y();\\n```
          <span onclick="x()">just</span> <font color=red>text</font> | just text
          <p>Use List<String> and <interop> &amp; <b>this</b></p>     | Use List\\<String\\> and \\<interop\\> & **this**
          <p>a <Map<K, V>> b</p><p>x < y, &amp;amp; ~~no~~</p>       | a \\<Map\\<K, V\\>\\> b\\n\\nx \\< y, \\&amp; \\~\\~no\\~\\~
          <p>Optional<Object> and <B>bold</B> are not List<B></p>    | Optional\\<Object\\> and **bold** are not List\\<B\\>
          """)
  void turnsHtmlIntoSafeMarkdown(String html, String markdown) {
    assertThat(Descriptions.fromHtml(html.replace("\\n", "\n")))
        .isEqualTo(markdown.replace("\\n", "\n"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Plain text, kept.                                 | Plain text, kept.
          Some *Markdown* and a [link](https://x.org)       | Some *Markdown* and a [link](https://x.org)
          **bold**\\n\\nTwo paragraphs\\nand a soft break   | **bold**\\n\\nTwo paragraphs\\nand a soft break
          Use List<String> or Optional<T>.                  | Use List\\<String> or Optional\\<T>.
          A <b>tag</b>, <em>one</em><br>and a <!-- note --> | A <b>tag</b>, <em>one</em><br>and a <!-- note -->
          List<B> is a type, <B>this</B> is bold            | List\\<B> is a type, <B>this</B> is bold
          <interop>\\nis a word                             | \\<interop>\\nis a word
          <?php echo 1; ?> and <!DOCTYPE x>                 | \\<?php echo 1; ?> and \\<!DOCTYPE x>
          `List<String>` in code stays                      | `List<String>` in code stays
          ```\\nMap<K, V> m;\\n```                          | ```\\nMap<K, V> m;\\n```
          Intro\\n\\n<div>\\nList<String> in a block\\n</div>      | Intro\\n\\n<div>\\nList&lt;String> in a block\\n</div>
          \\<interop> escaped already                       | \\<interop> escaped already
          a \\\\<interop> after an escaped backslash       | a \\\\\\<interop> after an escaped backslash
          Pair<A, B>, Optional<Object>, <Map<K, V>>         | Pair<A, B>, Optional\\<Object>, <Map<K, V>>
          A <x a="<y>"> b                                   | A \\<x a="\\<y>"> b
          <p>An <b>HTML</b> description</p><p>Two</p>      | An **HTML** description\\n\\nTwo
          """)
  void keepsMarkdownAsWrittenWithWhatIsNotATagAsText(String markdown, String kept) {
    assertThat(Descriptions.fromMarkdown(markdown.replace("\\n", "\n")))
        .isEqualTo(kept.replace("\\n", "\n"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Plain text, kept.                                   | Plain text, kept.
          **not bold** _nor this_ `nor code`                  | \\*\\*not bold\\*\\* \\_nor this\\_ \\`nor code\\`
          List<String> & <b>as typed</b>                      | List\\<String\\> & \\<b\\>as typed\\</b\\>
          One\\nline each\\n\\n\\nNew paragraph               | One  \\nline each\\n\\nNew paragraph
          # no heading\\n- no list\\n1. no list\\n---         | \\# no heading  \\n\\- no list  \\n1\\. no list  \\n\\---
          > no quote, [no](link), &amp; ~~no~~                | \\> no quote, \\[no\\](link), \\&amp; \\~\\~no\\~\\~
          <p>Sched's <b>HTML</b>&nbsp;stays HTML<br>here</p>  | Sched's **HTML** stays HTML  \\nhere
          """)
  void showsPlainTextAsWritten(String text, String markdown) {
    assertThat(Descriptions.fromPlainText(text.replace("\\n", "\n")))
        .isEqualTo(markdown.replace("\\n", "\n"));
  }

  @Test
  @Timeout(10)
  void aLargeDescriptionFullOfWhatLooksLikeTagsIsReadQuickly() {
    String many = "<interop> <a b c d <Map<K, V>> *x* <b>y</b>\n".repeat(1_000);
    String markdown = Descriptions.fromMarkdown(many);
    assertThat(markdown).doesNotContain(" <interop>").contains("\\<interop>", "<b>y</b>");
    assertThat(Descriptions.fromPlainText(many)).contains("\\<interop\\>");
    assertThat(Descriptions.fromHtml("<p>" + many + "</p>")).contains("\\<interop\\>");
  }
}
