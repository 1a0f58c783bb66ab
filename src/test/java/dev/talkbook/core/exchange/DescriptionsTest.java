package dev.talkbook.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTML in a programme's descriptions becomes Markdown that stays text; text stays as it is. */
class DescriptionsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Plain text, kept.                                           | Plain text, kept.
          Some *Markdown* and a [link](https://x.org)                 | Some *Markdown* and a [link](https://x.org)
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
          """)
  void turnsHtmlIntoSafeMarkdown(String html, String markdown) {
    assertThat(Descriptions.toMarkdown(html.replace("\\n", "\n")))
        .isEqualTo(markdown.replace("\\n", "\n"));
  }
}
