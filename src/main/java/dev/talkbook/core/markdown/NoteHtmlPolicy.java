package dev.talkbook.core.markdown;

import dev.talkbook.core.notebook.TalkLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamRenderer;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list for raw HTML in notes (ADR 0007): the elements commonmark itself writes plus a few
 * harmless ones people type into notes ({@code kbd}, {@code sub}, {@code details}, ...). No
 * scripts, styles, frames, forms, event handlers or {@code style} attributes; links only to web,
 * mail, in-page, relative, {@code talk:} and {@code attachment:} addresses; images also from {@code
 * data:image/...;base64}.
 */
final class NoteHtmlPolicy {
  private NoteHtmlPolicy() {}

  /**
   * The elements this policy drops together with their text (the sanitizer's own rule, not one it
   * can be asked about; MarkdownRendererTest holds the two together): what a reader never sees of
   * the notes, so no plain text of them ({@link NodeText}) shows it either.
   */
  static final Set<String> TEXT_DROPPED =
      Set.of(
          "script",
          "style",
          "noscript",
          "nostyle",
          "noembed",
          "noframes",
          "iframe",
          "object",
          "title");

  /**
   * The policy, built on first use: a page or summary without raw HTML never needs it, and building
   * it (the sanitizer's classes, its tables and patterns) cost every {@code export site} tens of
   * milliseconds on a cold JVM, on the thread that first asked {@link #TEXT_DROPPED} while the
   * other core waited for the class to be initialized.
   */
  private static final class Built {
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    private static final Pattern LANGUAGE_CLASS =
        Pattern.compile("language-[\\w+#.-]{1,40}( nohighlight)?");
    private static final Pattern LINK_CLASS =
        Pattern.compile(Permalinks.CLASS + "|" + RemoteImage.CLASS + "|" + Footnotes.BACKREF_CLASS);
    private static final Pattern PRE_CLASS =
        Pattern.compile(OutputBlocks.OUTPUT + "( error)?( " + OutputBlocks.OUT_OF_DATE + ")?");
    private static final Pattern ALIGN = Pattern.compile("left|right|center");
    private static final Pattern SAFE_IMAGE_DATA =
        Pattern.compile("data:image/(png|jpeg|gif|webp|svg\\+xml);base64,[A-Za-z0-9+/=\\s]*");

    static final PolicyFactory POLICY =
        new HtmlPolicyBuilder()
            .allowElements(
                "p",
                "h1",
                "h2",
                "h3",
                "h4",
                "h5",
                "h6",
                "ul",
                "ol",
                "li",
                "blockquote",
                "pre",
                "code",
                "em",
                "strong",
                "del",
                "s",
                "a",
                "img",
                "table",
                "thead",
                "tbody",
                "tfoot",
                "tr",
                "th",
                "td",
                "caption",
                "hr",
                "br",
                "span",
                "div",
                "sub",
                "sup",
                "kbd",
                "mark",
                "details",
                "summary",
                "dl",
                "dt",
                "dd",
                "abbr",
                "ins",
                "small",
                "b",
                "i",
                "u",
                "q",
                "figure",
                "figcaption",
                "input")
            .allowUrlProtocols("http", "https", "mailto", "attachment", "talk", "data")
            .allowAttributes("href")
            .matching(
                (element, attribute, value) -> MarkdownRenderer.SafeUrls.safe(value) ? value : null)
            .onElements("a")
            .allowAttributes("rel")
            .matching(Pattern.compile("nofollow"))
            .onElements("a")
            // the name a download is saved under (DownloadLink): a file name, never a path
            .allowAttributes("download")
            .matching(DownloadLink.SAFE_NAME)
            .onElements("a")
            .allowAttributes("class")
            .matching(LINK_CLASS)
            .onElements("a")
            .allowAttributes("class")
            .matching(PRE_CLASS)
            .onElements("pre")
            .allowAttributes("aria-label")
            .onElements("a", "pre")
            .allowAttributes("class")
            .matching(Pattern.compile(MissingImage.CLASS))
            .onElements("span")
            .allowAttributes("src")
            .matching(
                (element, attribute, value) ->
                    MarkdownRenderer.SafeUrls.safe(value)
                            || SAFE_IMAGE_DATA.matcher(value).matches()
                        ? value
                        : null)
            .onElements("img")
            .allowAttributes("alt", "width", "height")
            .onElements("img")
            .allowAttributes("title")
            .globally()
            .allowAttributes("id")
            // what HeadingIds makes of a heading in any script ("über-café"), as Unicode words,
            // and a footnote's ids (Footnotes: fn:3, fnref:3, fnref:3:2, abstract-fn:1)
            .matching(
                Pattern.compile(
                    "[\\w-]{1,200}|(abstract-)?(fn:\\d{1,9}|fnref:\\d{1,9}(:\\d{1,9})?)",
                    Pattern.UNICODE_CHARACTER_CLASS))
            .globally()
            .allowAttributes("class")
            .matching(Pattern.compile(Footnotes.REF_CLASS))
            .onElements("sup")
            .allowAttributes("class")
            .matching(Pattern.compile(Footnotes.SECTION_CLASS))
            .onElements("div")
            .allowAttributes("data-line", "data-rel")
            .matching(DIGITS)
            .globally()
            .allowAttributes("class")
            .matching(LANGUAGE_CLASS)
            .onElements("code")
            .allowAttributes("align")
            .matching(ALIGN)
            .onElements("th", "td")
            .allowAttributes("start")
            .matching(DIGITS)
            .onElements("ol")
            .allowAttributes("open")
            .onElements("details")
            // Task list check boxes only, never enabled.
            .allowAttributes("type")
            .matching(
                (element, attribute, value) ->
                    value.toLowerCase(Locale.ROOT).equals("checkbox") ? "checkbox" : null)
            .onElements("input")
            .allowAttributes("checked", "disabled")
            .onElements("input")
            .allowElements(NoteHtmlPolicy::checkBoxOnly, "input")
            .allowWithoutAttributes("span", "div")
            .toFactory();
  }

