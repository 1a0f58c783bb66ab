package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link in the notes to another talk ({@code talk:ID}) is a link to that talk's page on the site,
 * wherever the page is now; one to a talk the site has no page of is text, and the export says so.
 */
class SiteTalkLinksTest {
  private static final String SUMMIT = "events/summit/";
  private static final String KEYNOTE = SUMMIT + "keynote.html";

  @TempDir Path dir;
  private Notebook notebook;
  private final SiteExporter exporter = new SiteExporter(new MarkdownRenderer());
  private Path out;
  private Talk keynote;
  private Talk loom;
  private Talk later;
  private long meetup;

  @BeforeEach
  void open() {
    notebook =
        Notebook.open(
            dir.resolve("n.talkbook"),
            Notebook.Options.defaults()
                .withClock(new TestClock(Instant.parse("2026-03-13T10:00:00Z"))));
    out = dir.resolve("site");
    long summit = notebook.events().create(Event.Details.titled("Summit")).id();
    meetup = notebook.events().create(Event.Details.titled("Meetup")).id();
    keynote = notebook.talks().create(summit, Talk.Details.titled("Keynote"), "", Programme.NONE);
    loom = notebook.talks().create(summit, Talk.Details.titled("Loom"), "", Programme.NONE);
    later = notebook.talks().create(meetup, Talk.Details.titled("Later"), "", Programme.NONE);
    notebook
        .talks()
        .saveBody(
            keynote.id(),
            "See [the next talk](talk:"
                + loom.id()
                + ") and [its demo](talk:"
                + loom.id()
                + "#demo), then [the meetup](talk:"
                + later.id()
                + "), or [the JEP](https://openjdk.org/jeps/444).\n");
  }

  @AfterEach
  void close() {
    notebook.close();
  }

  private SiteExporter.Result export(Set<Long> events) {
    return exporter.export(
        notebook,
        out,
        new SiteExporter.Options(null, events, null),
        SiteExporter.Progress.NONE,
        () -> false);
  }

  private String read(String path) throws IOException {
    return Files.readString(out.resolve(path), StandardCharsets.UTF_8);
  }

  @Test
  void aLinkToATalkLeadsToItsPage() throws IOException {
    SiteExporter.Result r = export(Set.of());

    assertThat(read(KEYNOTE))
        .contains("<a href=\"loom.html\">the next talk</a>")
        .contains("<a href=\"loom.html#demo\">its demo</a>")
        .contains("<a href=\"../meetup/later.html\">the meetup</a>")
        // only a link that leaves the site is one search engines are told not to follow
        .contains("<a rel=\"nofollow\" href=\"https://openjdk.org/jeps/444\">the JEP</a>")
        .doesNotContain("talk:");
    assertThat(r.notices()).isEmpty();
  }

  @Test
  void aRawHtmlLinkToATalkLeadsToItsPageOrIsText() throws IOException {
    notebook
        .talks()
        .saveBody(
            keynote.id(),
            "<p>See <a href=\"talk:"
                + loom.id()
                + "#demo\">the demo</a> and <a href=\"TALK:99999\">a gone one</a>.</p>\n");

    export(Set.of());

    assertThat(read(KEYNOTE))
        .contains("href=\"loom.html#demo\">the demo</a>")
        .contains("a gone one")
        .doesNotContain("talk:")
        .doesNotContain("TALK:");
  }

  @Test
  void theLinkFollowsARenameThoughTheLinkingNotesDidNotChange() throws IOException {
    export(Set.of());
    notebook.talks().rename(loom.id(), "Loom at scale");
    notebook.talks().move(later.id(), keynote.eventId(), 3);

    export(Set.of());

    assertThat(read(KEYNOTE))
        .contains("<a href=\"loom-at-scale.html\">the next talk</a>")
        .contains("<a href=\"loom-at-scale.html#demo\">its demo</a>")
        .contains("<a href=\"later.html\">the meetup</a>");
  }

  @Test
  void aLinkToADeletedTalkIsTextAndTheExportSaysSoEveryTime() throws IOException {
    export(Set.of());
    notebook.talks().delete(loom.id());

    SiteExporter.Result r = export(Set.of());

    assertThat(read(KEYNOTE))
        .contains("See the next talk and its demo, then")
        .doesNotContain("loom.html")
        .doesNotContain("talk:");
    String notice =
        "\"Keynote\" links to a talk not on the site (deleted, or of an event not exported: talk:"
            + loom.id()
            + "): shown as text";
    assertThat(r.notices()).containsExactly(notice);
    // an export that keeps the page still says it
    SiteExporter.Result again = export(Set.of());
    assertThat(again.written()).isZero();
    assertThat(again.notices()).containsExactly(notice);
  }

  @Test
  void aLinkToATalkOfAnEventNotExportedIsText() throws IOException {
    SiteExporter.Result r = export(Set.of(keynote.eventId()));

    assertThat(read(KEYNOTE))
        .contains("<a href=\"loom.html\">the next talk</a>")
        .contains("then the meetup, or");
    assertThat(r.notices())
        .containsExactly(
            "\"Keynote\" links to a talk not on the site (deleted, or of an event not exported:"
                + " talk:"
                + later.id()
                + "): shown as text");
  }
}
