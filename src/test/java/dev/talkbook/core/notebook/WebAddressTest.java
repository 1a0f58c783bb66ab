package dev.talkbook.core.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The links a talk keeps: absolute http(s) addresses with a host, nothing else. */
class WebAddressTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.org/slides.pdf",
        "http://example.org",
        "HTTPS://EXAMPLE.ORG/Talk?id=3#t=10",
        "https://[2001:db8::1]:8443/v",
        "https://例え.jp/",
        "https://user@bücher.example:8443/straße?q=ü#äh",
        "https://example.org/a%20b"
      })
  void acceptsWebAddresses(String address) {
    assertThat(WebAddress.valid(address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "file:///etc/passwd",
        "//example.org/x.png",
        "example.org/slides",
        "http:/no-host",
        "https://",
        "ftp://example.org/x",
        "https://exa mple.org",
        "https://例え..jp/",
        ""
      })
  void refusesEverythingElse(String address) {
    assertThat(WebAddress.valid(address)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '¦',
      value = {
        "ftp://example.org/x                  ¦ it must start with http:// or https://",
        "example.org/slides                   ¦ it must start with http:// or https://",
        "https://                             ¦ it has no host name after https://",
        "http:/no-host                        ¦ it has no host name after http://",
        "'https://example.org/my slides.pdf'  ¦ it holds a space, which an address cannot; write it"
            + " as %20",
        "https://example.org/?a=1|2           ¦ it holds \"|\", which is not allowed in a web"
            + " address; write it as %7C",
        "https://example.org/100%             ¦ a \"%\" that is not followed by two hex digits",
        "https://例え..jp/                     ¦ its host name is not one a web address can have",
      })
  void saysWhatIsWrongWithAnAddress(String address, String problem) {
    assertThat(WebAddress.problem(address)).contains(problem);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '¦',
      value = {
        "https://例え.jp/schedule.json            ¦ https://xn--r8jz45g.jp/schedule.json",
        "https://user@bücher.example:8443/straße?q=ü ¦ https://user@xn--bcher-kva.example:8443/stra%C3%9Fe?q=%C3%BC",
        "https://example.org/a%20b               ¦ https://example.org/a%20b",
        "https://[2001:db8::1]:8443/v            ¦ https://[2001:db8::1]:8443/v",
      })
  void opensAnAddressWithItsHostInAsciiForm(String address, String uri) {
    assertThat(WebAddress.toUri(address)).hasToString(uri);
    assertThat(WebAddress.toUri(address).getHost()).isNotNull();
  }

  @org.junit.jupiter.api.Test
  void refusesToOpenANonAddressSayingWhy() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebAddress.toUri("https://例え..jp/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("its host name is not one a web address can have");
  }
}
