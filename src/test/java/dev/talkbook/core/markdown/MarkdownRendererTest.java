package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.talkbook.core.notebook.AttachmentRef;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Notes are rendered for the preview with nothing hostile getting through. */
class MarkdownRendererTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();
  private static final String HASH = "a".repeat(64);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "text <b onmouseover=alert(1)>bold</b>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt&#58;alert(1)\">x</a>",
        "<svg><script>alert(1)</script></svg>",
        "<form action=\"https://evil.example\"><button>go</button></form>",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<style>body { display: none }</style>",
        "- item <span onclick=alert(1)>x</span>",
        "<input type=text autofocus onfocus=alert(1)>",
        "a footnote[^\"><script>alert(1)</script>]\n\n"
            + "[^\"><script>alert(1)</script>]: <img src=x onerror=alert(1)>"
            + " [x](javascript:alert(1)) <style>p{}</style>",
        "note[^a]\n\n[^a]: <b onmouseover=alert(1)>x</b> <iframe src=x></iframe>"
      })
  void rawHtmlIsSanitizedSoNothingRuns(String note) {
    String html = renderer.render(note).toLowerCase(java.util.Locale.ROOT);
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<iframe")
        .doesNotContain("<svg")
        .doesNotContain("<form")
        .doesNotContain("<object")
        .doesNotContain("<embed")
        .doesNotContain("<meta")
        .doesNotContain("<style")
        .doesNotContain("style=")
        .doesNotContain("javascript")
        .doesNotContain("onerror")
        .doesNotContain("onclick")
        .doesNotContain("onmouseover")
        .doesNotContain("onfocus")
        .doesNotContain("type=\"text\"");
  }

  @Test
  void harmlessRawHtmlStays() {
    assertThat(renderer.render("Press <kbd>Ctrl</kbd>, H<sub>2</sub>O, <b>bold</b>"))
        .contains("<kbd>Ctrl</kbd>")
        .contains("<sub>2</sub>")
        .contains("<b>bold</b>");
  }

  @Test
  void theSameSanitizingServesThePreviewBlocks() {
    RenderedNote note =
        renderer.renderNote(
            "# T\n\n<script>alert(1)</script>\n\n<kbd>K</kbd>\n", r -> Optional.empty());
    assertThat(note.html()).doesNotContain("<script").contains("<kbd>K</kbd>");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [x](javascript:alert(1))           | javascript:
          [x](JaVaScRiPt:alert(1))           | javascript:
          [x](vbscript:msgbox)               | vbscript:
          [x](data:text/html;base64,PHNjcmlwdD4=) | data:
          ![x](javascript:alert(1))          | javascript:
          [x](file:///etc/passwd)            | file:
          """)
  void unsafeUrlsAreDropped(String note, String scheme) {
    assertThat(renderer.render(note).toLowerCase(java.util.Locale.ROOT)).doesNotContain(scheme);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(3)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "vbscript:msgbox",
        "data:text/html;base64,PHNjcmlwdD4=",
        "data:image/png;base64,AAAA",
        "file:///etc/passwd"
      })
  void aLinkToAnUnsafeAddressIsItsTextAloneInEveryRendering(String url) {
    String note = "See [the *link*](<" + url + ">) here.\n";
    String text = "See the <em>link</em> here.</p>";
    assertThat(renderer.render(note)).contains(text).doesNotContain("<a");
    assertThat(renderer.renderPage(note, ref -> Optional.empty(), null).html())
        .contains(text)
        .doesNotContain("<a");
    assertThat(renderer.renderPageBlocks(note, ref -> Optional.empty(), null))
        .extracting(RenderedNote.Block::html)
        .noneMatch(html -> html.contains("<a"));
    assertThat(renderer.renderNote(note, ref -> Optional.empty()).html())
        .contains("the <em>link</em> here")
        .doesNotContain("<a");
    assertThat(renderer.summary(note, null, 400)).isEqualTo("See the link here.");
  }

  @Test
  void aRawLinkToAnUnsafeAddressIsItsTextAloneToo() {
    assertThat(renderer.render("See <a href=\"javascript:alert(3)\">raw</a> here.\n"))
        .contains("See raw here.")
        .doesNotContain("<a");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [docs](https://openjdk.org/jeps/444)   | href="https://openjdk.org/jeps/444"
          [mail](mailto:a@example.org)           | href="mailto:a@example.org"
          [section](#key-points)                 | href="#key-points"
          [page](notes/other.md)                 | href="notes/other.md"
          """)
  void safeUrlsStay(String note, String expected) {
    assertThat(renderer.render(note)).contains(expected);
  }

  @Test
  void rendersTheGfmExtensions() {
    String html =
        renderer.render(
            "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ and https://example.org\n\n"
                + "- [x] done\n- [ ] open\n");
    assertThat(html)
        .contains("<h1 id=\"title\" data-line=\"0\">")
        .contains("<table data-line=\"2\">")
        .contains("<del>old</del>")
        .contains("href=\"https://example.org\"")
        .contains("type=\"checkbox\"");
  }

  @Test
  void attachmentReferencesResolveThroughTheCaller() {
    String note = "![diagram](attachment:" + HASH + "/diagram.png)";
    String html =
        renderer.render(
            note,
            ref -> {
              assertThat(ref).isEqualTo(new AttachmentRef(HASH, "diagram.png"));
              return Optional.of("data:image/png;base64,iVBORw0KGgo=");
            });
    assertThat(html).contains("src=\"data:image/png;base64,iVBORw0KGgo=\"");
    // one the caller does not give is not in the notebook: a marked placeholder, no broken image
    assertThat(renderer.render(note))
        .contains(
            "<span class=\"missing-image\" title=\"Not in the notebook: diagram.png\">"
                + "Missing image: diagram</span>")
        .doesNotContain("<img");
  }

  @Test
  void anImageOfAHeldAttachmentThatIsNoPictureIsALinkToItNotAMissingImage() {
    String pdf = "attachment:" + HASH + "/talk.pdf";
    String note =
        "![doc](" + pdf + ") and ![](" + pdf + ")\n\n<img src=\"" + pdf + "\" alt=\"raw\">\n";
    String site = "../../attachments/" + HASH + ".pdf";
    // the site gives the published file; the preview gives the attachment's own address back
    for (String url : List.of(site, new AttachmentRef(HASH, "talk.pdf").url())) {
      for (String html :
          List.of(
              renderer.render(note, ref -> Optional.of(url)),
              renderer.renderPage(note, ref -> Optional.of(url), "T").html())) {
        assertThat(html)
            .as(html)
            .contains("href=\"" + url + "\" title=\"talk.pdf\">doc</a>")
            .contains("href=\"" + url + "\" title=\"talk.pdf\">talk.pdf</a>")
            .contains("href=\"" + url + "\" title=\"talk.pdf\">raw</a>")
            .doesNotContain("<img", "missing-image", "Not in the notebook", "Missing image");
      }
      assertThat(renderer.renderPage(note, ref -> Optional.of(url), "T").missingImages()).isEmpty();
    }
    // a picture stays a picture: the site's .png, and the live share's address without extension
    for (String url : List.of("../../attachments/" + HASH + ".png", "attachments/" + HASH)) {
      assertThat(renderer.render("![d](attachment:" + HASH + "/d.png)", ref -> Optional.of(url)))
          .contains("<img src=\"" + url + "\" alt=\"d\" />");
    }
  }

  @Test
  void rawHtmlAttachmentReferencesResolveAndADownloadIsALinkAsInMarkdown() {
    String svg = "attachment:" + HASH + "/logo.svg";
    String note =
        "<img src=\""
            + svg
            + "\" alt=\"Logo\">\n\n<p><img src=\""
            + svg
            + "\"> and <a href=\""
            + svg
            + "\"><img src=\""
            + svg
            + "\" alt=\"in a link\"></a></p>\n";
    String download = "../../attachments/" + HASH + ".bin";
    for (String html :
        List.of(
            renderer.render(note, ref -> Optional.of(download)),
            renderer.renderNote(note, ref -> Optional.of(download)).html(),
            renderer.renderPage(note, ref -> Optional.of(download), "T").html())) {
      assertThat(html)
          .as(html)
          .contains("<a href=\"" + download + "\" download=\"logo.svg\">Logo</a>")
          .contains("<a href=\"" + download + "\" download=\"logo.svg\">download</a>")
          .contains("<a href=\"" + download + "\">in a link</a>")
          .doesNotContain("<img")
          .doesNotContain("attachment:");
    }
    String shown = "../../attachments/" + HASH + ".svg";
    assertThat(renderer.renderPage(note, ref -> Optional.of(shown), "T").html())
        .contains("<img src=\"" + shown + "\" alt=\"Logo\" />")
        .doesNotContain("attachment:");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [x](https://example.org/a)       | true
          [x](HTTP://example.org/a)        | true
          [x](//example.org/a)             | true
          [x](mailto:a@example.org)        | true
          <https://example.org>            | true
          [x](loom.html)                   | false
          [x](../meetup/later.html#demo)   | false
          [x](#key-points)                 | false
          [x](/about.html)                 | false
          [x](notes/a:b.html)              | false
          """)
  void onlyALinkThatLeavesTheSiteIsNofollow(String note, boolean leaves) {
    String page = renderer.renderPage(note, ref -> Optional.empty(), "T").html();
    String preview = renderer.render(note);
    String sanitized = renderer.render(note + "\n\n<kbd>x</kbd>\n");
    for (String html : List.of(page, preview, sanitized)) {
      assertThat(html).as(html).contains("<a ");
      if (leaves) {
        assertThat(html).as(html).contains("<a rel=\"nofollow\" href=");
      } else {
        assertThat(html).as(html).doesNotContain("rel=");
      }
    }
  }

  @Test
  void aLinkToAnAttachmentOrATalkIsNotNofollow() {
    String download = "../../attachments/" + HASH + ".bin";
    String note = "[Get it](attachment:" + HASH + "/diagram.svg) and [the talk](talk:7)\n";
    String html = renderer.renderPage(note, ref -> Optional.of(download), "T").html();
    assertThat(html).contains("download=\"diagram.svg\">Get it</a>").doesNotContain("rel=");
    assertThat(renderer.render(note)).contains("href=\"talk:7\"").doesNotContain("rel=");
  }

  @Test
  void aDownloadInMarkdownIsSavedUnderTheAttachmentsOwnName() {
    String download = "../../attachments/" + HASH + ".bin";
    String note =
        "![The diagram](attachment:"
            + HASH
            + "/diagram.svg)\n\n[Get it](attachment:"
            + HASH
            + "/diagram.svg)\n";
    for (String html :
        List.of(
            renderer.render(note, ref -> Optional.of(download)),
            renderer.renderPage(note, ref -> Optional.of(download), "T").html(),
            // with raw HTML the whole note goes through the policy, which keeps the name
            renderer.render(note + "\n<b>raw</b>\n", ref -> Optional.of(download)))) {
      assertThat(html)
          .as(html)
          .contains("href=\"" + download + "\" download=\"diagram.svg\">The diagram</a>")
          .contains("href=\"" + download + "\" download=\"diagram.svg\">Get it</a>");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          diagram.svg             | diagram.svg
          Bild (1).svg            | Bild (1).svg
          ../../etc/passwd        | _.._etc_passwd
          .hidden.svg             | hidden.svg
          a*b<c>.svg              | a_b_c_.svg
          ダイアグラム.svg          | ダイアグラム.svg
          """)
  void aDownloadsNameIsAFileNameNeverAPath(String fileName, String saved) {
    assertThat(DownloadLink.name(fileName)).isEqualTo(saved);
    assertThat(DownloadLink.name("x".repeat(200) + ".svg")).hasSize(120).endsWith("x.svg");
  }

  /**
   * A name may hold letters of any script, also outside the first plane, cut by characters (a cut
   * inside a surrogate pair made it "download"), and nothing invisible: a joiner, a lone combining
   * mark.
   */
  @Test
  void aDownloadsNameIsCutByCharactersAndHoldsNothingInvisible() {
    String bold = "\uD835\uDC00"; // MATHEMATICAL BOLD CAPITAL A, a letter outside the first plane
    String name = "a" + bold.repeat(130) + ".svg";
    assertThat(DownloadLink.name(name))
        .startsWith("a" + bold)
        .endsWith(bold + ".svg")
        .satisfies(n -> assertThat(n.codePointCount(0, n.length())).isEqualTo(120));
    assertThat(DownloadLink.name("in\u200Dvoice.svg")).isEqualTo("in_voice.svg");
    assertThat(DownloadLink.name("e\u0301t\u00E9.svg")).isEqualTo("\u00E9t\u00E9.svg"); // NFC
  }

  /**
   * Raw HTML may name a download only on a link to an attachment, with that file's own extension:
   * an imported note's {@code <a href="attachments/….bin" download="setup.exe">}, same-site, was
   * saved as a program.
   */
  @Test
  void rawHtmlMayNameADownloadOnlyWithAnAttachmentsOwnKindOfFileName() {
    String svg = "attachment:" + HASH + "/diagram.svg";
    String url = "../../attachments/" + HASH + ".bin";
    assertThat(
            renderer.render(
                "<a href=\"" + svg + "\" download=\"Bild (1).SVG\">d</a>\n",
                ref -> Optional.of(url)))
        .contains("href=\"" + url + "\" download=\"Bild (1).SVG\"");
    for (String a :
        List.of(
            "<a href=\"" + svg + "\" download=\"setup.exe\">d</a>",
            "<a href=\"" + svg + "\" download=\"diagram.svg.exe\">d</a>",
            "<a href=\"attachments/" + HASH + ".bin\" download=\"setup.exe\">d</a>",
            "<a href=\"a.svg\" download=\"diagram.svg\">d</a>",
            "<a href=\"" + svg + "\" download=\"../x/evil.svg\">d</a>",
            "<a href=\"" + svg + "\" download=\".svg\">d</a>")) {
      assertThat(renderer.render(a + "\n", ref -> Optional.of(url)))
          .as(a)
          .doesNotContain("download");
    }
  }

  @Test
  void dataUrlsAreAllowedForImagesOnly() {
    assertThat(renderer.render("![x](data:image/png;base64,AAAA)")).contains("data:image/png");
    assertThat(renderer.render("[x](data:image/png;base64,AAAA)")).doesNotContain("data:");
  }

  @Test
  void frontMatterIsReadButNeverShown() {
    String note = "---\ntitle: Loom\ntags: [java, jvm]\n---\nBody\n";
    assertThat(renderer.render(note)).isEqualTo("<p data-line=\"4\">Body</p>\n");
    assertThat(renderer.frontMatter(note)).containsEntry("title", java.util.List.of("Loom"));
    assertThat(renderer.renderNote(note, r -> Optional.empty()).frontMatter()).containsKey("tags");
  }

  @Test
  void blocksCarryTheirSourceLines() {
    String html = renderer.render("# A\n\ntext\n\n- one\n- two\n");
    assertThat(html)
        .contains("<h1 id=\"a\" data-line=\"0\">")
        .contains("<p data-line=\"2\">")
        .contains("<li data-line=\"5\">");
  }

  @Test
  void previewBlocksCountLinesFromTheirBlockSoMovedBlocksRenderTheSame() {
    RenderedNote before = renderer.renderNote("intro\n\n- one\n  - two\n", r -> Optional.empty());
    RenderedNote after =
        renderer.renderNote("new line\n\nintro\n\n- one\n  - two\n", r -> Optional.empty());
    assertThat(before.blocks()).hasSize(2);
    assertThat(after.blocks()).hasSize(3);
    assertThat(after.blocks().get(2).html()).isEqualTo(before.blocks().get(1).html());
    assertThat(after.blocks().get(2).firstLine()).isEqualTo(4);
    assertThat(after.blocks().get(2).lastLine()).isEqualTo(5);
    assertThat(after.blocks().get(2).html()).contains("data-rel=\"1\"").doesNotContain("data-line");
  }

  @Test
  void rendererIsSafeToShareBetweenThreads() throws Exception {
    String note = "# Title\n\n- a\n- b <kbd>x</kbd>\n\n```java\nint x;\n```\n".repeat(50);
    String expected = renderer.render(note);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<String>>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> renderer.render(note)));
      }
      for (var f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Markdown that shows {@code text} as it is: every ASCII punctuation character escaped. */
  private static String escaped(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c < 128 && !Character.isLetterOrDigit(c) && c != ' ') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Don't fear the garbage collector",
        "C++ for Java developers",
        "a = b, and why",
        "@Annotations everywhere",
        "Tom & Jerry & friends",
        "List<T> and Map<K, V>",
        "Generics -> bounded <? extends T>",
        "\"Quoted\" talk",
        "' + = @ & < > \"",
        "Café naïve 日本語"
      })
  void aFirstHeadingThatRepeatsTheTitleIsDroppedAndNoHeadingLosesALevel(String title) {
    for (String heading : List.of(escaped(title), escaped(title).toUpperCase(Locale.ROOT))) {
      NotePage page =
          renderer.renderPage(
              "# " + heading + "\n\nIntro.\n\n## Part one\n\ntext\n\n### Detail\n",
              r -> Optional.empty(),
              title);
      assertThat(page.html())
          .doesNotContain("<h1")
          .startsWith("<p>Intro.</p>")
          .contains("<h2 id=\"part-one\">Part one")
          .contains("<h3 id=\"detail\">Detail");
      assertThat(page.headings())
          .extracting(NotePage.Heading::level, NotePage.Heading::id)
          .containsExactly(tuple(2, "part-one"), tuple(3, "detail"));
    }
    // the same heading under another title stays, one level down
    NotePage other =
        renderer.renderPage(
            "# " + escaped(title) + "\n\n## Part\n", r -> Optional.empty(), "Other");
    assertThat(other.html()).startsWith("<h2 id=").contains("<h3 id=\"part\">");
    assertThat(other.headings()).hasSize(2);
    assertThat(other.headings().get(0).html()).isNotBlank();
  }

  @Test
  void contentsEntriesAreEachHeadingsOwnHtmlWhereverTheHeadingIs() {
    // Made from one render of the whole document (HeadingTexts): each entry must still be its own
    // heading's inside, in order, with empty headings, nested ones and raw HTML about.
    NotePage page =
        renderer.renderPage(
            "## First *one*\n\n##\n\n- item\n\n  ### In a `list`\n\n> ## Quoted <kbd>K</kbd>"
                + " <script>x</script>\n\nSetext with  \nbreak\n---\n\n## Last &amp; best\n",
            r -> Optional.empty(),
            "Talk");
    assertThat(page.headings())
        .extracting(NotePage.Heading::html)
        .containsExactly(
            "First <em>one</em>",
            "",
            "In a <code>list</code>",
            "Quoted <kbd>K</kbd> ",
            "Setext with<br />\nbreak",
            "Last &amp; best");
    for (NotePage.Heading h : page.headings()) {
      assertThat(page.html())
          .contains("id=\"" + h.id() + "\">" + h.html() + " <a class=\"permalink\"");
    }
  }

  @Test
  void aPageHasUniqueHeadingIdsPermalinksAndContentsEntriesWithoutLinks() {
    NotePage page =
        renderer.renderPage(
            "## Notes\n\n## Notes\n\n### See [the docs](https://example.org/) `now`\n",
            r -> Optional.empty(),
            "Talk");
    assertThat(page.headings())
        .extracting(NotePage.Heading::id)
        .containsExactly("notes", "notes-1", "see-the-docs-now");
    assertThat(page.headings().get(2).html()).isEqualTo("See the docs <code>now</code>");
    for (NotePage.Heading h : page.headings()) {
      assertThat(page.html())
          .contains(
              "id=\""
                  + h.id()
                  + "\">"
                  + h.html()
                      .replace(
                          "the docs",
                          "<a rel=\"nofollow\" href=\"https://example.org/\">the docs</a>")
                  + " <a class=\"permalink\" href=\"#"
                  + h.id()
                  + "\"");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n<kbd>x</kbd>\n"})
  void headingsInAnyScriptKeepTheirIdsAlsoInNotesWithRawHtml(String raw) {
    String note = "# Über Café\n\n## Ωμέγα 2\n\n## 東京\n" + raw;
    String page = renderer.renderPage(note, r -> Optional.empty(), "T").html();
    // the id the permalink and the contents point at is on the heading
    assertThat(page)
        .contains("<h2 id=\"über-café\">", "href=\"#über-café\"")
        .contains("<h3 id=\"ωμέγα-2\">", "<h3 id=\"東京\">");
    assertThat(renderer.render(note)).contains("id=\"über-café\"");
  }

  @Test
  void outputBlocksAreMarkedInThePreviewAndOnThePage() {
    String note = "```java\nint x = 1;\n```\n\n```output\n1\n```\n";
    String marked =
        "<pre class=\"output\" aria-label=\"Output\"><code class=\"language-output nohighlight\">";
    assertThat(renderer.render(note))
        .contains("<pre class=\"output\" aria-label=\"Output\" data-line=\"4\">");
    assertThat(renderer.renderNote(note, r -> Optional.empty()).html()).contains(marked);
    assertThat(renderer.renderPage(note, r -> Optional.empty(), "T").html()).contains(marked);
    // with raw HTML in the note, the sanitizer keeps the marks
    assertThat(renderer.renderPage(note + "\n<kbd>x</kbd>\n", r -> Optional.empty(), "T").html())
        .contains(marked);
    // the output of a block that failed (core.repl.NoteCode's ```output-error) is an error
    String failed =
        "```java\nint y = \"no\";\n```\n```output-error\nerror: incompatible types\n```\n";
    String error =
        "<pre class=\"output error\" aria-label=\"Error\"><code"
            + " class=\"language-output-error nohighlight\">error: incompatible types";
    assertThat(renderer.renderNote(failed, r -> Optional.empty()).html()).contains(error);
    assertThat(renderer.renderPage(failed, r -> Optional.empty(), "T").html()).contains(error);
    assertThat(renderer.renderPage(failed + "<kbd>x</kbd>\n", r -> Optional.empty(), "T").html())
        .contains(error);
  }

  @Test
  void anOutputWhoseCodeChangedSinceItRanIsMarkedOutOfDateInThePreviewAndOnThePage() {
    String stamp = CodeStamp.of("new Point(3, 4)");
    String ran =
        "```java\nnew Point(3, 4)\n```\n```output code=" + stamp + "\nPoint[x=3, y=4]\n```\n";
    String edited = ran.replace("Point(3, 4)", "Point(7, 24)");
    String outOfDate = "<pre class=\"output stale\" aria-label=\"Output, out of date\">";
    String upToDate = "<pre class=\"output\" aria-label=\"Output\">";
    // the info string's language is still "output"
    assertThat(renderer.renderNote(ran, r -> Optional.empty()).html())
        .contains(upToDate + "<code class=\"language-output nohighlight\">Point[x=3, y=4]");
    assertThat(renderer.renderNote(edited, r -> Optional.empty()).html()).contains(outOfDate);
    assertThat(renderer.renderPage(edited, r -> Optional.empty(), "T").html()).contains(outOfDate);
    // with raw HTML in the note, the sanitizer keeps the mark
    assertThat(renderer.renderPage(edited + "<kbd>x</kbd>\n", r -> Optional.empty(), "T").html())
        .contains(outOfDate);
    String failed = edited.replace("```output ", "```output-error ");
    assertThat(renderer.renderNote(failed + "<kbd>x</kbd>\n", r -> Optional.empty()).html())
        .contains("<pre class=\"output error stale\" aria-label=\"Error, out of date\">");
    // an output written before stamps is not marked
    assertThat(
            renderer.renderNote(edited.replace(" code=" + stamp, ""), r -> Optional.empty()).html())
        .contains(upToDate);
  }

  private static final java.util.regex.Pattern REMOTE_IMG =
      java.util.regex.Pattern.compile("(?i)<img[^>]*src=\"\\s*(https?:|[/\\\\]{2}|/\\\\)");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "![a](https://tracker.invalid/a.png)",
        "![a](HTTP://tracker.invalid/a.png)",
        "![a](//tracker.invalid/a.png)",
        "![a](\\\\tracker.invalid/a.png)",
        "![a](/\\tracker.invalid/a.png)",
        "![a][r]\n\n[r]: https://tracker.invalid/a.png",
        "![a][r]\n\n[r]: //tracker.invalid/a.png \"title\"",
        "![r]\n\n[r]: <//tracker.invalid/a b.png>",
        "[![a](https://tracker.invalid/a.png)](https://example.org/)",
        "<img src=\"https://tracker.invalid/a.png\">",
        "<img alt=\"a\" src=\"https://tracker.invalid/a.png\">",
        "<img width=\"20\" height=\"20\" alt=\"a\" src=\"https://tracker.invalid/a.png\">",
        "<img src=\"//tracker.invalid/a.png\" alt=\"a\">",
        "<IMG SRC=\"//tracker.invalid/a.png\">",
        "<img src='\\\\tracker.invalid/a.png'>",
        "<img src=/\\tracker.invalid/a.png>",
        "<img src=\" https://tracker.invalid/a.png\">",
        "<img src=\"ht&#9;tps://tracker.invalid/a.png\">",
        "<img src=\"&#104;ttps://tracker.invalid/a.png\">",
        "<img srcset=\"https://tracker.invalid/a.png 2x\" src=\"x.png\">",
        "text <img src=\"https://tracker.invalid/a.png\"> inline",
        "<a href=\"https://example.org/\"><img src=\"https://tracker.invalid/a.png\"></a>",
        "- item\n\n  ![a](https://tracker.invalid/a.png)",
        "| t |\n|---|\n| ![a](//tracker.invalid/a.png) |"
      })
  void imagesFromElsewhereNeverStayImagesInAnyForm(String note) {
    for (String html :
        List.of(
            renderer.render(note),
            renderer.renderNote(note, r -> Optional.empty()).html(),
            renderer.renderPage(note, r -> Optional.empty(), "T").html())) {
      assertThat(REMOTE_IMG.matcher(html).find()).as(html).isFalse();
      assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("srcset");
      if (note.contains("example.org")) {
        // inside a link (an a cannot hold another) the image is its text alone
        assertThat(html).as(html).contains("href=\"https://example.org/\">");
      } else if (!note.contains("ht&#9;tps") && !note.contains("srcset")) {
        assertThat(html).as(html).contains("tracker.invalid");
      }
    }
  }

  @Test
  void aRemoteImageBecomesALinkWithItsAltText() {
    assertThat(
            renderer.render(
                "![a *diagram*](https://tracker.invalid/d.png \"T\") ![](//t.invalid/e.png)"))
        .contains(
            "<a class=\"remote-image\" href=\"https://tracker.invalid/d.png\" title=\"T\">a"
                + " <em>diagram</em></a>")
        // protocol-relative: over https, not file://t.invalid/… from a page read from disk
        .contains("<a class=\"remote-image\" href=\"https://t.invalid/e.png\">image</a>");
    assertThat(
            renderer.render("<img alt=\"raw\" width=\"3\" src=\"https://tracker.invalid/d.png\">"))
        .contains("<a class=\"remote-image\" href=\"https://tracker.invalid/d.png\">raw</a>");
    // a remote image named .bin is a remote image still, not a local download's link
    assertThat(renderer.render("![x](https://t.invalid/x.bin) ![y](//t.invalid/y.bin)"))
        .contains("<a class=\"remote-image\" href=\"https://t.invalid/x.bin\">x</a>")
        .contains("<a class=\"remote-image\" href=\"https://t.invalid/y.bin\">y</a>");
  }

  @Test
  void anImageTheNotebookDoesNotHoldIsAMarkedPlaceholderNamedOnce() {
    String note =
        "![a *diagram*](pictures/a%20b.png) <img src=\"b.png\" alt=\"b\"> <img src=\"x\">\n\n"
            + "[![linked](c.png)](https://example.org/) ![](pictures/a%20b.png)"
            + " ![ok](attachment:"
            + HASH
            + "/ok.png) ![gone](attachment:"
            + "b".repeat(64)
            + "/gone.png) ![far](https://t.invalid/f.png) ![in](data:image/png;base64,AAAA)"
            + " ![bad](javascript:alert(1))\n";
    Function<AttachmentRef, Optional<String>> held =
        ref ->
            ref.sha256().equals(HASH) ? Optional.of("../../attachments/ok.png") : Optional.empty();
    NotePage page = renderer.renderPage(note, held, "T");
    for (String html :
        List.of(page.html(), renderer.render(note, held), renderer.renderNote(note, held).html())) {
      assertThat(html)
          .as(html)
          .contains(
              "<span class=\"missing-image\" title=\"Not in the notebook: pictures/a b.png\">"
                  + "Missing image: a <em>diagram</em></span>")
          .contains(
              "<span class=\"missing-image\" title=\"Not in the notebook: b.png\">"
                  + "Missing image: b</span>")
          .contains(
              "<span class=\"missing-image\" title=\"Not in the notebook: x\">"
                  + "Missing image: x</span>")
          .contains(
              "href=\"https://example.org/\"><span class=\"missing-image\" title=\"Not in the"
                  + " notebook: c.png\">Missing image: linked</span></a>")
          .contains("Missing image: pictures/a b.png</span>")
          .contains("Missing image: gone</span>")
          .contains("<img src=\"../../attachments/ok.png\" alt=\"ok\" />")
          .contains("<img src=\"data:image/png;base64,AAAA\" alt=\"in\" />")
          .contains("class=\"remote-image\"")
          .contains("title=\"Not in the notebook\">Missing image: bad</span>")
          .doesNotContain("javascript")
          .doesNotContain("src=\"pictures")
          .doesNotContain("src=\"b.png")
          .doesNotContain("src=\"x");
    }
    assertThat(page.missingImages())
        .containsExactly("pictures/a b.png", "c.png", "gone.png", "b.png", "x");
  }

  @Test
  void aPageMadeWithItsSummaryIsThePageAndTheSummaryMadeApart() {
    String hash = "a".repeat(64);
    for (String note :
        List.of(
            "# Don't panic\n\nSpeaker: *Ada* ([site](https://ada.example)).\n\n## Key\n\ntext\n",
            "![shot](attachment:" + hash + "/s.png) and ![far](https://x.example/y.png) words\n",
            "<img src=\"//tracker.invalid/p.png\" alt=\"raw\"> <b>bold</b> text\n\n## A\n\n## B\n",
            "word ".repeat(200),
            "# Don't panic\n")) {
      NotePage alone =
          renderer.renderPage(note, ref -> Optional.of("../../attachments/x.png"), "Don't panic");
      NotePage withSummary =
          renderer.renderPage(
              note, ref -> Optional.of("../../attachments/x.png"), "Don't panic", 400);
      assertThat(withSummary.html()).isEqualTo(alone.html());
      assertThat(withSummary.headings()).isEqualTo(alone.headings());
      assertThat(withSummary.summary()).isEqualTo(renderer.summary(note, "Don't panic", 400));
      assertThat(alone.summary()).isNull();
    }
  }

  @Test
  void aSummaryIsTheNotesProseWithoutTheTitleHeadingsCodeOrMarkup() {
    String note =
        "---\nlayout: post\n---\n# Don't panic\n\nSpeaker: *Ada* ([site](https://ada.example)).\n\n"
            + "## Key points\n\n- first `point`\n  - nested\n\n```java\nint x;\n```\n\n"
            + "| a |\n|---|\n| cell |\n\n<div>raw</div>\n\n> quoted\n";
    assertThat(renderer.summary(note, "Don't panic", 400))
        .isEqualTo("Speaker: Ada (site). first point · nested · quoted");
    assertThat(renderer.summary("word ".repeat(200), "T", 50))
        .hasSizeLessThanOrEqualTo(51)
        .endsWith("word…");
    assertThat(renderer.summary("# Only the title\n", "Only the title", 400)).isEmpty();
  }

  @Test
  void aSummaryKeepsListItemsAndALoneImagesAltTextApart() {
    // the tester's keynote: they ran together as "the next talk. Architecture of the new runtime
    // watch the recording read JEP 444"
    String note =
        "Jürgen opened with the history of the platform.\n\nSee the JEP index and the next talk."
            + "\n\n![Architecture of the new runtime](arch.png)\n\n"
            + "- [ ] watch the recording\n- [x] read JEP 444\n\nDon't pool virtual threads!\n\n"
            + "> a quote\n";
    assertThat(renderer.summary(note, null, 400))
        .isEqualTo(
            "Jürgen opened with the history of the platform. See the JEP index and the next talk."
                + " Architecture of the new runtime · watch the recording · read JEP 444 ·"
                + " Don't pool virtual threads! a quote");
  }

  @Test
  void aSummaryLeavesOutWhatThePageDropsWithARawScriptOrStyle() {
    String note =
        "Intro.\n\nSee [the RFC](https://example.org) and <script>alert(7)</script>\n\n"
            + "Styled <style>p { color: red }</style>words and <b>bold</b> kept.\n";
    String page = renderer.renderPage(note, ref -> Optional.empty(), null).html();
    assertThat(page).doesNotContain("alert").doesNotContain("color");
    assertThat(renderer.summary(note, null, 400))
        .isEqualTo("Intro. See the RFC and · Styled words and bold kept.");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "Intro.\\n\\n<iframe src=x>\\n\\ninside para\\n\\n</iframe>\\n\\nafter" | "Intro. after"
          "a <script/> b\\n\\nc"                                        | "a"
          "a <style>x\\n\\npara2</style> after"                         | "a · after"
          "a <!-- draft --> b"                                          | "a b"
          "# T\\n\\nKept <script>alert(1)</script> words"               | "Kept words"
          """)
  void aSummaryLeavesOutWhatThePageDropsAcrossParagraphsToo(String note, String summary) {
    String markdown = note.replace("\\n", "\n");
    NotePage page = renderer.renderPage(markdown, ref -> Optional.empty(), "T", 400);
    String pageText = page.html().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();

    assertThat(page.summary()).isEqualTo(summary);
    assertThat(renderer.summary(markdown, "T", 400)).isEqualTo(summary);
    // the summary keeps paragraphs apart with " · " where no sentence ends them
    assertThat(pageText).as("the page's text").isEqualTo(summary.replace(" · ", " "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"script", "style", "noscript", "iframe", "object", "title", "noembed"})
  void theElementsWhoseTextThePlainTextLeavesOutAreTheOnesTheSanitizerEmpties(String element) {
    assertThat(NoteHtmlPolicy.TEXT_DROPPED).contains(element);
    assertThat(NoteHtmlPolicy.sanitize("<p>a <" + element + ">hidden</" + element + "> b</p>"))
        .doesNotContain("hidden");
  }

  @ParameterizedTest
  @ValueSource(strings = {"b", "span", "kbd", "textarea", "button", "svg", "mark"})
  void theElementsWhoseTextStaysKeepItInThePlainTextToo(String element) {
    assertThat(NoteHtmlPolicy.TEXT_DROPPED).doesNotContain(element);
    assertThat(NoteHtmlPolicy.sanitize("<p>a <" + element + ">shown</" + element + "> b</p>"))
        .contains("shown");
  }
}
