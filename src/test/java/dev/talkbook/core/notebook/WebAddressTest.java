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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://slides.example.org/fosdem-2015/1",
        "https://video.example.org/watch?v=258&t=1m2s#at-10",
        "http://example.org",
        "https://a.b-c.example/~me/(x)/it's;v=1,2:3@4$5+6*!?q=a/b?c#f?g/h",
        "https://example.org/a%20b%C3%BC"
      })
  void aPlainAddressIsTakenWithoutTheFullCheck(String address) {
    assertThat(WebAddress.plain(address)).isTrue();
    assertThat(WebAddress.checked(address)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://a.1/",
        "https://1/",
        "https://example.123",
        "https://-a.org/",
        "https://a-.org/",
        "https://a..org/",
        "https://.a.org/",
        "https://a.org./",
        "https://a.org:8080/",
        "https://u@a.org/",
        "https://a_b.org/",
        "https://127.0.0.1/",
        "https://[::1]/",
        "https://a.org/[x]",
        "https://a.org/#a#b",
        "https://a.org/100%",
        "https://a.org/%4",
        "https://a.org/%zz",
        "https://a.org/a b",
        "https://a.org/a|b",
        "https://a.org/ü",
        "https://例え.jp/",
        "HTTPS://EXAMPLE.ORG/",
        "https:/a.org",
        "https://",
        "https://?q",
        "javascript:alert(1)"
      })
  void anAddressOfAnyOtherFormGoesToTheFullCheck(String address) {
    assertThat(WebAddress.plain(address)).isFalse();
  }

  /**
   * The shortcut never takes what the rule refuses: random addresses over the characters where
   * either could go wrong (hosts of digits, hyphens and dots; brackets, '#', '%', '@', ':').
   */
  @org.junit.jupiter.api.Test
  void thePlainShortcutTakesNothingTheFullCheckRefuses() {
    java.util.Random random = new java.util.Random(20261206);
    String hostChars = "ab1-.-.";
    String restChars = "a1-._~!$&'()*+,;=:@/?#%[]{}|\\^` \"<>F0";
    int plain = 0;
    for (int k = 0; k < 200_000; k++) {
      StringBuilder b = new StringBuilder(random.nextBoolean() ? "https://" : "http://");
      int hostLength = random.nextInt(8);
      for (int i = 0; i < hostLength; i++) {
        b.append(hostChars.charAt(random.nextInt(hostChars.length())));
      }
      if (random.nextInt(4) > 0) {
        b.append(random.nextBoolean() ? '/' : '?');
        int restLength = random.nextInt(8);
        for (int i = 0; i < restLength; i++) {
          b.append(restChars.charAt(random.nextInt(restChars.length())));
        }
      }
      String address = b.toString();
      if (WebAddress.plain(address)) {
        plain++;
        assertThat(WebAddress.checked(address)).as(address).isNull();
      }
    }
    assertThat(plain).isGreaterThan(1_000);
  }
}
