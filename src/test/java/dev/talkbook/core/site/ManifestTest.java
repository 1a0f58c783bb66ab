package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading an export folder's manifest: what a newer Talkbook added is skipped, damage is not. */
class ManifestTest {
  private static final String HEADER = "talkbook-site-manifest 1\n";
  private static final String PAGE = "index.html\t120\tc:0123456789abcdef\tfp1\n";
  private static final String TALK =
      "events/e/t.html\t300\tc:fedcba9876543210\tfp2\tattachments/ab.png\n";

  @TempDir Path folder;

  private Manifest read(String text) throws IOException {
    Files.writeString(folder.resolve(Manifest.NAME), text, StandardCharsets.UTF_8);
    return Manifest.read(folder);
  }

  @Test
  void aSettingANewerTalkbookWroteIsSkippedAndTheRestKept() throws IOException {
    // as an older Talkbook met the site-id line: an unknown setting right after the header
    Manifest m =
        read(
            HEADER
                + "feed-style compact\n"
                + "site-id urn:talkbook:site:my-talks\n"
                + PAGE
                + "theme dark\n"
                + TALK);

    assertThat(m.siteId()).isEqualTo("urn:talkbook:site:my-talks");
    assertThat(m.entries()).containsOnlyKeys("index.html", "events/e/t.html");
    assertThat(m.get("events/e/t.html"))
        .isEqualTo(
            new Manifest.Entry(300, "c:fedcba9876543210", "fp2", List.of("attachments/ab.png")));
  }

  @Test
  void whatItWritesItReadsBack() throws IOException {
    Manifest m = read(HEADER + "site-id urn:talkbook:site:x\n" + PAGE + TALK);

    assertThat(new String(m.bytes(), StandardCharsets.UTF_8))
        .isEqualTo(HEADER + "site-id urn:talkbook:site:x\n" + TALK + PAGE);
  }

  @Test
  void eventAndTalkLinesAreReadAndWrittenBack() throws IOException {
    String lines = "event 3 events/e/index.html\ntalk 7 events/e/t.html\n";
    Manifest m = read(HEADER + lines + PAGE + TALK);

    assertThat(m.events()).containsExactly(java.util.Map.entry("events/e/index.html", 3L));
    assertThat(m.talks()).containsExactly(java.util.Map.entry("events/e/t.html", 7L));
    assertThat(new String(m.bytes(), StandardCharsets.UTF_8))
        .isEqualTo(HEADER + lines + TALK + PAGE);
    String site = "title Polyglot+%26+co\nbase-url https://example.org/t/\n";
    Manifest titled = read(HEADER + "site-id urn:x\n" + site + PAGE);
    assertThat(titled.title()).isEqualTo("Polyglot & co");
    assertThat(titled.baseUrl()).isEqualTo("https://example.org/t/");
    assertThat(new String(titled.bytes(), StandardCharsets.UTF_8))
        .isEqualTo(HEADER + "site-id urn:x\n" + site + PAGE);
    // one written before there were event lines has none
    assertThat(read(HEADER + "talk 7 events/e/t.html\n" + PAGE).events()).isEmpty();
  }

  @Test
  void talkLinesAreWrittenSortedWhetherOrNotEachHasAnEntry() throws IOException {
    String talks =
        "talk 4 events/e/a.html\ntalk 2 events/e/b.html\ntalk 9 events/e/c.html\n"
            + "talk 1 events/f/a.html\n";
    String b = "events/e/b.html\t1\tc:0123456789abcdef\tfp\n";
    String c = "events/e/c.html\t2\tc:0123456789abcdef\tfp\n";
    // every talk path a file (picked from the files' order), and not (sorted on their own)
    String all = "talk 2 events/e/b.html\ntalk 9 events/e/c.html\n";
    assertThat(new String(read(HEADER + all + c + PAGE + b).bytes(), StandardCharsets.UTF_8))
        .isEqualTo(HEADER + all + b + c + PAGE);
    assertThat(new String(read(HEADER + talks + c + PAGE + b).bytes(), StandardCharsets.UTF_8))
        .isEqualTo(HEADER + talks + b + c + PAGE);
  }