  /** An {@code input} stays only as a disabled check box (a task list item). */
  private static String checkBoxOnly(String element, java.util.List<String> attributes) {
    boolean checkBox = false;
    for (int i = 0; i + 1 < attributes.size(); i += 2) {
      if (attributes.get(i).equals("type") && attributes.get(i + 1).equals("checkbox")) {
        checkBox = true;
      }
    }
    if (!checkBox) {
      return null;
    }
    if (!attributes.contains("disabled")) {
      attributes.add("disabled");
      attributes.add("disabled");
    }
    return element;
  }

  /** {@link #sanitize(String, NoteImages)} of a note that holds no attachment. */
  static String sanitize(String html) {
    return sanitize(html, new NoteImages(ref -> java.util.Optional.empty()));
  }

  /**
   * The HTML with everything not allowed removed, each image from another host made a link to it
   * (as {@link RemoteImage} does for Markdown images), whatever its attributes and their order, an
   * image's {@code attachment:} reference resolved through {@code images} (an attachment published
   * as a download becomes a link to it, as a Markdown image of it does), and an image the notebook
   * does not hold made a placeholder (as {@link MissingImage} does).
   */
  static String sanitize(String html, NoteImages images) {
    return sanitize(html, images, null);
  }

  /**
   * {@link #sanitize(String, NoteImages)}, with each raw HTML link to a talk ({@code <a
   * href="talk:5">}) given the URL {@code talks} gives its talk, as a Markdown link is; a talk
   * without one (deleted, not published) leaves the link's text alone. Null {@code talks}: kept as
   * written (the preview opens them).
   */
  static String sanitize(
      String html, NoteImages images, Function<TalkLink, Optional<String>> talks) {
    StringBuilder out = new StringBuilder(html.length());
    HtmlStreamRenderer renderer =
        HtmlStreamRenderer.create(
            out,
            problem -> {
              // a name the renderer refuses is dropped, which is what we want
            });
    HtmlSanitizer.sanitize(html, Built.POLICY.apply(new Images(renderer, images, talks)));
    return out.toString();
  }

  /**
   * Between the policy and the output, for each allowed {@code img}: one whose {@code src} is on
   * another host becomes {@code <a class="remote-image" href="src">alt</a>} (its alt text alone
   * inside a link); an {@code attachment:} reference gets its URL, and one published as a download
   * becomes {@code <a href="url">alt</a>}; one the notebook does not hold becomes the {@link
   * MissingImage} placeholder. A link to a talk gets the URL of its page when the caller gives
   * talks' pages (the site, live share); one to a talk without a page is its text alone.
   */
  private static final class Images implements HtmlStreamEventReceiver {
    private final HtmlStreamEventReceiver out;
    private final NoteImages images;
    private final Function<TalkLink, Optional<String>> talks;
    private int openLinks;

    /** For each open {@code a}: whether it was left out (its text kept). */
    private final java.util.ArrayDeque<Boolean> dropped = new java.util.ArrayDeque<>();

    Images(
        HtmlStreamEventReceiver out,
        NoteImages images,
        Function<TalkLink, Optional<String>> talks) {
      this.out = out;
      this.images = images;
      this.talks = talks;
    }

    @Override
    public void openDocument() {
      out.openDocument();
    }

    @Override
    public void closeDocument() {
      out.closeDocument();
    }

