package dev.talkbook.core.site;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the site does to a talk's rendered notes (the shared renderer's safe HTML): headings move
 * one level down (the page's title is the only {@code h1}) and get a permalink, the table of
 * contents is read from them, {@code output} blocks are marked as program output ({@code
 * output-error} ones as an error), and images from other sites become links (a published page makes
 * no request elsewhere). Pure.
 *
 * <p>Public for live share ({@code core.share}), which shows the notes the way the site does, one
 * block at a time: {@link #repeatsTitle}, {@link #shift} and {@link #block}.
 */
public final class NotesHtml {
  /** A heading of the notes, for the table of contents. */
  record Heading(int level, String id, String html) {}

  /** The notes' HTML after the site's changes, and their headings. */
  record Result(String html, List<Heading> headings) {}

  private static final Pattern HEADING =
      Pattern.compile("<h([1-6])( id=\"([^\"]*)\")?>(.*?)</h\\1>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern REMOTE_IMAGE =
      Pattern.compile("<img src=\"(https?:[^\"]*)\" alt=\"([^\"]*)\"( title=\"[^\"]*\")? />");
  private static final String OUTPUT_BLOCK = "<pre><code class=\"language-output\">";

  /** The output of a block that failed ({@code ```output-error}, see {@code NoteCode}). */
  private static final String FAILED_OUTPUT_BLOCK = "<pre><code class=\"language-output-error\">";

  private NotesHtml() {}

  /**
   * Processes the notes of the talk titled {@code title}: a first level-1 heading that only repeats
   * the title is dropped (the page shows the title already), and headings move so the highest
   * remaining level is {@code h2}.
   */
  static Result process(String rendered, String title) {
    Matcher first = HEADING.matcher(rendered);
    if (first.find() && rendered.substring(0, first.start()).isBlank() && repeats(first, title)) {
      rendered = rendered.substring(first.end()).stripLeading();
    }
    List<Heading> headings = new ArrayList<>();
    String html = block(rendered, shift(topLevel(rendered)), headings);
    return new Result(html, headings);
  }

  /** Whether this HTML is a level-1 heading (alone) that only repeats the title. */
  public static boolean repeatsTitle(String html, String title) {
    Matcher m = HEADING.matcher(html.strip());
    return m.matches() && repeats(m, title);
  }

  private static boolean repeats(Matcher heading, String title) {
    return heading.group(1).equals("1")
        && text(heading.group(4)).strip().equalsIgnoreCase(Html.esc(title).strip());
  }

  /** The highest (smallest) heading level in some HTML, 6 when there is none. */
  public static int topLevel(String html) {
    int top = 6;
    Matcher levels = HEADING.matcher(html);
    while (levels.find()) {
      top = Math.min(top, Integer.parseInt(levels.group(1)));
    }
    return top;
  }

  /** How far headings move down when the highest level in the notes is {@code top}. */
  public static int shift(int top) {
    return Math.max(0, 2 - top);
  }

  /**
   * One piece of the notes as the site shows it: headings moved down by {@code shift} levels (at
   * most to {@code h6}) with a permalink, output blocks marked, remote images as links.
   */
  public static String block(String rendered, int shift) {
    return block(rendered, shift, new ArrayList<>());
  }

  private static String block(String rendered, int shift, List<Heading> headings) {
    Matcher m = HEADING.matcher(rendered);
    StringBuilder out = new StringBuilder(rendered.length() + 256);
    int used = 0;
    while (m.find()) {
      int level = Integer.parseInt(m.group(1));
      String id = m.group(3);
      String inner = m.group(4);
      int shown = Math.min(6, level + shift);
      out.append(rendered, used, m.start());
      out.append("<h").append(shown);
      if (id != null && !id.isEmpty()) {
        out.append(" id=\"").append(id).append('"');
      }
      out.append('>').append(inner);
      if (id != null && !id.isEmpty()) {
        out.append(" <a class=\"permalink\" href=\"#")
            .append(id)
            .append("\" aria-label=\"Link to this section\">#</a>");
        headings.add(new Heading(shown, id, stripLinks(inner)));
      }
      out.append("</h").append(shown).append('>');
      used = m.end();
    }
    out.append(rendered, used, rendered.length());
    String html =
        out.toString()
            .replace(
                OUTPUT_BLOCK,
                "<pre class=\"output\" aria-label=\"Output\"><code class=\"language-output"
                    + " nohighlight\">")
            .replace(
                FAILED_OUTPUT_BLOCK,
                "<pre class=\"output error\" aria-label=\"Error\"><code"
                    + " class=\"language-output-error nohighlight\">");
    html =
        REMOTE_IMAGE
            .matcher(html)
            .replaceAll(
                r ->
                    Matcher.quoteReplacement(
                        "<a class=\"remote-image\" href=\""
                            + r.group(1)
                            + "\">"
                            + (r.group(2).isEmpty() ? "image" : r.group(2))
                            + "</a>"));
    return html;
  }

  /** A heading's inline HTML without links (the table of contents links it already). */
  private static String stripLinks(String inner) {
    return inner.replaceAll("</?a\\b[^>]*>", "");
  }

  /** Plain text of some HTML, for titles and the search index. */
  static String text(String html) {
    return TAG.matcher(html).replaceAll("");
  }
}
