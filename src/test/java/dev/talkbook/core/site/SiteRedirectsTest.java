package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A renamed talk's old page address leads to its new page (finding 8 of tester 5). */
class SiteRedirectsTest {
  private static final String EVENT = "events/2026-03-12-jvm-evening-talkbook-sample-meetup/";
  private static final String OLD = EVENT + "sqlite-everywhere.html";
  private static final String NEW = EVENT + "sqlite-is-everywhere.html";
  private static final String NEWEST = EVENT + "sqlite-really-is-everywhere.html";

  @TempDir Path dir;
  private Notebook notebook;
  private final SiteExporter exporter = new SiteExporter(new MarkdownRenderer());
  private Path out;
  private Talk talk;

  @BeforeEach
  void open() {
    notebook =
        Notebook.open(
            dir.resolve("n.talkbook"),
            Notebook.Options.defaults()
                .withClock(new TestClock(Instant.parse("2026-03-13T10:00:00Z"))));
    out = dir.resolve("site");
    SampleMeetup.addTo(notebook);
    talk = notebook.talks().findByTitle("SQLite everywhere").get(0);
  }

  @AfterEach
  void close() {
    notebook.close();
  }

  private SiteExporter.Result export(Path folder) {
    return exporter.export(
        notebook, folder, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
  }

  private String read(Path folder, String path) throws IOException {
    return Files.readString(folder.resolve(path), StandardCharsets.UTF_8);
  }

  @Test
  void aRenamedTalksOldPageRedirectsToItsNewPage() throws IOException {
    export(out);
    notebook.talks().rename(talk.id(), "SQLite is everywhere");

    SiteExporter.Result r = export(out);

    assertThat(r.deleted()).isZero();
    assertThat(out.resolve(NEW)).exists();
    String redirect = read(out, OLD);
    assertThat(redirect)
        .contains("<meta http-equiv=\"refresh\" content=\"0; url=sqlite-is-everywhere.html\">")
        .contains("<link rel=\"canonical\" href=\"sqlite-is-everywhere.html\">")
        .contains("<a href=\"sqlite-is-everywhere.html\">")
        .contains("Content-Security-Policy");
    assertThat(redirect.indexOf("http-equiv=\"refresh\"")).isLessThan(redirect.indexOf("</head>"));
    // not listed anywhere a reader or a feed reader finds talks
    for (String list : new String[] {EVENT + "index.html", "feed.xml", SearchParts.INDEX}) {
      assertThat(read(out, list)).doesNotContain("sqlite-everywhere.html");
    }
    try (var files = Files.walk(out.resolve("search"))) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(p)).doesNotContain("sqlite-everywhere.html");
      }
    }
    // a re-export keeps it, unchanged
    SiteExporter.Result again = export(out);
    assertThat(again.written()).isZero();
    assertThat(again.deleted()).isZero();
    assertThat(read(out, OLD)).isEqualTo(redirect);
  }

  @Test
  void pagesASiteBeforeLettersOfEveryScriptNamedByCodePointsRedirectToTheirNewNames()
      throws IOException {
    notebook.talks().rename(talk.id(), "日本語のトーク");
    Talk heart = notebook.talks().findByTitle("Outlines that think").get(0);
    notebook.talks().rename(heart.id(), "❤");
    export(out);
    String japanese = EVENT + "日本語のトーク.html";
    String symbols = EVENT + "talk-" + heart.id() + ".html";
    assertThat(out.resolve(japanese)).exists();
    assertThat(out.resolve(symbols)).exists();
    // the site as an older Talkbook left it: these pages under the names it gave them
    String oldJapanese = EVENT + "u65e5-u672c-u8a9e-u306e-u30c8-u30fc-u30af.html";
    String oldSymbols = EVENT + "untitled.html";
    Files.move(out.resolve(japanese), out.resolve(oldJapanese));
    Files.move(out.resolve(symbols), out.resolve(oldSymbols));
    Path manifest = out.resolve(Manifest.NAME);
    Files.writeString(
        manifest,
        Files.readString(manifest).replace(japanese, oldJapanese).replace(symbols, oldSymbols));

    SiteExporter.Result r = export(out);

    assertThat(r.deleted()).isZero();
    String encoded = "%E6%97%A5%E6%9C%AC%E8%AA%9E%E3%81%AE%E3%83%88%E3%83%BC%E3%82%AF.html";
    assertThat(read(out, japanese)).contains("<h1>日本語のトーク</h1>");
    assertThat(read(out, oldJapanese))
        .contains("<meta http-equiv=\"refresh\" content=\"0; url=" + encoded + "\">")
        .contains("<a href=\"" + encoded + "\">");
    assertThat(read(out, oldSymbols))
        .contains("url=talk-" + heart.id() + ".html\"")
        .doesNotContain("<h1>❤</h1>");
    assertThat(read(out, symbols)).contains("<h1>❤</h1>");
    // every link to the page has its name percent-encoded
    assertThat(read(out, EVENT + "index.html")).contains("href=\"" + encoded + "\"");
    assertThat(read(out, "feed.xml")).contains(EVENT + encoded + "\"");
    try (var files = Files.walk(out.resolve("search"))) {
      String parts =
          String.join("", files.filter(Files::isRegularFile).map(p -> uncheckedRead(p)).toList());
      assertThat(parts)
          .contains("\"u\":\"" + EVENT + encoded + "\"")
          .doesNotContain("日本語のトーク.html");
    }
    // and a re-export keeps them
    SiteExporter.Result again = export(out);
    assertThat(again.written()).isZero();
    assertThat(again.deleted()).isZero();
  }

  private static String uncheckedRead(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aChainOfRenamesLeadsEveryOldAddressToTheNewestPage() throws IOException {
    export(out);
    notebook.talks().rename(talk.id(), "SQLite is everywhere");
    export(out);
    notebook.talks().rename(talk.id(), "SQLite really is everywhere");

    export(out);

    assertThat(out.resolve(NEWEST)).exists();
    for (String old : new String[] {OLD, NEW}) {
      assertThat(read(out, old)).contains("url=sqlite-really-is-everywhere.html\"");
    }
  }

  @Test
  void aDeletedTalkLeavesNeitherItsPageNorItsRedirect() throws IOException {
    export(out);
    notebook.talks().rename(talk.id(), "SQLite is everywhere");
    export(out);
    notebook.talks().delete(talk.id());

    export(out);

    assertThat(out.resolve(OLD)).doesNotExist();
    assertThat(out.resolve(NEW)).doesNotExist();
  }

  @Test
  void aTalkTakingARedirectsPathGetsItsPageThere() throws IOException {
    export(out);
    notebook.talks().rename(talk.id(), "SQLite is everywhere");
    export(out);
    notebook.talks().rename(talk.id(), "SQLite everywhere");

    export(out);

    assertThat(read(out, OLD)).doesNotContain("http-equiv=\"refresh\"").contains("SQLite");
    assertThat(read(out, NEW)).contains("url=sqlite-everywhere.html\"");
  }

  @Test
  void anExportIntoANewFolderMakesNoRedirect() throws IOException {
    export(out);
    notebook.talks().rename(talk.id(), "SQLite is everywhere");

    Path fresh = dir.resolve("fresh");
    export(fresh);

    assertThat(fresh.resolve(OLD)).doesNotExist();
    assertThat(fresh.resolve(NEW)).exists();
  }

  @Test
  void aManifestWrittenBeforeTalkLinesIsReadAndMakesNoRedirect() throws IOException {
    export(out);
    Path manifest = out.resolve(Manifest.NAME);
    String text = Files.readString(manifest);
    assertThat(text).contains("\ntalk " + talk.id() + " " + OLD + "\n");
    Files.writeString(manifest, text.replaceAll("(?m)^talk .*\\n", ""));
    notebook.talks().rename(talk.id(), "SQLite is everywhere");

    SiteExporter.Result r = export(out);

    assertThat(r.deleted()).isEqualTo(1);
    assertThat(out.resolve(OLD)).doesNotExist();
    assertThat(out.resolve(NEW)).exists();
  }

  @Test
  void renamingOneOfTalksWhoseTitlesDifferInCaseOrAccentsMovesNoOtherTalk() throws IOException {
    long event = talk.eventId();
    long first = notebook.talks().create(event, Talk.Details.titled("Café crème"), "first").id();
    long second = notebook.talks().create(event, Talk.Details.titled("CAFÉ CRÈME"), "second").id();
    long third = notebook.talks().create(event, Talk.Details.titled("Cafe creme"), "third").id();
    export(out);
    assertThat(read(out, EVENT + "cafe-creme.html")).contains("first");
    assertThat(read(out, EVENT + "cafe-creme-2.html")).contains("second");
    assertThat(read(out, EVENT + "cafe-creme-3.html")).contains("third");

    notebook.talks().rename(first, "Crème brûlée");
    export(out);

    assertThat(read(out, EVENT + "cafe-creme-2.html"))
        .contains("second")
        .contains("<h1>CAFÉ CRÈME</h1>");
    assertThat(read(out, EVENT + "cafe-creme-3.html"))
        .contains("third")
        .contains("<h1>Cafe creme</h1>");
    assertThat(read(out, EVENT + "creme-brulee.html")).contains("first");
    assertThat(read(out, EVENT + "cafe-creme.html"))
        .contains("url=creme-brulee.html\"")
        .contains("<a href=\"creme-brulee.html\">“Crème brûlée”</a>");
    String manifest = read(out, Manifest.NAME);
    assertThat(manifest)
        .contains("\ntalk " + first + " " + EVENT + "cafe-creme.html\n")
        .contains("\ntalk " + second + " " + EVENT + "cafe-creme-2.html\n")
        .contains("\ntalk " + third + " " + EVENT + "cafe-creme-3.html\n");

    // a new talk of that title takes a name no other talk holds, not the renamed one's old page
    long fourth = notebook.talks().create(event, Talk.Details.titled("Café Crème"), "fourth").id();
    export(out);
    assertThat(read(out, EVENT + "cafe-creme-4.html")).contains("fourth");
    assertThat(read(out, EVENT + "cafe-creme.html")).contains("url=creme-brulee.html\"");
    assertThat(read(out, EVENT + "cafe-creme-2.html")).contains("second");
    assertThat(read(out, Manifest.NAME))
        .contains("\ntalk " + fourth + " " + EVENT + "cafe-creme-4.html\n");
  }

  @Test
  void aMovedPageNamesItsTalkNotItsEncodedAddress() throws IOException {
    export(out);
    notebook.talks().rename(talk.id(), "日本語のトーク");

    export(out);

    String encoded = "%E6%97%A5%E6%9C%AC%E8%AA%9E%E3%81%AE%E3%83%88%E3%83%BC%E3%82%AF.html";
    assertThat(read(out, OLD))
        .contains("<a href=\"" + encoded + "\">“日本語のトーク”</a>")
        .doesNotContain(">" + encoded + "<");
  }

  @Test
  void aRenamedEventsOldPageRedirectsToItsNewPage() throws IOException {
    export(out);
    String renamed = "events/2026-03-12-jvm-evening-geneve/";
    notebook.events().rename(talk.eventId(), "JVM evening Genève");

    SiteExporter.Result r = export(out);

    assertThat(out.resolve(renamed + "index.html")).exists();
    assertThat(read(out, EVENT + "index.html"))
        .contains("http-equiv=\"refresh\"")
        .contains("url=../2026-03-12-jvm-evening-geneve/index.html\"")
        .contains("“JVM evening Genève”");
    // its talks keep their names in the new folder, and their old pages redirect
    assertThat(out.resolve(renamed + "sqlite-everywhere.html")).exists();
    assertThat(read(out, OLD))
        .contains("url=../2026-03-12-jvm-evening-geneve/sqlite-everywhere.html\"");
    assertThat(read(out, Manifest.NAME))
        .contains("\nevent " + talk.eventId() + " " + EVENT + "index.html\n")
        .contains("\nevent " + talk.eventId() + " " + renamed + "index.html\n");
    // a re-export keeps it, unchanged
    SiteExporter.Result again = export(out);
    assertThat(again.written()).isZero();
    assertThat(again.deleted()).isZero();
  }

  @Test
  void aRenamedEventsOldPageRedirectsAfterAnExportWhoseManifestHadNoEventLines()
      throws IOException {
    export(out);
    Path manifest = out.resolve(Manifest.NAME);
    Files.writeString(manifest, Files.readString(manifest).replaceAll("(?m)^event .*\\n", ""));
    notebook.events().rename(talk.eventId(), "JVM evening Genève");

    SiteExporter.Result r = export(out);

    assertThat(read(out, EVENT + "index.html"))
        .contains("url=../2026-03-12-jvm-evening-geneve/index.html\"");
    // only the old event's search part went
    assertThat(r.deleted()).isEqualTo(1);
    assertThat(out.resolve("search/2026-03-12-jvm-evening-talkbook-sample-meetup-1.js"))
        .doesNotExist();
  }

  /**
   * The site as a Talkbook before letters of every script left it: the tag 日本語's page under the
   * name it gave it, with ({@code lines}) or without the manifest's {@code tag} lines.
   */
  private String oldTagPage(boolean lines) throws IOException {
    notebook.talks().update(talk.id(), talk.details().withTags(java.util.List.of("日本語", "sqlite")));
    export(out);
    String now = "tags/日本語.html";
    String before = "tags/u65e5-u672c-u8a9e.html";
    assertThat(out.resolve(now)).exists();
    Files.move(out.resolve(now), out.resolve(before));
    Path manifest = out.resolve(Manifest.NAME);
    String text = Files.readString(manifest).replace(now, before);
    Files.writeString(manifest, lines ? text : text.replaceAll("(?m)^tag .*\\n", ""));
    return before;
  }

  private void aTagPageNamedByCodePointsRedirectsToItsNewName(boolean lines) throws IOException {
    String before = oldTagPage(lines);

    SiteExporter.Result r = export(out);

    String encoded = "%E6%97%A5%E6%9C%AC%E8%AA%9E.html";
    assertThat(r.deleted()).isZero();
    assertThat(read(out, "tags/日本語.html")).contains("<h1>Talks tagged “日本語”</h1>");
    assertThat(read(out, before))
        .contains("<meta http-equiv=\"refresh\" content=\"0; url=" + encoded + "\">")
        .contains("<a href=\"" + encoded + "\">“日本語”</a>")
        // one level down: its style sheet is the site's
        .contains("href=\"../assets/site.css\"");
    assertThat(read(out, Manifest.NAME))
        .contains("tag %E6%97%A5%E6%9C%AC%E8%AA%9E " + before + "\n")
        .contains("tag %E6%97%A5%E6%9C%AC%E8%AA%9E tags/日本語.html\n")
        .contains("tag sqlite tags/sqlite.html\n");
    // and a re-export keeps them
    SiteExporter.Result again = export(out);
    assertThat(again.written()).isZero();
    assertThat(again.deleted()).isZero();
    // a tag no talk has any more leaves its page and its redirect leading to the tags' index
    notebook.talks().update(talk.id(), talk.details().withTags(java.util.List.of("sqlite")));
    export(out);
    assertThat(read(out, before)).contains("content=\"0; url=index.html\"");
    assertThat(read(out, "tags/日本語.html")).contains("content=\"0; url=index.html\"");
    assertThat(read(out, "tags/index.html")).doesNotContain("日本語");
  }

  @Test
  void aRenamedTagsOldPageLeadsToTheTagItsTalksHaveNow() throws IOException {
    export(out);
    // "sqlite" renamed "embedded" on its one talk, as the tester did with talk edit --tag
    notebook
        .talks()
        .update(talk.id(), talk.details().withTags(java.util.List.of("embedded", "databases")));

    SiteExporter.Result r = export(out);

    assertThat(r.deleted()).isZero();
    assertThat(read(out, "tags/embedded.html")).contains("<h1>Talks tagged “embedded”</h1>");
    assertThat(read(out, "tags/sqlite.html"))
        .contains("<meta http-equiv=\"refresh\" content=\"0; url=embedded.html\">")
        .contains("<a href=\"embedded.html\">“embedded”</a>")
        .contains("<meta name=\"robots\" content=\"noindex\">");
    assertThat(read(out, "tags/index.html")).doesNotContain("sqlite.html");
    // a re-export changes nothing; renamed again, the first address leads to the newest name
    assertThat(export(out).written()).isZero();
    talk = notebook.talks().get(talk.id());
    notebook
        .talks()
        .update(talk.id(), talk.details().withTags(java.util.List.of("storage", "databases")));
    export(out);
    assertThat(read(out, "tags/embedded.html")).contains("content=\"0; url=storage.html\"");
    assertThat(read(out, "tags/sqlite.html")).contains("content=\"0; url=storage.html\"");
  }

  @Test
  void aTagRenamedOnEveryTalkLeadsFromItsOldPageToItsNewOne() throws IOException {
    export(out);
    // "java" is on two of the sample's talks: renamed in one step (talkbook tag rename)
    notebook.talks().renameTag("java", "JVM");

    export(out);

    assertThat(read(out, "tags/jvm.html")).contains("<h1>Talks tagged “JVM”</h1>");
    assertThat(read(out, "tags/java.html"))
        .contains("<meta http-equiv=\"refresh\" content=\"0; url=jvm.html\">");
    assertThat(read(out, "tags/index.html")).doesNotContain("java.html");
    // a case-only rename keeps the page where it was, under the new spelling
    notebook.talks().renameTag("jvm", "Jvm");
    export(out);
    assertThat(read(out, "tags/jvm.html")).contains("<h1>Talks tagged “Jvm”</h1>");
    assertThat(read(out, "tags/java.html")).contains("content=\"0; url=jvm.html\"");
  }

  @Test
  void aDroppedTagsOldPageLeadsToTheTagsIndex() throws IOException {
    export(out);
    Talk threads = notebook.talks().findByTitle("Virtual threads in practice").get(0);
    // "concurrency" dropped: its talk keeps only "java", which had a page before
    notebook.talks().update(threads.id(), threads.details().withTags(java.util.List.of("java")));

    SiteExporter.Result r = export(out);

    assertThat(r.deleted()).isZero();
    assertThat(read(out, "tags/concurrency.html"))
        .contains("<meta http-equiv=\"refresh\" content=\"0; url=index.html\">")
        .contains("<a href=\"index.html\">“Tags”</a>")
        .contains("href=\"../assets/site.css\"");
    assertThat(read(out, "tags/index.html")).doesNotContain("concurrency");
    assertThat(export(out).written()).isZero();
    // the tag back on a talk: its page is there again
    notebook
        .talks()
        .update(threads.id(), threads.details().withTags(java.util.List.of("java", "concurrency")));
    export(out);
    assertThat(read(out, "tags/concurrency.html")).contains("<h1>Talks tagged “concurrency”</h1>");
  }

  @Test
  void aTagPageNamedByCodePointsRedirectsToItsNewName() throws IOException {
    aTagPageNamedByCodePointsRedirectsToItsNewName(true);
  }

  @Test
  void aTagPageRedirectsAfterAnExportWhoseManifestHadNoTagLines() throws IOException {
    aTagPageNamedByCodePointsRedirectsToItsNewName(false);
  }
}