    @Override
    public void openTag(String element, List<String> attributes) {
      if (element.equals("img")) {
        String src = attribute(attributes, "src");
        if (MarkdownRenderer.SafeUrls.isRemote(src)) {
          String alt = attribute(attributes, "alt");
          List<String> link =
              new ArrayList<>(
                  List.of(
                      "class",
                      RemoteImage.CLASS,
                      "href",
                      MarkdownRenderer.SafeUrls.withScheme(src)));
          String title = attribute(attributes, "title");
          if (title != null) {
            link.add("title");
            link.add(title);
          }
          link(link, alt == null || alt.isBlank() ? "image" : alt);
          return;
        }
        String resolved = images.resolve(src).orElse(null);
        if (resolved != null) {
          var ref = dev.talkbook.core.notebook.AttachmentRef.parse(src);
          if (resolved.endsWith(MarkdownRenderer.DOWNLOAD_EXTENSION)) {
            String alt = attribute(attributes, "alt");
            List<String> link = new ArrayList<>(List.of("href", resolved));
            ref.ifPresent(r -> link.addAll(List.of("download", DownloadLink.name(r.fileName()))));
            link(link, alt == null || alt.isBlank() ? "download" : alt);
            return;
          }
          if (ref.isPresent() && NoteImages.notAPicture(resolved)) {
            // held, but no picture (talk.pdf): a link to it, as in Markdown
            String alt = attribute(attributes, "alt");
            String title = attribute(attributes, "title");
            String name = ref.get().fileName();
            link(
                List.of("href", resolved, "title", title == null || title.isBlank() ? name : title),
                alt == null || alt.isBlank() ? name : alt);
            return;
          }
          attributes = with(attributes, "src", resolved);
        } else {
          String name = images.missing(src).orElse(null);
          if (name != null) {
            out.openTag(
                "span", List.of("class", MissingImage.CLASS, "title", MissingImage.title(name)));
            out.text(MissingImage.LABEL + NoteImages.label(attribute(attributes, "alt"), name));
            out.closeTag("span");
            return;
          }
        }
      } else if (element.equals("a")) {
        String href = attribute(attributes, "href");
        String download = attribute(attributes, "download");
        if (download != null
            && !ownDownload(href, download)
            && !images.downloads(href, download)) { // a Markdown link's, rendered before
          attributes = without(attributes, "download");
        }
        Optional<TalkLink> talk = talks == null ? Optional.empty() : TalkLink.parse(href);
        String resolved =
            talk.isPresent() ? talk.flatMap(talks).orElse(null) : images.resolve(href).orElse(null);
        if (resolved != null) {
          attributes = with(attributes, "href", resolved);
        } else if (talk.isPresent()) {
          dropped.push(true); // a talk without a page: the link's text alone
          return;
        }
        dropped.push(false);
        openLinks++;
      }
      out.openTag(element, attributes);
    }

    /** A link with this text, or the text alone inside a link (an {@code a} cannot hold one). */
    private void link(List<String> attributes, String text) {
      if (openLinks > 0) {
        out.text(text);
        return;
      }
      out.openTag("a", attributes);
      out.text(text);
      out.closeTag("a");
    }

    @Override
    public void closeTag(String element) {
      if (element.equals("img")) {
        return; // void: nothing to close, and a replaced one is closed already
      }
      if (element.equals("a") && !dropped.isEmpty() && dropped.pop()) {
        return;
      }
      if (element.equals("a") && openLinks > 0) {
        openLinks--;
      }
      out.closeTag(element);
    }

    @Override
    public void text(String text) {
      out.text(text);
    }

    /**
     * Whether raw HTML may have a link to {@code href} saved as {@code download}: only a link to an
     * attachment ({@code attachment:…/diagram.svg}), under a name with that file's own extension;
     * "setup.exe" on a same-site {@code attachments/….bin} would be saved and run as a program. (A
     * download link the Markdown made, which comes here rendered, is known to {@link NoteImages}.)
     */
    private static boolean ownDownload(String href, String download) {
      return dev.talkbook.core.notebook.AttachmentRef.parse(href)
          .map(r -> extension(DownloadLink.name(r.fileName())))
          .filter(ext -> !ext.isEmpty() && ext.equalsIgnoreCase(extension(download)))
          .isPresent();
    }

    private static String extension(String name) {
      int dot = name == null ? -1 : name.lastIndexOf('.');
      return dot > 0 ? name.substring(dot) : "";
    }

    /** The attributes without {@code name}. */
    private static List<String> without(List<String> attributes, String name) {
      List<String> kept = new ArrayList<>(attributes.size());
      for (int i = 0; i + 1 < attributes.size(); i += 2) {
        if (!attributes.get(i).equals(name)) {
          kept.add(attributes.get(i));
          kept.add(attributes.get(i + 1));
        }
      }
      return kept;
    }

    /** The attributes with {@code name}'s value replaced. */
    private static List<String> with(List<String> attributes, String name, String value) {
      List<String> changed = new ArrayList<>(attributes);
      for (int i = 0; i + 1 < changed.size(); i += 2) {
        if (changed.get(i).equals(name)) {
          changed.set(i + 1, value);
        }
      }
      return changed;
    }

    private static String attribute(List<String> attributes, String name) {
      for (int i = 0; i + 1 < attributes.size(); i += 2) {
        if (attributes.get(i).equals(name)) {
          return attributes.get(i + 1);
        }
      }
      return null;
    }
  }
}
