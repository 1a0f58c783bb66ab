package dev.talkbook.core.markdown;

import dev.talkbook.core.notebook.AttachmentRef;
import dev.talkbook.core.notebook.TalkLink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Notes to HTML, for the preview and the static site. commonmark's parser and renderers are built
 * once: they are immutable and thread-safe, so one instance may serve every thread.
 *
 * <p>GFM tables, strikethrough, autolinks, task list items, heading anchors ({@code id}s) and YAML
 * front matter (recognised, never shown). Every rendered block element carries its first source
 * line (0-based) as {@code data-line}, for scroll sync.
 *
 * <p>Nothing from a note runs: raw HTML goes through an allow-list sanitizer ({@link
 * NoteHtmlPolicy}, ADR 0007); link and image URLs other than web, mail, in-page, relative, talk and
 * attachment addresses are dropped (images may also be {@code data:image/...;base64}). Attachment
 * references are turned into real URLs by the caller.
 */
public final class MarkdownRenderer {
  /**
   * How an attachment's URL ends when it is published as a download, never shown (the site's {@code
   * .bin}: an SVG holding links or scripts, say): an image of it becomes a link to it.
   */
  public static final String DOWNLOAD_EXTENSION = ".bin";

  /** Deeper block nesting (quotes, lists) is read as text: keeps pathological input linear. */
  static final int MAX_BLOCK_NESTING = 100;

  /** Deeper link and emphasis nesting is read as text. */
  static final int MAX_INLINE_NESTING = 100;

