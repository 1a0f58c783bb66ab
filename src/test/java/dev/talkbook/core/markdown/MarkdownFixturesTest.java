package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@code fixtures/NAME.md} renders to exactly {@code fixtures/NAME.html}. Run with {@code
 * -Dfixtures.write=true} to rewrite the expected files after a deliberate change (then read the
 * diff).
 */
class MarkdownFixturesTest {
  private static final String DIR = "/dev/talkbook/core/markdown/fixtures/";
  private static final Path SOURCE_DIR =
      Path.of("src/test/resources/dev/talkbook/core/markdown/fixtures");
  private static final MarkdownRenderer renderer = new MarkdownRenderer();

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(SOURCE_DIR)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".md"))
          .map(n -> n.substring(0, n.length() - 3))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void rendersAsExpected(String name) throws IOException {
    String html = renderer.render(read(name + ".md"));
    if (Boolean.getBoolean("fixtures.write")) {
      Files.writeString(SOURCE_DIR.resolve(name + ".html"), html);
    }
    assertThat(html).isEqualTo(read(name + ".html"));
  }

  private static String read(String name) throws IOException {
    try (InputStream in = MarkdownFixturesTest.class.getResourceAsStream(DIR + name)) {
      assertThat(in).as("fixture " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