  @Test
  void tagLinesAreReadAndWrittenBackAfterTheEventsBeforeTheTalks() throws IOException {
    String lines =
        "event 3 events/e/index.html\n"
            + "tag Java+streams tags/java-streams.html\n"
            + "tag %E6%97%A5%E6%9C%AC%E8%AA%9E tags/u65e5-u672c-u8a9e.html\n"
            + "talk 7 events/e/t.html\n";
    Manifest m = read(HEADER + "title T\n" + lines + PAGE + TALK);

    assertThat(m.tags())
        .containsOnly(
            java.util.Map.entry("tags/u65e5-u672c-u8a9e.html", "日本語"),
            java.util.Map.entry("tags/java-streams.html", "Java streams"));
    assertThat(new String(m.bytes(), StandardCharsets.UTF_8))
        .isEqualTo(HEADER + "title T\n" + lines + TALK + PAGE);
    // the settings end where the pages' lines start, tag lines too
    Files.writeString(
        folder.resolve(Manifest.NAME),
        HEADER + "title T\n" + "tag x tags/x.html\n" + "title Later\n" + PAGE);
    assertThat(Manifest.readSettings(folder).title()).isEqualTo("T");
    // one written before there were tag lines has none; a damaged one is named
    assertThat(read(HEADER + "talk 7 events/e/t.html\n" + PAGE).tags()).isEmpty();
    for (String bad : new String[] {"tag x", "tag %zz tags/x.html"}) {
      assertThatThrownBy(() -> read(HEADER + PAGE + bad + "\n"))
          .isInstanceOf(SiteException.class)
          .hasMessageContaining("is damaged at line 3");
    }
  }

  @Test
  void thePagesMissingImagesAreKeptWithTheirEntries() throws IOException {
    String missing =
        "missing-image events/e/t.html diagram.png\n"
            + "missing-image events/e/t.html my+pic%0A%25.png\n";
    Manifest m = read(HEADER + missing + PAGE + TALK);

    assertThat(m.get("events/e/t.html").missing()).containsExactly("diagram.png", "my pic\n%.png");
    assertThat(m.get("index.html").missing()).isEmpty();
    assertThat(new String(m.bytes(), StandardCharsets.UTF_8))
        .isEqualTo(HEADER + missing + TALK + PAGE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "missing-image events/e/t.html", // no name
        "missing-image events/e/t.html %zz", // not URL-encoded
        "index.html\t120\tc:0123", // cut short after a tab
        "events/e/t.ht", // cut short before the first tab
        "index.html\tmany\tc:0123456789abcdef\tfp1", // a size that is no number
        "index.html\t120\tc:01\tfp\tuses\textra", // too many fields
        "site-id ", // a site id without its value
        "site-id urn:a\tb", // a tab in a setting
        "Site-Id urn:x", // not a setting's name
        "", // an empty line
      })
  void aDamagedLineIsReportedWithItsNumber(String line) {
    assertThatThrownBy(() -> read(HEADER + PAGE + line + "\n" + TALK))
        .isInstanceOf(SiteException.class)
        .hasMessageContaining("is damaged at line 3; remove it to export afresh.");
  }

  @Test
  void aFilesLineWithABadHashIsStillThatFilesLine() throws IOException {
    // Not a setting to skip: the file stays the export's own, and is made again (its bytes do not
    // match the hash, as for a page edited by hand).
    Manifest m = read(HEADER + "index.html\t120\tnot a hash\tfp1\n");

    assertThat(m.get("index.html")).isEqualTo(new Manifest.Entry(120, "not a hash", "fp1"));
  }

  @Test
  void anotherFileIsNoManifest() {
    assertThatThrownBy(() -> read("<html>\n"))
        .isInstanceOf(SiteException.class)
        .hasMessageContaining("is not a Talkbook site manifest");
  }

  @Test
  void theKeptOptionsReadOnlyTheSettingsAtTheManifestsTop() throws IOException {
    // A re-export reads the whole manifest once, on another core; the kept title and base URL
    // come from its first lines. A damaged line below them is the export's to report, not theirs.
    Files.writeString(
        folder.resolve(Manifest.NAME),
        HEADER
            + "site-id urn:x\ntitle Polyglot+%26+co\nbase-url https://example.org/t/\n"
            + "talk 7 events/e/t.html\n"
            + PAGE
            + "index.html\tmany\n",
        StandardCharsets.UTF_8);

    SiteExporter.Options kept = SiteExporter.keptOptions(folder, null, Set.of(), null, null);

    assertThat(kept.title()).isEqualTo("Polyglot & co");
    assertThat(kept.baseUrl()).isEqualTo("https://example.org/t/");
    assertThat(Manifest.readSettings(folder).siteId()).isEqualTo("urn:x");
    assertThat(Manifest.readSettings(folder).entries()).isEmpty();
    assertThatThrownBy(() -> Manifest.read(folder)).hasMessageContaining("damaged at line 7");
    assertThat(Manifest.readSettings(folder.resolve("none")).title()).isNull();
    assertThatThrownBy(() -> read("<html>\n"))
        .hasMessageContaining("is not a Talkbook site manifest");
    assertThatThrownBy(() -> Manifest.readSettings(folder))
        .hasMessageContaining("is not a Talkbook site manifest");
  }
}
