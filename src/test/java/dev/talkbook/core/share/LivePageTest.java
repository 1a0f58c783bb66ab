package dev.talkbook.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Talk;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LivePageTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

  private static SharedTalk talk(String title, String notes) {
    return new SharedTalk(1, "JVM <Evening>", Talk.Details.titled(title), notes);
  }

  @Test
  void theBlocksTogetherAreWhatTheSiteShows() {
    String notes =
        """
        # Outlines that think

        Intro with *emphasis*.

        ## Part one

        ```java
        int x = 1;
        ```

        ```output
        1
        ```

        - a
          - b

        ![remote](https://example.org/x.png)

        ### Deeper
        """;
    LivePage.Rendered r = LivePage.render(RENDERER, talk("Outlines that think", notes), Set.of());
    String joined = String.join("", r.blocks());
    // what core.site does to the same notes
    String expected = siteNotes(notes);
    assertThat(joined.replaceAll("\\s+", " ").strip())
        .isEqualTo(expected.replaceAll("\\s+", " ").strip());
    assertThat(joined)
        .contains("<h2 id=\"part-one\">Part one <a class=\"permalink\"")
        .contains("<h3 id=\"deeper\">")
        .contains("<pre class=\"output\"")
        .contains("<a class=\"remote-image\" href=\"https://example.org/x.png\">remote</a>")
        .doesNotContain("<h1")
        .doesNotContain("data-rel");
    assertThat(r.firstLines()).first().isEqualTo(2);
  }

  /** The site's rendering of the same notes (the talk page's notes, as SiteExporter makes them). */
  private static String siteNotes(String notes) {
    return RENDERER.renderPage(notes, ref -> Optional.empty(), "Outlines that think").html();
  }

  @Test
  void aFirstHeadingThatIsNotTheTitleStaysAndHeadingsMoveDownOneLevel() {
    LivePage.Rendered r =
        LivePage.render(RENDERER, talk("Talk", "# Something else\n\ntext\n"), Set.of());
    assertThat(r.blocks().get(0)).startsWith("<h2 id=\"something-else\">Something else");
    assertThat(r.firstLines()).containsExactly(0, 2);
  }

  @Test
  void theCaretLineFindsItsBlock() {
    LivePage.Rendered r =
        LivePage.render(
            RENDERER, talk("T", "# T\n\npara one\ncontinued\n\n## H\n\n- x\n- y\n"), Set.of());
    assertThat(r.firstLines()).containsExactly(2, 5, 7);
    assertThat(r.blockAt(-1)).isEqualTo(-1);
    assertThat(r.blockAt(0)).isEqualTo(-1);
    assertThat(r.blockAt(3)).isEqualTo(0);
    assertThat(r.blockAt(4)).isEqualTo(0);
    assertThat(r.blockAt(5)).isEqualTo(1);
    assertThat(r.blockAt(8)).isEqualTo(2);
    assertThat(r.blockAt(100)).isEqualTo(2);
  }

  @Test
  void hostileNotesRenderToInertHtml() {
    String notes =
        """
        <script>window.pwned = 1</script>

        <img src="x" onerror="window.pwned = 2">

        [link](javascript:alert(3)) and <a href="javascript:alert(4)">raw</a>

        <iframe src="https://evil.invalid/"></iframe>

        <div data-tb="notes" id="tb-live" style="position:fixed">fake part</div>
        """;
    String html = String.join("", LivePage.render(RENDERER, talk("T", notes), Set.of()).blocks());
    assertThat(html.toLowerCase())
        .doesNotContain("<script", "onerror", "javascript:", "<iframe", "data-tb", "style=");
  }

  @Test
  void aTalkLinkInRawHtmlIsTextAsAMarkdownOneIs() {
    String notes = "[the next](talk:5)\n\n<p>Then <a href=\"talk:5\">the next</a>.</p>\n";
    String html = String.join("", LivePage.render(RENDERER, talk("T", notes), Set.of()).blocks());
    assertThat(html).doesNotContain("talk:").contains("Then the next.");
  }

  @Test
  void onlyAttachmentsTheTalkHoldsBecomeLinks() {
    String held = "1".repeat(64);
    String other = "2".repeat(64);
    String notes = "![a](attachment:" + held + "/a.png)\n\n![b](attachment:" + other + "/b.png)\n";
    LivePage.Rendered r = LivePage.render(RENDERER, talk("T", notes), Set.of(held));
    String html = String.join("", r.blocks());
    assertThat(html).contains("src=\"attachments/" + held + "\"");
    assertThat(html).doesNotContain("attachments/" + other);
    assertThat(r.attachments()).containsExactly(held);
  }

  /**
   * Tester 10a: the share page said "Sunday 6 December 2026, 19:30" where the window, the site and
   * the navigator say "Sunday, December 6, 2026, 19:30" (a user in the US): one style for all.
   */
  @Test
  void theHeaderSaysTheTimeAsTheWindowAndTheSiteDo() {
    Talk.Details d =
        new Talk.Details(
            "Loom", List.of(), LocalDateTime.of(2026, 12, 6, 19, 30), null, null, null, List.of());
    SharedTalk talk = new SharedTalk(1, "Conf", d, "notes", null);
    assertThat(LivePage.header(RENDERER, talk, java.util.Locale.US))
        .contains("<time datetime=\"2026-12-06T19:30\">Sunday, December 6, 2026, 19:30</time>");
    assertThat(LivePage.header(RENDERER, talk, java.util.Locale.UK))
        .contains(
            ">"
                + dev.talkbook.core.common.DateTimeText.dayAndTime(
                    LocalDateTime.of(2026, 12, 6, 19, 30), java.util.Locale.UK)
                + "</time>");
  }

  /**
   * Tester 14b: the night Berlin's clocks go back the header read "02:15–02:00 (clocks go back)
   * Berlin time" to a viewer elsewhere; the words go after the zone's name.
   */
  @Test
  void theClocksGoingBackAreSaidAfterTheZone() {
    Talk.Details d =
        new Talk.Details(
            "Late", List.of(), LocalDateTime.of(2026, 10, 25, 2, 15), null, null, null, List.of());
    SharedTalk talk =
        new SharedTalk(
            1,
            "Conf",
            d,
            "notes",
            null,
            false,
            java.time.Duration.ofMinutes(45),
            java.time.ZoneId.of("Europe/Berlin"));
    String header = LivePage.header(RENDERER, talk, java.util.Locale.US);
    assertThat(header.replaceAll("<[^>]*>", ""))
        .contains("Sunday, October 25, 2026, 02:15–02:00 Berlin time (clocks go back)");
    assertThat(header).contains("02:15–02:00</time>");
  }

  @Test
  void theHeaderAndThePageEscapeWhatTheUserTyped() {
    Talk.Details d =
        new Talk.Details(
            "<b>Bold</b> & \"quoted\"",
            List.of("Ada <script>"),
            LocalDateTime.of(2026, 3, 12, 18, 30),
            "Room <1>",
            "https://example.org/s?a=1&b=2",
            null,
            List.of("<tag>"));
    LivePage.Rendered r =
        LivePage.render(
            RENDERER,
            new SharedTalk(1, "Ev <x>", d, "hello", "An *abstract* <script>x()</script>"),
            Set.of());
    assertThat(r.header())
        .contains("<h1>&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot;</h1>")
        .contains("Ada &lt;script&gt;", "Room &lt;1&gt;", "&lt;tag&gt;", "Ev &lt;x&gt;")
        .contains(
            dev.talkbook.core.common.DateTimeText.dayAndTime(
                LocalDateTime.of(2026, 3, 12, 18, 30),
                dev.talkbook.core.common.DateTimeText.userLocale()))
        .contains("href=\"https://example.org/s?a=1&amp;b=2\"")
        .contains("<h2 id=\"tb-abstract\">Abstract</h2>\n<p>An <em>abstract</em>")
        .doesNotContain("<script");
    Snippet s = new Snippet(3, "String s = \"</script><b>\";", "<i>out</i>", Snippet.Status.DONE);
    String page = LivePage.page(r, 0, List.of(s), 42);
    assertThat(page)
        .contains("<title>&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot; · live</title>")
        .contains("data-version=\"42\"", "data-pos=\"0\"")
        .contains("<div class=\"tb-block tb-here\"><p>hello</p>")
        .contains("&lt;/script&gt;&lt;b&gt;", "&lt;i&gt;out&lt;/i&gt;")
        .doesNotContain("{{");
    assertThat(LivePage.snippet(s)).contains("\\u003c/script>\\u003cb>").doesNotContain("</");
    assertThat(LivePage.state(r, 0, List.of(s))).doesNotContain("</");
  }

  @Test
  void theStateAndThePatchAreOneLineOfJson() {
    LivePage.Rendered r = LivePage.render(RENDERER, talk("T", "a\n\nb\n\nc\n"), Set.of());
    assertThat(LivePage.state(r, 1, List.of())).doesNotContain("\n").startsWith("{\"title\":\"T\"");
    BlockSplice splice = new BlockSplice(1, 1, List.of("<p>x\ny</p>\n"));
    assertThat(LivePage.patch(splice, 1))
        .isEqualTo("{\"at\":1,\"del\":1,\"ins\":[\"\\u003cp>x\\ny\\u003c/p>\\n\"],\"pos\":1}");
  }

  @Test
  void aTalkTheProgrammeNoLongerListsIsSaidToBeCancelled(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    try (dev.talkbook.core.store.Notebook nb =
        dev.talkbook.core.store.Notebook.open(dir.resolve("n.talkbook"))) {
      long event =
          nb.events()
              .create(new dev.talkbook.core.notebook.Event.Details("Conf", null, null, null, null))
              .id();
      Talk kept =
          nb.talks()
              .create(
                  event,
                  Talk.Details.titled("Still on"),
                  "",
                  new dev.talkbook.core.notebook.Programme(
                      "", null, null, null, null, "u1", "frab:conf", null));
      Talk gone =
          nb.talks()
              .create(
                  event,
                  Talk.Details.titled("Graal native images"),
                  "my notes",
                  new dev.talkbook.core.notebook.Programme(
                      "",
                      null,
                      null,
                      null,
                      null,
                      "u2",
                      "frab:conf",
                      java.time.Instant.parse("2026-12-06T10:00:00Z")));

      SharedTalk shared = SharedTalk.of(gone, "Conf", null);
      assertThat(shared.cancelled()).isTrue();
      assertThat(shared.withNotes("other").cancelled()).isTrue();
      String header = LivePage.render(RENDERER, shared, Set.of()).header();
      assertThat(header).contains("<strong>Cancelled.</strong> This talk is no longer in the");
      assertThat(LivePage.page(LivePage.render(RENDERER, shared, Set.of()), 0, List.of(), 1))
          .contains("Cancelled.");
      assertThat(LivePage.render(RENDERER, SharedTalk.of(kept, "Conf", null), Set.of()).header())
          .doesNotContain("Cancelled");
    }
  }
}
