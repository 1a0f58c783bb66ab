package dev.talkbook.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkSchemeTest {
  @ParameterizedTest
  @CsvSource({
    "youtu.be/abc123, https://youtu.be/abc123",
    "www.example.com/s, https://www.example.com/s",
    "'  example.org  ', https://example.org",
    "localhost:8080/slides, https://localhost:8080/slides",
    "speakerdeck.com/ada/talk?x=1#p2, https://speakerdeck.com/ada/talk?x=1#p2"
  })
  void aHostWithoutSchemeGetsHttps(String typed, String link) {
    assertThat(LinkScheme.withScheme(typed)).isEqualTo(link);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "see the recording",
        "ftp://x.org/a",
        "mailto:a@b.org",
        "1.2",
        "abc",
        "youtu.be/a b",
        "-x.com"
      })
  void anythingElseIsLeftAsItIs(String typed) {
    assertThat(LinkScheme.withScheme(typed)).isNull();
  }
}
