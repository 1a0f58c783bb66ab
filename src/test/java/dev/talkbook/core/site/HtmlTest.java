package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The HTML pieces the site and the live page share. */
class HtmlTest {
  private static String links(String slides, String video) {
    StringBuilder b = new StringBuilder();
    Html.talkLinks(b, slides, video);
    return b.toString();
  }

  @Test
  void aTalkWithoutLinksGetsNoList() {
    assertThat(links(null, null)).isEmpty();
  }

  @Test
  void slidesAndVideoAreLinksInThatOrderTheirAddressesEscaped() {
    assertThat(links("https://example.org/s?a=1&b=\"2\"", "https://example.org/v"))
        .isEqualTo(
            "<ul class=\"talk-links\"><li><a href=\"https://example.org/s?a=1&amp;b=&quot;2&quot;\">"
                + "Slides</a></li><li><a href=\"https://example.org/v\">Video</a></li></ul>\n");
    assertThat(links(null, "https://example.org/v"))
        .isEqualTo(
            "<ul class=\"talk-links\"><li><a href=\"https://example.org/v\">Video</a></li></ul>\n");
  }

  @Test
  void jsonStringsEscapeWhatJsonAndAScriptFileNeedAndNothingElse() {
    assertThat(Html.json("plain words, née 日本")).isEqualTo("\"plain words, née 日本\"");
    assertThat(Html.json("")).isEqualTo("\"\"");
    assertThat(Html.json("a\"b\\c\nd\re\tf</script>\u2028\u2029\u0001\u001f end"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u003c/script>\\u2028\\u2029\\u0001\\u001f end\"");
    assertThat(Html.json("<")).isEqualTo("\"\\u003c\"");
  }

  @Test
  void aPathIsPercentEncodedOutsideAsciiLettersAndDigits() {
    assertThat(Html.urlPath("events/2026-03-12-jvm/virtual-threads.html"))
        .isEqualTo("events/2026-03-12-jvm/virtual-threads.html");
    assertThat(Html.urlPath("events/e/日本語.html"))
        .isEqualTo("events/e/%E6%97%A5%E6%9C%AC%E8%AA%9E.html");
    assertThat(Html.urlPath("tags/über café#1?.html"))
        .isEqualTo("tags/%C3%BCber%20caf%C3%A9%231%3F.html");
  }
}
