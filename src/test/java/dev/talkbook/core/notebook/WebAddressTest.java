package dev.talkbook.core.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The links a talk keeps: absolute http(s) addresses with a host, nothing else. */
class WebAddressTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.org/slides.pdf",
        "http://example.org",
        "HTTPS://EXAMPLE.ORG/Talk?id=3#t=10",
        "https://[2001:db8::1]:8443/v"
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
        ""
      })
  void refusesEverythingElse(String address) {
    assertThat(WebAddress.valid(address)).isFalse();
  }
}
