package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * In a C or POSIX locale (LANG unset: containers, cron, ssh without a locale) the JVM reads the
 * arguments as ASCII and turns each byte of "é" into "\uFFFD", so {@code talkbook event add "Café
 * Conf"} was refused as "not US-ASCII text". The arguments' own bytes, from the process's command
 * line, are taken where they are UTF-8; bytes that are not UTF-8 are still refused.
 */
class ReadableArgumentsTest {
  private static final Charset ASCII = StandardCharsets.US_ASCII;

  /** The command line as Linux keeps it: each argument's bytes, each ended by a NUL. */
  private static byte[] cmdline(byte[]... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] a : args) {
      out.writeBytes(a);
      out.write(0);
    }
    return out.toByteArray();
  }

  private static String asTheJvmReadIt(byte[] bytes) {
    return new String(bytes, ASCII);
  }

  @Test
  void utf8ArgumentsReadInACLocaleAreTakenFromTheirBytes() {
    byte[] title = "Café Conf".getBytes(StandardCharsets.UTF_8);
    String[] args = {"event", "add", asTheJvmReadIt(title)};
    assertThat(args[2]).contains("\uFFFD");
    byte[] line =
        cmdline(
            "/opt/talkbook/bin/talkbook".getBytes(ASCII),
            "event".getBytes(ASCII),
            "add".getBytes(ASCII),
            title);

    assertThat(Values.readableArguments(args, line, ASCII))
        .containsExactly("event", "add", "Café Conf");
  }

  @Test
  void bytesThatAreNotUtf8StayUnreadableAndAreRefusedLater() {
    byte[] bad = {'b', 'a', 'd', (byte) 0xff};
    String[] args = {"event", "add", asTheJvmReadIt(bad)};
    byte[] line =
        cmdline("java".getBytes(ASCII), "event".getBytes(ASCII), "add".getBytes(ASCII), bad);

    assertThat(Values.readableArguments(args, line, ASCII)).containsExactly(args);
  }

  @Test
  void aCommandLineThatDoesNotMatchTheArgumentsChangesNothing() {
    byte[] title = "Café".getBytes(StandardCharsets.UTF_8);
    String[] args = {"tag", "rename", "x", asTheJvmReadIt(title)};
    byte[] other = cmdline("java".getBytes(ASCII), "Naïve".getBytes(StandardCharsets.UTF_8));

    assertThat(Values.readableArguments(args, other, ASCII)).containsExactly(args);
    assertThat(
            Values.readableArguments(
                args,
                cmdline(
                    "tag".getBytes(ASCII),
                    "rename".getBytes(ASCII),
                    "x".getBytes(ASCII),
                    "Naïv".getBytes(StandardCharsets.UTF_8)),
                ASCII))
        .as("another argument's bytes in its place")
        .containsExactly(args);
  }
}
