package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hugo's TOML front matter read as the same plain data as the YAML one. */
class TomlFrontMatterTest {

  @Test
  void hugosUsualFrontMatterIsRead() {
    Map<String, Object> data =
        TomlFrontMatter.parse(
            """
            # made by hugo new
            title = "Virtual threads: \\"in practice\\""
            date = 2026-05-01T10:00:00+02:00
            lastmod = 2026-05-02
            draft = false
            weight = 3
            ratio = 1.5
            tags = ["java", 'loom']
            authors = [
              "Ada",   # the first
              "Grace",
            ]
            [params]
              room = "Saal 1"
              video.url = 'https://example.org/v'
            """,
            2);
    assertThat(data)
        .containsEntry("title", "Virtual threads: \"in practice\"")
        .containsEntry("date", "2026-05-01T10:00:00+02:00")
        .containsEntry("lastmod", "2026-05-02")
        .containsEntry("draft", false)
        .containsEntry("weight", 3L)
        .containsEntry("ratio", 1.5)
        .containsEntry("tags", List.of("java", "loom"))
        .containsEntry("authors", List.of("Ada", "Grace"))
        .containsEntry(
            "params", Map.of("room", "Saal 1", "video", Map.of("url", "https://example.org/v")));
  }

  @Test
  void multiLineStringsInlineTablesAndArraysOfTablesAreRead() {
    Map<String, Object> data =
        TomlFrontMatter.parse(
            """
            summary = \"\"\"
            First line.
            Second line.\"\"\"
            path = '''C:\\notes\\talk'''
            "quoted key" = { a = 1, b = "two" }
            when = 1979-05-27 07:32:00Z
            [[resources]]
            src = "a.png"
            [[resources]]
            src = "b.png"
            """,
            2);
    assertThat(data)
        .containsEntry("summary", "First line.\nSecond line.")
        .containsEntry("path", "C:\\notes\\talk")
        .containsEntry("quoted key", Map.of("a", 1L, "b", "two"))
        // TOML's space between date and time comes back as its equivalent T: the same talk time
        .containsEntry("when", "1979-05-27T07:32:00Z")
        .containsEntry("resources", List.of(Map.of("src", "a.png"), Map.of("src", "b.png")));
    assertThat(MarkdownImporter.dateTime((String) data.get("when"), "when"))
        .isEqualTo(MarkdownImporter.dateTime("1979-05-27 07:32:00Z", "when"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          title = Unquoted text             | line 2, column 9: Unknown token near "Unquoted text"
          title = "no end                   | line 2
          tags = ["a", "b"                  | line 2
          title = "a"\\ntitle = "b"           | line 3, column 12: Duplicate key in "title = \"b\""
          = "no key"                        | line 2, column 1:
          title "no equals"                 | line 2, column 6: Unknown token near "\"no equals\""
          """)
  void aMistakeIsSaidWithItsLine(String toml, String message) {
    assertThatThrownBy(() -> TomlFrontMatter.parse(toml.replace("\\n", "\n"), 2))
        .isInstanceOf(SiteException.class)
        .hasMessageStartingWith("invalid front matter (TOML): " + message);
  }

  @Test
  void aMistakeLowerDownNamesItsLineInTheFile() {
    assertThatThrownBy(
            () -> FrontMatter.parse("+++\ntitle = \"a\"\n\ndraft = nope\n+++\nbody\n", true))
        .isInstanceOf(SiteException.class)
        .hasMessageStartingWith("invalid front matter (TOML): line 4, column 9: ");
  }

  @Test
  void deepNestingIsAMistakeNotACrash() {
    String deep = "a = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
    assertThatThrownBy(() -> TomlFrontMatter.parse(deep, 2))
        .isInstanceOf(SiteException.class)
        .hasMessageStartingWith("invalid front matter (TOML): ");
  }

  @Test
  void datesAndTimesStayText() {
    Map<String, Object> data =
        TomlFrontMatter.parse(
            "local = 1979-05-27T07:32:00\nday = 1979-05-27\nclock = 07:32:00\n"
                + "offset = 1979-05-27T00:32:00.999999-07:00\n",
            2);
    assertThat(data)
        .containsEntry("local", "1979-05-27T07:32:00")
        .containsEntry("day", "1979-05-27")
        .containsEntry("clock", "07:32:00")
        .containsEntry("offset", "1979-05-27T00:32:00.999999-07:00");
  }

  @Test
  void numbersAreLongBigIntegerOrDouble() {
    String toml = "small = 3\nlarge = 12345678901234567890\nratio = 0.25\nhex = 0xff\n";
    assertThat(TomlFrontMatter.parse(toml, 2))
        .containsExactly(
            Map.entry("small", 3L),
            Map.entry("large", new java.math.BigInteger("12345678901234567890")),
            Map.entry("ratio", 0.25),
            Map.entry("hex", 255L));
  }

  @Test
  void aFileWithPlusesIsReadAsTomlOnlyWhenImported() {
    String file = "+++\ntitle = \"TOML front matter\"\ntags = [\"toml\"]\n+++\nTOML body\n";
    FrontMatter.Parsed imported = FrontMatter.parse(file, true);
    assertThat(imported.data())
        .containsEntry("title", "TOML front matter")
        .containsEntry("tags", List.of("toml"));
    assertThat(imported.body()).isEqualTo("TOML body\n");
    // notes in the notebook: a +++ line is text
    assertThat(FrontMatter.parse(file).body()).isEqualTo(file);
    assertThatThrownBy(() -> FrontMatter.parse("+++\ntitle = \"x\"\nbody\n", true))
        .isInstanceOf(SiteException.class)
        .hasMessage("the front matter starts with +++ but has no closing +++ line");
  }
}
