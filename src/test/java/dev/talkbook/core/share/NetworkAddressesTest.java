package dev.talkbook.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkAddressesTest {

  @ParameterizedTest
  @CsvSource({
    "fd00:0:0:0:0:0:0:2, fd00::2",
    "0:0:0:0:0:0:0:1, ::1",
    "0:0:0:0:0:0:0:0, ::",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
    "fe80:0:0:0:1:2:3:0, fe80::1:2:3:0"
  })
  void ipv6IsWrittenShortAsRfc5952Says(String full, String shortForm) {
    assertThat(NetworkAddresses.shortForm(full)).isEqualTo(shortForm);
  }

  @Test
  void aUrlsHostIsShortAndBracketedForIpv6AndAsItIsForIpv4() throws Exception {
    assertThat(NetworkAddresses.host(InetAddress.getByName("fd00:0:0:0:0:0:0:2")))
        .isEqualTo("[fd00::2]");
    assertThat(NetworkAddresses.host(InetAddress.getByName("::1"))).isEqualTo("[::1]");
    assertThat(NetworkAddresses.host(InetAddress.getByName("192.0.2.2"))).isEqualTo("192.0.2.2");
  }
}
