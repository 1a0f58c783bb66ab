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
 * Each {@code fixtures/NAME.md} renders to exactly {@code fixtures/NAME.html}; each {@code
 * page-fixtures/NAME.md}, as the notes of a talk titled {@value #PAGE_TITLE}, renders as a
 * published page to exactly {@code page-fixtures/NAME.html} (the notes' HTML, then the headings).
 * Run with {@code -Dfixtures.write=true} to rewrite the expected files after a deliberate change
 * (then read the diff).
 */
class MarkdownFixturesTest {
  private static final String DIR = "/dev/talkbook/core/markdown/fixtures/";
  private static final Path SOURCE_DIR =
      Path.of("src/test/resources/dev/talkbook/core/markdown/fixtures");
  private static final String PAGE_DIR = "/dev/talkbook/core/markdown/page-fixtures/";
  private static final Path PAGE_SOURCE_DIR =
      Path.of("src/test/resources/dev/talkbook/core/markdown/page-fixtures");
  static final String PAGE_TITLE = "Don't fear C++ & <T> = \"@nnotations\"";
  private static final MarkdownRenderer renderer = new MarkdownRenderer();

  static Stream<String> fixtures() throws IOException {
    return names(SOURCE_DIR);
  }

  static Stream<String> pageFixtures() throws IOException {
    return names(PAGE_SOURCE_DIR);
  }

  private static Stream<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
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

  @ParameterizedTest
  @MethodSource("pageFixtures")
  void rendersAsAPageAsExpected(String name) throws IOException {
    NotePage page =
        renderer.renderPage(
            read(PAGE_DIR, name + ".md"), r -> java.util.Optional.empty(), PAGE_TITLE);
    StringBuilder out = new StringBuilder(page.html()).append("<!-- headings -->\n");
    for (NotePage.Heading h : page.headings()) {
      out.append(h.level()).append(' ').append(h.id()).append(' ').append(h.html()).append('\n');
    }
    if (Boolean.getBoolean("fixtures.write")) {
      Files.writeString(PAGE_SOURCE_DIR.resolve(name + ".html"), out);
    }
    assertThat(out.toString()).isEqualTo(read(PAGE_DIR, name + ".html"));
  }

  private static String read(String name) throws IOException {
    return read(DIR, name);
  }

  private static String read(String dir, String name) throws IOException {
    try (InputStream in = MarkdownFixturesTest.class.getResourceAsStream(dir + name)) {
      assertThat(in).as("fixture " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