  /**
   * commonmark's autolinks as {@link Autolinks} makes them and its task list items as {@link
   * TaskItems} does (the same nodes, found sooner), and footnotes ({@link Footnotes}).
   */
  static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(),
          StrikethroughExtension.create(),
          Autolinks.create(),
          TaskItems.create(),
          YamlFrontMatterExtension.create(),
          (Parser.ParserExtension) Footnotes::extend);

  /**
   * The extensions as commonmark ships them (its own autolinks), plus its heading anchors (whose
   * {@code id}s {@link HeadingIds} gives too), for a bare commonmark comparison (benchmarks,
   * tests).
   */
  public static List<Extension> extensions() {
    return List.of(
        TablesExtension.create(),
        StrikethroughExtension.create(),
        AutolinkExtension.create(),
        TaskListItemsExtension.create(),
        YamlFrontMatterExtension.create(),
        HeadingAnchorExtension.create());
  }

  private final Parser parser =
      Parser.builder()
          .extensions(EXTENSIONS)
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .maxOpenBlockParsers(MAX_BLOCK_NESTING)
          .maxInlineNesting(MAX_INLINE_NESTING)
          .inlineParserFactory(GuardedInlineParser.FACTORY)
          .build();

  /**
   * The same without source positions, for what needs none (a published page, a summary): keeping
   * them was a few per cent of parsing every page of a site.
   */
  private final Parser pageParser =
      Parser.builder()
          .extensions(EXTENSIONS)
          .maxOpenBlockParsers(MAX_BLOCK_NESTING)
          .maxInlineNesting(MAX_INLINE_NESTING)
          .inlineParserFactory(GuardedInlineParser.FACTORY)
          .build();

  private final HtmlRenderer absolute = renderer(SourceLines.ABSOLUTE, false);
  private final HtmlRenderer relative = renderer(SourceLines.RELATIVE, false);
  private final HtmlRenderer page = renderer(null, true);
  private final HtmlRenderer headingText =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .escapeHtml(false)
          .sanitizeUrls(true)
          .urlSanitizer(new SafeUrls())
          .nodeRendererFactory(LinkFree::new)
          .nodeRendererFactory(HeadingTexts::new)
          .nodeRendererFactory(context -> new Footnotes.Html(context, true))
          .build();

  /**
   * With source lines of this kind on each block, or none when null; for a published page ({@code
   * permalinks}) each heading with a link to itself. Headings get {@code id}s ({@link HeadingIds}),
   * {@code output} code blocks are marked as program output ({@link OutputBlocks}), and images from
   * elsewhere are links ({@link RemoteImage}).
   */
  private static HtmlRenderer renderer(Boolean relativeLines, boolean permalinks) {
    HtmlRenderer.Builder builder =
        HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(false) // raw HTML is sanitized afterwards, see NoteHtmlPolicy
            .sanitizeUrls(true)
            .urlSanitizer(new SafeUrls())
            .attributeProviderFactory(context -> new HeadingIds())
            .attributeProviderFactory(context -> new OutputBlocks())
            .attributeProviderFactory(context -> new LinkRel())
            .nodeRendererFactory(ImageStandIn.Renderer::new)
            .nodeRendererFactory(context -> new Footnotes.Html(context, false));
    if (relativeLines != null) {
      builder.attributeProviderFactory(context -> new SourceLines(relativeLines));
    }
    if (permalinks) {
      builder.nodeRendererFactory(Permalinks::new);
    }
    return builder.build();
  }

  /** The HTML for these notes; attachment references are left as they are. */
  public String render(String markdown) {
    return render(markdown, ref -> Optional.empty());
  }

  /**
   * The HTML for these notes, with each {@code attachment:} reference replaced by the URL {@code
   * attachments} gives for it (left as it is when that is empty). Images may resolve to {@code
   * data:image/...} URLs.
   */
  public String render(String markdown, Function<AttachmentRef, Optional<String>> attachments) {
    Node document = parseToRender(parser, markdown, null, "");
    Prepare prepare = new Prepare(new NoteImages(attachments), null);
    document.accept(prepare);
    String html = absolute.render(document);
    return prepare.raw ? NoteHtmlPolicy.sanitize(html, prepare.images) : html;
  }

  /**
   * The notes as a published page shows them (the static site), from one parse: sanitized as {@link
   * #render(String, Function)}, without the {@code data-line} attributes (only the editor's scroll
   * sync needs them), and shaped for a page that shows {@code title} as its own {@code h1}: a first
   * level-1 heading that only repeats the title is left out (compared as text, so escaping never
   * matters), the headings move so the highest is {@code h2}, and each heading links to itself. The
   * page's headings come with it, for a table of contents.
   */
  public NotePage renderPage(
      String markdown, Function<AttachmentRef, Optional<String>> attachments, String title) {
    return renderPage(markdown, attachments, title, -1);
  }

  /**
   * {@link #renderPage(String, Function, String)} with the notes' {@link #summary} of at most
   * {@code summaryMax} characters (none when negative) from the same parse: for the site's feed,
   * whose talks' pages are made anyway (a second parse of each was a sixth of the parsing of a
   * 300-talk site, on one core at the end of the export).
   */
  public NotePage renderPage(
      String markdown,
      Function<AttachmentRef, Optional<String>> attachments,
      String title,
      int summaryMax) {
    return renderPage(markdown, attachments, NO_TALK_PAGES, title, summaryMax);
  }

  /**
   * {@link #renderPage(String, Function, String, int)} with each link to a talk ({@link TalkLink})
   * given the URL {@code talks} gives for it: a talk it has no page for (deleted, not exported)
   * makes the link its text alone, never a dead link.
   */
  public NotePage renderPage(
      String markdown,
      Function<AttachmentRef, Optional<String>> attachments,
      Function<TalkLink, Optional<String>> talks,
      String title,
      int summaryMax) {
    return renderPage(markdown, attachments, talks, title, summaryMax, "");
  }

  /**
   * A talk's abstract (a programme's, with no attachments and no links to talks) as the page of its
   * notes shows it, above them: as {@link #renderPage(String, Function, String)} with no title, its
   * footnotes' ids apart from those of the notes.
   */
  public String renderAbstract(String markdown) {
    return renderPage(
            markdown, ref -> Optional.empty(), NO_TALK_PAGES, null, -1, Footnotes.ABSTRACT)
        .html();
  }

  private NotePage renderPage(
      String markdown,
      Function<AttachmentRef, Optional<String>> attachments,
      Function<TalkLink, Optional<String>> talks,
      String title,
      int summaryMax,
      String footnoteIds) {
    Node document = parseToRender(pageParser, markdown, title, footnoteIds);
    // before Prepare changes links and images: the summary is of the notes as they were parsed
    // (footnotes are no prose of it, numbered or not)
    String summary =
        summaryMax < 0
            ? null
            : markdown != null && DroppedHtml.mayHold(markdown)
                ? summary(markdown, title, summaryMax)
                : summary(document, summaryMax, n -> false);
    Prepare prepare = new Prepare(new NoteImages(attachments), talks);
    document.accept(prepare);
    int top = 6;
    for (Heading h : prepare.headings) {
      top = Math.min(top, h.getLevel());
    }
    int shift = Math.max(0, 2 - top);
    HeadingIds ids = new HeadingIds();
    List<NotePage.Heading> headings = new ArrayList<>(prepare.headings.size());
    // Every heading's inner HTML from one render of the document (in the order Prepare met them)
    String[] inner =
        prepare.headings.isEmpty()
            ? new String[0]
            : HeadingTexts.split(headingText.render(document));
    if (inner.length != prepare.headings.size()) {
      throw new IllegalStateException(
          inner.length + " heading texts for " + prepare.headings.size() + " headings");
    }
    for (int i = 0; i < inner.length; i++) {
      Heading h = prepare.headings.get(i);
      h.setLevel(Math.min(6, h.getLevel() + shift));
      String id = ids.next(h);
      if (!id.isEmpty()) {
        String html =
            prepare.raw
                ? NoteHtmlPolicy.sanitize(inner[i], prepare.images, prepare.talks)
                : inner[i];
        headings.add(new NotePage.Heading(h.getLevel(), id, html));
      }
    }
    // sized for the page at once: growing the builder from 16 characters copied it a dozen times
    StringBuilder out = new StringBuilder(markdown == null ? 16 : markdown.length() * 3 / 2);
    page.render(document, out);
    String html = out.toString();
    return new NotePage(
        prepare.raw ? NoteHtmlPolicy.sanitize(html, prepare.images, prepare.talks) : html,
        headings,
        summary,
        prepare.images.missingNames());
  }

  /**
   * The notes as {@link #renderPage} shapes them (a first heading that repeats {@code title} left
   * out, headings moved so the highest is {@code h2}, each linking to itself), one block per
   * top-level element with its first source line (0-based): for a page that replaces only the
   * blocks a change touched (live share). From one parse; nothing is post-processed as text.
   */
  public List<RenderedNote.Block> renderPageBlocks(
      String markdown, Function<AttachmentRef, Optional<String>> attachments, String title) {
    Node document = parseToRender(parser, markdown, title, "");
    List<Heading> headings = headings(document);
    int top = 6;
    for (Heading h : headings) {
      top = Math.min(top, h.getLevel());
    }
    int shift = Math.max(0, 2 - top);
    for (Heading h : headings) {
      h.setLevel(Math.min(6, h.getLevel() + shift));
    }
    return blocks(document, page, attachments, NO_TALK_PAGES);
  }

  /**
   * A short plain-text summary of the notes, for a feed: the text of their paragraphs (also in
   * lists and quotes) in order, after a first heading that repeats {@code title}; headings, code,
   * tables, raw HTML (and what the page drops with it: {@link DroppedHtml}) and front matter left
   * out; at most {@code max} characters, cut at a word with "…". Empty for notes without such text.
   */
  public String summary(String markdown, String title, int max) {
    if (markdown != null && DroppedHtml.mayHold(markdown)) {
      // A dropped element may span paragraphs or, never closed, hide the rest of the notes,
      // which no paragraph's own text can tell: the parse with positions says where.
      DroppedHtml.Parsed parsed = DroppedHtml.parse(markdown);
      dropRepeatedTitle(parsed.document, title);
      return summary(parsed.document, max, parsed::hides);
    }
    Node document = pageParser.parse(markdown == null ? "" : markdown);
    dropRepeatedTitle(document, title);
    return summary(document, max, n -> false);
  }

  /**
   * {@link #summary(String, String, int)} of a parsed note whose repeated title is left out,
   * without the text {@code dropped} says the page does not show.
   */
  private static String summary(Node document, int max, Predicate<Node> dropped) {
    StringBuilder out = new StringBuilder();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Paragraph paragraph) {
            if (out.length() <= max) {
              String text = NodeText.oneLine(paragraph, dropped);
              if (!text.isEmpty()) {
                // blocks kept apart: a sentence's end does it, else " · " (list items, a lone
                // image's alt text: "watch the recording · read JEP 444")
                out.append(out.length() == 0 ? "" : endsSentence(out) ? " " : " · ").append(text);
              }
            }
          }

          @Override
          public void visit(Heading heading) {}

          @Override
          public void visit(CustomBlock block) {
            // tables and front matter: not prose
          }
        });
    if (out.length() <= max) {
      return out.toString();
    }
    int cut = out.lastIndexOf(" ", max);
    return out.substring(0, cut > max / 2 ? cut : max).stripTrailing() + "…";
  }

  /**
   * Whether the text ends with a sentence's punctuation (or a closing quote or bracket after it).
   */
  private static boolean endsSentence(CharSequence text) {
    int i = text.length() - 1;
    while (i >= 0 && ")]\"'”’»".indexOf(text.charAt(i)) >= 0) {
      i--;
    }
    return i >= 0 && ".!?:;…。！？".indexOf(text.charAt(i)) >= 0;
  }

  /**
   * Leaves out the first block when it is a level-1 heading whose text, shown or typed (with its
   * inline HTML), is the title.
   */
  private static void dropRepeatedTitle(Node document, String title) {
    if (title == null) {
      return;
    }
    Node first = document.getFirstChild();
    while (first instanceof YamlFrontMatterBlock || first instanceof LinkReferenceDefinition) {
      first = first.getNext();
    }
    // as the page shows it, or as typed: "# Generics <T>" repeats the title "Generics <T>"
    if (first instanceof Heading h
        && h.getLevel() == 1
        && (sameText(NodeText.oneLine(h), title) || sameText(NodeText.asTyped(h), title))) {
      h.unlink();
    }
  }

  /** Equal ignoring case and runs of white space. */
  private static boolean sameText(String a, String b) {
    return NodeText.oneSpace(a.strip())
        .toLowerCase(Locale.ROOT)
        .equals(NodeText.oneSpace(b.strip()).toLowerCase(Locale.ROOT));
  }

  /**
   * Renders for the preview: one parse gives the blocks (see {@link RenderedNote}), the outline and
   * the front matter.
   */
  public RenderedNote renderNote(
      String markdown, Function<AttachmentRef, Optional<String>> attachments) {
    String text = markdown == null ? "" : markdown;
    Part part = renderPart(text, attachments);
    return new RenderedNote(
        part.blocks(), OutlineBuilder.build(part.document(), lastLine(text)), part.frontMatter());
  }

  /** A parsed and rendered piece of a note; lines count from the piece's first line. */
  record Part(
      Node document, List<RenderedNote.Block> blocks, Map<String, List<String>> frontMatter) {}

  Part renderPart(String text, Function<AttachmentRef, Optional<String>> attachments) {
    Node document = parseToRender(parser, text, null, "");
    Map<String, List<String>> frontMatter = Map.of();
    for (Node child = document.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof YamlFrontMatterBlock) {
        frontMatter = frontMatter(child);
      }
    }
    return new Part(document, blocks(document, relative, attachments, null), frontMatter);
  }

  /**
   * Each top-level element of {@code document} rendered by {@code renderer} (sanitized when it
   * holds raw HTML) with its source lines; front matter, link reference definitions and what
   * renders to nothing left out.
   */
  private static List<RenderedNote.Block> blocks(
      Node document,
      HtmlRenderer renderer,
      Function<AttachmentRef, Optional<String>> attachments,
      Function<TalkLink, Optional<String>> talks) {
    List<RenderedNote.Block> blocks = new ArrayList<>();
    NoteImages images = new NoteImages(attachments);
    for (Node child = document.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof YamlFrontMatterBlock
          || child instanceof LinkReferenceDefinition
          || child.getSourceSpans().isEmpty()) {
        continue;
      }
      Prepare prepare = new Prepare(images, talks);
      child.accept(prepare);
      String html = renderer.render(child);
      if (prepare.raw) {
        html = NoteHtmlPolicy.sanitize(html, images, talks);
      }
      if (child instanceof HtmlBlock) {
        html = "<div class=\"raw-html\">" + html + "</div>\n";
      }
      if (!html.isBlank()) {
        blocks.add(
            new RenderedNote.Block(
                OutlineBuilder.firstLine(child), OutlineBuilder.lastLine(child), html));
      }
    }
    return blocks;
  }

  /** The outline of these notes alone (no rendering). */
  public Outline outline(String markdown) {
    String text = markdown == null ? "" : markdown;
    return OutlineBuilder.build(parse(text), lastLine(text));
  }

  /** The YAML front matter's keys and values, or an empty map. */
  public Map<String, List<String>> frontMatter(String markdown) {
    Node document = parse(markdown);
    Node first = document.getFirstChild();
    return first instanceof YamlFrontMatterBlock ? frontMatter(first) : Map.of();
  }

  private Node parse(String markdown) {
    return parser.parse(markdown == null ? "" : markdown);
  }

  /**
   * {@code markdown} parsed by {@code parser} for rendering: a first heading that repeats {@code
   * title} left out (none when null), then the footnotes numbered ({@link Footnotes#number}) with
   * ids starting with {@code footnoteIds}. Every parse that is rendered comes from here, so none
   * can show its footnotes unnumbered, and a dropped title's references take no number.
   */
  private static Node parseToRender(
      Parser parser, String markdown, String title, String footnoteIds) {
    Node document = parser.parse(markdown == null ? "" : markdown);
    dropRepeatedTitle(document, title);
    Footnotes.number(document, footnoteIds);
    return document;
  }

  private static Map<String, List<String>> frontMatter(Node block) {
    YamlFrontMatterVisitor visitor = new YamlFrontMatterVisitor();
    block.accept(visitor);
    return new LinkedHashMap<>(visitor.getData());
  }

  static int lastLine(String text) {
    int lines = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      lines++;
    }
    return lines;
  }

  /**
   * The document's headings, in order. Only blocks hold headings, and neither a paragraph nor a
   * heading holds one, so the walk never goes into their text, most of a note's nodes (a visitor
   * over every node of a generated note took about 7 us, some 4 % of rendering its page).
   */
  static List<Heading> headings(Node document) {
    List<Heading> headings = new ArrayList<>();
    addHeadings(document, headings);
    return headings;
  }

  private static void addHeadings(Node parent, List<Heading> headings) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Heading heading) {
        headings.add(heading);
      } else if (child instanceof Block && !(child instanceof Paragraph)) {
        addHeadings(child, headings);
      }
    }
  }

  /**
   * Resolves attachment references, turns images from elsewhere into {@link RemoteImage}s, images
   * the notebook does not hold into {@link MissingImage}s and links to unsafe addresses into their
   * text, notes whether there is raw HTML to sanitize, and lists the headings in order.
   */
  private static final class Prepare extends AbstractVisitor {
    final NoteImages images;

    /** The URL of a linked talk's page, none for a talk without one; null: kept as written. */
    final Function<TalkLink, Optional<String>> talks;

    boolean raw;
    final List<Heading> headings = new ArrayList<>();

    Prepare(NoteImages images, Function<TalkLink, Optional<String>> talks) {
      this.images = images;
      this.talks = talks;
    }

    @Override
    public void visit(Heading heading) {
      headings.add(heading);
      visitChildren(heading);
    }

    @Override
    public void visit(Image image) {
      Optional<AttachmentRef> ref = AttachmentRef.parse(image.getDestination());
      Optional<String> url = resolve(image.getDestination());
      url.ifPresent(image::setDestination);
      visitChildren(image);
      if (ref.isPresent()
          && url.isPresent()
          && !url.get().endsWith(DOWNLOAD_EXTENSION)
          && NoteImages.notAPicture(url.get())) {
        // a file the notebook holds that is no picture (talk.pdf): a link to it, as the notes
        // would link it, not a broken picture or a "missing" one
        attachmentLink(image, ref.get().fileName());
        return;
      }
      if (image.getDestination() != null
          && image.getDestination().endsWith(DOWNLOAD_EXTENSION)
          && AttachmentRef.parse(image.getDestination()).isEmpty()
          && !SafeUrls.isRemote(image.getDestination())) {
        downloadLink(image, "download", ref.map(AttachmentRef::fileName).orElse(null));
        return;
      }
      if (SafeUrls.isRemote(image.getDestination())) {
        image.insertAfter(RemoteImage.of(image));
        image.unlink();
        return;
      }
      images
          .missing(image.getDestination())
          .ifPresent(
              name -> {
                image.insertAfter(MissingImage.of(image, name));
                image.unlink();
              });
    }

    /**
     * An attachment that is no picture in place of a picture of it: a link to it, its text the alt
     * text or the file's name, its tooltip the image's title or the file's name.
     */
    private void attachmentLink(Image image, String name) {
      if (image.getTitle() == null || image.getTitle().isBlank()) {
        image.setTitle(name);
      }
      downloadLink(image, name, null);
    }

    /**
     * An attachment published as a download (not to be shown) in place of a picture: a link to it
     * with the alt text (or "download"), where a picture would show broken; with {@code fileName}
     * (not null) the browser saves it under that name ({@link DownloadLink}), not as the site's
     * {@code <sha256>.bin}. Inside a link, its text.
     */
    private void downloadLink(Image image, String label, String fileName) {
      boolean inLink = false;
      for (Node p = image.getParent(); p != null; p = p.getParent()) {
        inLink |= p instanceof Link;
      }
      if (!inLink && fileName != null) {
        images.download(image.getDestination(), DownloadLink.name(fileName));
        image.insertAfter(DownloadLink.of(image, fileName));
        image.unlink();
        return;
      }
      Node into = inLink ? null : new Link(image.getDestination(), image.getTitle());
      if (image.getFirstChild() == null) {
        image.appendChild(new org.commonmark.node.Text(label));
      }
      for (Node child = image.getFirstChild(); child != null; ) {
        Node next = child.getNext();
        if (into == null) {
          image.insertBefore(child);
        } else {
          into.appendChild(child);
        }
        child = next;
      }
      if (into != null) {
        into.setSourceSpans(image.getSourceSpans());
        image.insertBefore(into);
      }
      image.unlink();
    }

    @Override
    public void visit(Link link) {
      Optional<AttachmentRef> ref = AttachmentRef.parse(link.getDestination());
      resolve(link.getDestination()).ifPresent(link::setDestination);
      visitChildren(link);
      if (ref.isPresent() && link.getDestination().endsWith(DOWNLOAD_EXTENSION)) {
        // a link to an attachment published as a download: saved under its own name
        images.download(link.getDestination(), DownloadLink.name(ref.get().fileName()));
        link.insertAfter(DownloadLink.of(link, ref.get().fileName()));
        link.unlink();
        return;
      }
      Optional<TalkLink> talk =
          talks == null ? Optional.empty() : TalkLink.parse(link.getDestination());
      Optional<String> page = talks == null ? Optional.empty() : talk.flatMap(talks);
      page.ifPresent(link::setDestination);
      if ((talk.isPresent() && page.isEmpty()) || !SafeUrls.safe(link.getDestination())) {
        // A talk without a page (deleted, not published) is the link's text, as an unsafe URL is.
        // A javascript:, data:, vbscript: ... link is its text alone: as {@code href=""} it was
        // a link that reloads the page, and an {@code <a>} without href still looks like one.
        for (Node child = link.getFirstChild(); child != null; ) {
          Node next = child.getNext();
          link.insertBefore(child);
          child = next;
        }
        link.unlink();
      }
    }

    @Override
    public void visit(HtmlBlock html) {
      raw = true;
    }

    @Override
    public void visit(HtmlInline html) {
      raw = true;
    }

    private Optional<String> resolve(String destination) {
      return images.resolve(destination);
    }
  }

  /**
   * Puts each block's first source line on its element: {@code data-line} (absolute), or for the
   * preview's blocks {@code data-rel} counted from the top-level block it is in.
   */
  private static final class SourceLines implements AttributeProvider {
    static final boolean ABSOLUTE = false;
    static final boolean RELATIVE = true;
    private final boolean relative;

    SourceLines(boolean relative) {
      this.relative = relative;
    }

    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
      if (!(node instanceof Block)
          || node instanceof Document
          || node.getSourceSpans().isEmpty()
          || tagName.equals("code")
          || tagName.equals("thead")
          || tagName.equals("tbody")) {
        return;
      }
      int line = node.getSourceSpans().get(0).getLineIndex();
      if (!relative) {
        attributes.put("data-line", Integer.toString(line));
        return;
      }
      Node top = node;
      while (top.getParent() != null && !(top.getParent() instanceof Document)) {
        top = top.getParent();
      }
      if (top != node && !top.getSourceSpans().isEmpty()) {
        attributes.put(
            "data-rel", Integer.toString(line - top.getSourceSpans().get(0).getLineIndex()));
      }
    }
  }

  /**
   * For a page with no talk's page to link to (live share): each link to a talk is its text alone.
   */
  public static final Function<TalkLink, Optional<String>> NO_TALK_PAGES = link -> Optional.empty();

  /**
   * Lets through web, mail, in-page, relative, attachment and talk ({@link TalkLink}) URLs; drops
   * everything else.
   */
  static final class SafeUrls implements UrlSanitizer {
    /**
     * Whether a browser would fetch this URL from another host: {@code http(s):} and
     * protocol-relative {@code //host/...} (also written with backslashes), read as a browser reads
     * it (tabs and line breaks anywhere and leading spaces and control characters ignored).
     */
    static boolean isRemote(String url) {
      if (url == null) {
        return false;
      }
      StringBuilder b = new StringBuilder(Math.min(url.length(), 16));
      for (int i = 0; i < url.length() && b.length() < 8; i++) {
        char c = url.charAt(i);
        if (c == '\t' || c == '\n' || c == '\r' || (b.length() == 0 && c <= ' ')) {
          continue;
        }
        b.append(Character.toLowerCase(c));
      }
      String u = b.toString();
      return u.startsWith("http:")
          || u.startsWith("https:")
          || (u.length() >= 2 && isSlash(u.charAt(0)) && isSlash(u.charAt(1)));
    }

    private static boolean isSlash(char c) {
      return c == '/' || c == '\\';
    }

    /**
     * A protocol-relative URL ({@code //host/x.png}, also with backslashes) as {@code
     * https://host/x.png}: a page read from disk would take it as {@code file://host/x.png}, a file
     * share that is not there. Any other URL as it is.
     */
    static String withScheme(String url) {
      if (url == null) {
        return null;
      }
      int i = 0;
      while (i < url.length() && url.charAt(i) <= ' ') {
        i++;
      }
      int slashes = 0;
      int j = i;
      for (; j < url.length(); j++) {
        char c = url.charAt(j);
        if (isSlash(c)) {
          slashes++;
        } else if (c != '\t' && c != '\n' && c != '\r') {
          break;
        }
      }
      return slashes >= 2 ? "https://" + url.substring(j) : url;
    }

    @Override
    public String sanitizeLinkUrl(String url) {
      return safe(url) ? url : "";
    }

    @Override
    public String sanitizeImageUrl(String url) {
      return safe(url) || SAFE_IMAGE_DATA.matcher(url).lookingAt() ? url : "";
    }

    /** Inline images of raster types (and SVG, whose scripts never run inside an img). */
    private static final Pattern SAFE_IMAGE_DATA =
        Pattern.compile("data:image/(png|jpeg|gif|webp|svg\\+xml);base64,");

    static boolean safe(String url) {
      String u = url.strip().toLowerCase(Locale.ROOT);
      int colon = u.indexOf(':');
      int slash = u.indexOf('/');
      int hash = u.indexOf('#');
      int question = u.indexOf('?');
      boolean hasScheme =
          colon > 0
              && (slash < 0 || colon < slash)
              && (hash < 0 || colon < hash)
              && (question < 0 || colon < question);
      if (!hasScheme) {
        return true;
      }
      String scheme = u.substring(0, colon);
      return scheme.equals("http")
          || scheme.equals("https")
          || scheme.equals("mailto")
          || scheme.equals("attachment")
          || scheme.equals("talk");
    }
  }
}
