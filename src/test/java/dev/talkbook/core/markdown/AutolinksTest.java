package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Autolinks} makes exactly the links commonmark's own autolink extension makes. */
class AutolinksTest {
  private static final List<Extension> OTHERS =
      List.of(TablesExtension.create(), StrikethroughExtension.create());

  private static String html(Extension autolinks, String markdown) {
    List<Extension> extensions = new java.util.ArrayList<>(OTHERS);
    extensions.add(autolinks);
    Parser parser =
        Parser.builder()
            .extensions(extensions)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    return HtmlRenderer.builder().extensions(extensions).build().render(parser.parse(markdown));
  }

  private static void sameAsCommonmark(String markdown) {
    assertThat(html(Autolinks.create(), markdown))
        .as("autolinks in %s", markdown)
        .isEqualTo(html(AutolinkExtension.create(), markdown));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "See https://example.org/a_(b) and http://x.y/z?q=1#f.",
        "Mail me@example.org, or me@localhost, or a@b.c.",
        "www.example.org and WWW.example.org and www.x and wwwwww.example.org.",
        "Visit www.commonmark.org/help for more information.",
        "[a link with https://inside.example](https://outer.example) then https://after.example",
        "*emphasised https://example.org/x* and `code https://no.example`",
        "ftp://files.example and javascript:alert(1) and mailto:me@example.org",
        "| a | b |\n|---|---|\n| https://cell.example | www.cell.example |",
        "~~https://struck.example~~ and trailing https://example.org/).",
        "no links here: just a colon, an @ alone and the word www without a dot",
        "Speaker: Ada. Time: 10:30, see: https://example.org/a:b and x:/y and z:// alone",
        "plain text with nothing special in it at all"
      })
  void makesTheLinksCommonmarksExtensionMakes(String markdown) {
    sameAsCommonmark(markdown);
  }

  @Test
  void makesTheSameLinksInRandomText() {
    String[] pieces = {
      "a", "w", "ww", "www", ".", ":", "/", "//", "@", "http", "https", "mailto", "example", "org",
      " ", "\n", "*", "_", "[", "]", "(", ")", "<", ">", "`", "é", "-", "?", "#", "www.", "x@y.z"
    };
    Random random = new Random(20261202L);
    for (int round = 0; round < 2000; round++) {
      StringBuilder markdown = new StringBuilder();
      int n = random.nextInt(40);
      for (int i = 0; i < n; i++) {
        markdown.append(pieces[random.nextInt(pieces.length)]);
      }
      sameAsCommonmark(markdown.toString());
    }
  }

  @Test
  void textThatCannotHoldALinkIsTold() {
    assertThat(Autolinks.mayHoldLink("a plain sentence, with words")).isFalse();
    assertThat(Autolinks.mayHoldLink("see https")).isFalse();
    assertThat(Autolinks.mayHoldLink("see https://x")).isTrue();
    assertThat(Autolinks.mayHoldLink("me@x.org")).isTrue();
    assertThat(Autolinks.mayHoldLink("go to www.x.org")).isTrue();
    // a colon alone is no URL: the URL scanner needs "://"
    assertThat(Autolinks.mayHoldLink("Speaker: Ada Lovelace. Notes: none")).isFalse();
    assertThat(Autolinks.mayHoldLink("mailto:x and a:/b")).isFalse();
    assertThat(Autolinks.mayHoldLink("x://")).isTrue();
    assertThat(Autolinks.mayHoldLink("www.")).isTrue();
    assertThat(Autolinks.mayHoldLink("ww.w.x and x:/")).isFalse();
  }

  /** The one pass says what the three searches it replaced said. */
  @Test
  void mayHoldLinkAgreesWithTheThreeSearches() {
    String[] pieces = {"a", "w", "ww", "www", ".", ":", "/", "//", "@", " ", "x"};
    java.util.Random random = new java.util.Random(20261207L);
    for (int round = 0; round < 50_000; round++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(10); i > 0; i--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      assertThat(Autolinks.mayHoldLink(text))
          .as(text)
          .isEqualTo(
              text.indexOf('@') >= 0 || text.indexOf("://") >= 0 || text.indexOf("www.") >= 0);
    }
  }
}
