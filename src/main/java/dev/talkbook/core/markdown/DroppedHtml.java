package dev.talkbook.core.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Where in a note's Markdown the raw HTML is whose text a published page never shows: the elements
 * the sanitizer drops with their content ({@link NoteHtmlPolicy#TEXT_DROPPED}: {@code <script>},
 * {@code <style>}, {@code <iframe>}, ...) and HTML comments. For what is made from the Markdown
 * itself rather than from the page: the site's search words and the feed's summaries. Pure; the
 * parser is built once.
 *
 * <p>The rule is the page's, as its sanitizer applies it to the whole rendered note: an element
 * hides everything from its opening tag to its first closing tag of the same name (nested ones do
 * not count), or to the end of the notes when there is none, as after {@code <script/>} (HTML has
 * no self-closing script); a script, style, iframe, ... inside a {@code <noscript>}, {@code
 * <nostyle>} or {@code <object>} hides on to its own closing tag, where the page shows text again.
 * Only raw HTML opens or closes one: {@code <script>} in a code span or a fenced block is text the
 * page shows. In the few shapes where the sanitizer keeps more (the text of an allowed element
 * inside a {@code <noscript>} or {@code <object>}), more is hidden here, never less.
 */
public final class DroppedHtml {
  private DroppedHtml() {}

  private static final Set<String> DROPPED = NoteHtmlPolicy.TEXT_DROPPED;

  /**
   * Elements whose content HTML reads as text up to their own closing tag: inside one, no other tag
   * opens or closes anything.
   */
  private static final Set<String> RAW_TEXT =
      Set.of("script", "style", "iframe", "noembed", "noframes", "title", "xmp", "textarea");

  /** An {@code alt} attribute's value: double-quoted, single-quoted or bare. */
  private static final Pattern ALT =
      Pattern.compile("(?i)\\salt\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");

  /** A tag's start, whether it closes, and its name: {@code <script}, {@code </STYLE}. */
  private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)");

  /**
   * The parse the page makes (same extensions and inline parser), with every node's position; built
   * on first use, as few notes hold raw HTML ({@link #mayHold} needs no parser).
   */
  private static final class Positions {
    static final Parser PARSER =
        Parser.builder()
            .extensions(MarkdownRenderer.EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .maxOpenBlockParsers(MarkdownRenderer.MAX_BLOCK_NESTING)
            .maxInlineNesting(MarkdownRenderer.MAX_INLINE_NESTING)
            .inlineParserFactory(GuardedInlineParser.FACTORY)
            .build();
  }

  /**
   * The Markdown with every character of a dropped element (its tags and all between them) and of a
   * raw HTML comment a space, line breaks kept; the same string when it has none. Only notes with
   * something like {@code <script}, {@code </style} or {@code <!--} in them are parsed.
   */
  public static String blanked(String markdown) {
    if (markdown == null || !mayHold(markdown)) {
      return markdown;
    }
    return blank(markdown, parse(markdown).ranges);
  }

  /**
   * Whether {@link #shownText} would give these notes back as they are, known from one pass over
   * their characters: no {@code <} (raw HTML), no {@code ]} (links), no {@code &} (character
   * references) and no {@code code=} (an output block's stamp). Its four checks each look through
   * the notes for their character first; most notes have none of them.
   */
  static boolean showsAll(String markdown) {
    int n = markdown.length();
    for (int i = 0; i < n; i++) {
      switch (markdown.charAt(i)) {
        case '<', ']', '&' -> {
          return false;
        }
        case '=' -> {
          if (i >= 4 && markdown.startsWith("code", i - 4)) {
            return false;
          }
        }
        default -> {}
      }
    }
    return true;
  }

  /**
   * {@link #blanked} with the raw HTML's tags themselves blanked too ({@code <div onclick="…">},
   * {@code </div>}: their names and attributes are no text the page shows; what is between them
   * is), and what the page does not show of links and character references ({@link ShownInline}:
   * where a link points and its title, reference definitions; {@code &amp;} decoded to {@code &}):
   * the words a reader of the page can find. Only notes with something like a tag ({@code <} and a
   * letter, {@code </}, {@code <!}, {@code <?}) are parsed; only notes with a {@code ](}, {@code
   * ][}, {@code ]:} or {@code &} are scanned for links (a text scan, no parse). An output block's
   * stamp ({@link CodeStamp#hide}) is no word either. Every character stays where it was or becomes
   * a space, line breaks kept.
   */
  public static String shownText(String markdown) {
    if (markdown == null || showsAll(markdown)) {
      return markdown;
    }
    return shownTextScanned(markdown);
  }

  /** {@link #shownText} by its four scans, without {@link #showsAll}'s shortcut. */
  static String shownTextScanned(String markdown) {
    String text = markdown;
    if (mayHoldTag(markdown)) {
      Hider hider = new Hider(markdown, true);
      Positions.PARSER.parse(markdown).accept(hider);
      text = blank(markdown, hider.finish());
    }
    return CodeStamp.hide(markdown, ShownInline.hide(markdown, text));
  }

  /**
   * Whether a raw HTML tag, comment, declaration or processing instruction may be in the text: a
   * {@code <} and a letter, {@code /}, {@code !} or {@code ?}, outside fenced code blocks and
   * outside code spans closed on their line (Java's {@code List<String>} there is no tag, and notes
   * with code are many: parsing them all again cost half as much as rendering them). A code span
   * taken for one where commonmark sees none only leaves a tag's words in, as before. Most notes
   * have no {@code <} that starts a tag anywhere: found by {@link String#indexOf(int)} alone, they
   * skip the line-by-line walk for fences and code spans (10,000 notes of 5 KB: 90 ms → 10 ms).
   */
  static boolean mayHoldTag(String text) {
    return anyTagStart(text) && tagOutsideCode(text);
  }

  /** Whether a {@code <} anywhere, in code or not, is followed by what may start a tag. */
  static boolean anyTagStart(String text) {
    return anyTagStart(text, 0);
  }

  /** {@link #anyTagStart(String)} from {@code from} on. */
  private static boolean anyTagStart(String text, int from) {
    for (int lt = text.indexOf('<', from); lt >= 0 && lt + 1 < text.length(); ) {
      if (startsTag(text.charAt(lt + 1))) {
        return true;
      }
      lt = text.indexOf('<', lt + 1);
    }
    return false;
  }

  private static boolean startsTag(char next) {
    return next == '/' || next == '!' || next == '?' || (next < 0x80 && Character.isLetter(next));
  }

  /**
   * {@link #mayHoldTag}'s walk: a tag's start outside fenced code and closed code spans. It follows
   * only fences whose block commonmark must see as the walk does: one opened at the start of a line
   * (a fence there is in no list item or quote; it ends them) and closed by a fence line of the
   * same kind, at least as long, indented at most three spaces. A fence indented one to three
   * spaces may be inside a list item, which ends it without a closing line, or closed by a line
   * indented past the walk's reach; there, and in front matter (whose lines open nothing), the walk
   * says yes (a tag may be outside code) and leaves the answer to the parse. A backtick fence whose
   * info string holds a backtick is none: its line is text.
   */
  static boolean tagOutsideCode(String text) {
    int n = text.length();
    if (text.startsWith("---") && text.substring(3, lineEnd(text, 0)).isBlank()) {
      return anyTagStart(text); // front matter: which of its lines are its own is the parse's
    }
    String fence = null; // the open fence's marker run, or null
    for (int line = 0; line < n; ) {
      int eol = text.indexOf('\n', line);
      eol = eol < 0 ? n : eol;
      int i = line;
      while (i < eol && i - line < 4 && text.charAt(i) == ' ') {
        i++;
      }
      char f = i < eol ? text.charAt(i) : 0;
      int run = i;
      while (run < eol && (f == '`' || f == '~') && text.charAt(run) == f) {
        run++;
      }
      boolean fenceLine = run - i >= 3 && i - line < 4;
      if (fenceLine && fence == null && f == '`' && text.substring(run, eol).indexOf('`') >= 0) {
        fenceLine = false; // "``` a`b": no fence, a line of text
      }
      if (fenceLine) {
        String marker = text.substring(i, run);
        if (fence == null) {
          if (i > line) {
            return anyTagStart(text, line); // may be a list item's fence: the parse decides
          }
          fence = marker;
        } else if (marker.charAt(0) == fence.charAt(0)
            && marker.length() >= fence.length()
            && text.substring(run, eol).isBlank()) {
          fence = null;
        }
      } else if (fence == null && tagOutsideCodeSpans(text, line, eol)) {
        return true;
      }
      line = eol + 1;
    }
    return false;
  }

  private static int lineEnd(String text, int from) {
    int eol = text.indexOf('\n', from);
    return eol < 0 ? text.length() : eol;
  }

  /**
   * {@link #tagOutsideCode} on one line, skipping code spans that close on it: a run of backticks
   * and the next run of as many. A run with none after it on its line, or after a backslash, may
   * pair across lines as commonmark pairs them: from there a tag's start anywhere says yes.
   */
  private static boolean tagOutsideCodeSpans(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < to && text.charAt(i + 1) == '`') {
        return anyTagStart(text, i);
      }
      if (c == '`') {
        int run = runEnd(text, i, to);
        int close = closingRun(text, run, to, run - i);
        if (close < 0) {
          return anyTagStart(text, i);
        }
        i = close + (run - i) - 1;
      } else if (c == '<' && i + 1 < to) {
        if (startsTag(text.charAt(i + 1))) {
          return true;
        }
      }
    }
    return false;
  }

  private static int runEnd(String text, int at, int to) {
    int run = at;
    while (run < to && text.charAt(run) == '`') {
      run++;
    }
    return run;
  }

  /** Where the next run of exactly {@code length} backticks starts in {@code [from, to)}, or -1. */
  private static int closingRun(String text, int from, int to, int length) {
    for (int j = text.indexOf('`', from); j >= 0 && j < to; j = text.indexOf('`', j)) {
      int end = runEnd(text, j, to);
      if (end - j == length) {
        return j;
      }
      j = end;
    }
    return -1;
  }

  private static String blank(String markdown, List<Integer> ranges) {
    if (ranges.isEmpty()) {
      return markdown;
    }
    char[] out = markdown.toCharArray();
    for (int r = 0; r < ranges.size(); r += 2) {
      for (int i = ranges.get(r); i < ranges.get(r + 1); i++) {
        if (out[i] != '\n' && out[i] != '\r') {
          out[i] = ' ';
        }
      }
    }
    return new String(out);
  }

  /** The notes parsed as the page parses them, with where the page drops their text. */
  static Parsed parse(String markdown) {
    Node document = Positions.PARSER.parse(markdown);
    Hider hider = new Hider(markdown, false);
    document.accept(hider);
    return new Parsed(document, hider.finish());
  }

  /**
   * A parsed note ({@link #parse}) and the source ranges whose text the page drops, as {@code from,
   * to} pairs in order.
   */
  static final class Parsed {
    final Node document;
    private final List<Integer> ranges;

    private Parsed(Node document, List<Integer> ranges) {
      this.document = document;
      this.ranges = ranges;
    }

    /**
     * Whether the page drops this node's text: it starts in a dropped range (a text node is wholly
     * in one or wholly out: ranges start and end at tags, which are nodes of their own).
     */
    boolean hides(Node node) {
      List<SourceSpan> spans = node.getSourceSpans();
      if (spans.isEmpty()) {
        return false;
      }
      int at = spans.get(0).getInputIndex();
      for (int r = 0; r < ranges.size() && ranges.get(r) <= at; r += 2) {
        if (at < ranges.get(r + 1)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Whether {@code <name} or {@code </name} of a dropped element, or {@code <!--}, occurs anywhere,
   * in any case.
   */
  static boolean mayHold(String text) {
    for (int lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', lt + 1)) {
      if (text.startsWith("<!--", lt)) {
        return true;
      }
      int from = lt + 1 < text.length() && text.charAt(lt + 1) == '/' ? lt + 2 : lt + 1;
      for (String name : DROPPED) {
        if (text.regionMatches(true, from, name, 0, name.length())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Walks the raw HTML in the order of the notes and blanks what the page drops. */
  private static final class Hider extends AbstractVisitor {
    private final String source;

    /** Where the page drops text: {@code from, to} pairs, in order. */
    private final List<Integer> ranges = new ArrayList<>();

    /** The dropped element open around the text being walked, or null. */
    private String open;

    /** Where it starts in the source. */
    private int openedAt;

    /**
     * A raw-text element opened inside {@link #open} (an {@code <iframe>} in an {@code <object>}):
     * until it closes, its content is text, so no closing tag of {@link #open} counts; when it
     * closes, the page shows text again.
     */
    private String inner;

    /** Whether every tag outside a dropped element is blanked too ({@link #shownText}). */
    private final boolean tags;

    Hider(String source, boolean tags) {
      this.source = source;
      this.tags = tags;
    }

    @Override
    public void visit(HtmlInline html) {
      scan(html.getSourceSpans());
    }

    @Override
    public void visit(HtmlBlock html) {
      scan(html.getSourceSpans());
    }

    /** Reads the tags in the source the spans cover (first to last: a tag may span lines). */
    private void scan(List<SourceSpan> spans) {
      if (spans.isEmpty()) {
        return;
      }
      SourceSpan last = spans.get(spans.size() - 1);
      int to = last.getInputIndex() + last.getLength();
      Matcher m = TAG.matcher(source);
      for (int lt = source.indexOf('<', spans.get(0).getInputIndex());
          lt >= 0 && lt < to;
          lt = source.indexOf('<', lt + 1)) {
        if (source.startsWith("<!--", lt) && commentsCount()) {
          // never on the page, and a tag in it is not one
          int end = find("-->", lt + 4, to);
          int after = end < 0 ? to : end + 3;
          if (open == null) {
            blank(lt, after);
          }
          lt = after - 1;
        } else if (m.region(lt, to).lookingAt()) {
          boolean outside = open == null;
          int end = tagEnd(m.end(), to);
          tag(m.group(1).isEmpty(), m.group(2).toLowerCase(Locale.ROOT), lt, end);
          if (tags && outside) {
            blankTag(m.group(2), lt, end);
          }
        } else if (tags
            && open == null
            && (source.startsWith("<!", lt) || source.startsWith("<?", lt))) {
          int end = tagEnd(lt + 2, to); // a declaration or processing instruction: never shown
          blank(lt, end);
          lt = end - 1;
        }
      }
    }

    /**
     * Blanks a tag ({@link #shownText}), all but an image's alt text: the words of a picture's
     * description, which a reader sees where it does not load or where it becomes a link.
     */
    private void blankTag(String name, int start, int end) {
      if (name.equalsIgnoreCase("img")) {
        Matcher alt = ALT.matcher(source).region(start, end);
        if (alt.find()) {
          int group = alt.start(1) >= 0 ? 1 : alt.start(2) >= 0 ? 2 : 3;
          blank(start, alt.start(group));
          blank(alt.end(group), end);
          return;
        }
      }
      blank(start, end);
    }

    /** Whether a comment is one here: not in the text of a script, style, iframe, ... */
    private boolean commentsCount() {
      return open == null || (inner == null && !RAW_TEXT.contains(open));
    }

    /**
     * Where the tag whose name ends at {@code from} ends: after its {@code >}, else at {@code to}.
     */
    private int tagEnd(int from, int to) {
      int gt = find(">", from, to);
      return gt < 0 ? to : gt + 1;
    }

    /**
     * Where {@code s} first starts in the source between {@code from} and {@code to}, or -1: never
     * looking past the raw HTML at hand (many blocks each without a {@code -->} would otherwise
     * each search the rest of the notes).
     */
    private int find(String s, int from, int to) {
      for (int i = from; i + s.length() <= to; i++) {
        if (source.startsWith(s, i)) {
          return i;
        }
      }
      return -1;
    }

    private void tag(boolean opening, String name, int start, int end) {
      if (open == null) {
        if (opening && DROPPED.contains(name)) {
          open = name;
          openedAt = start;
        }
      } else if (inner != null) {
        if (!opening && name.equals(inner)) {
          // the page shows text again after the inner element, as after the outer one
          blank(openedAt, end);
          open = null;
          inner = null;
        }
      } else if (!opening && name.equals(open)) {
        blank(openedAt, end);
        open = null;
      } else if (opening && !RAW_TEXT.contains(open) && RAW_TEXT.contains(name)) {
        inner = name;
      }
    }

    private void blank(int from, int to) {
      int last = ranges.size() - 1;
      if (last > 0 && ranges.get(last) >= from) {
        ranges.set(last, Math.max(ranges.get(last), to)); // touching the one before
      } else {
        ranges.add(from);
        ranges.add(to);
      }
    }

    List<Integer> finish() {
      if (open != null) {
        blank(openedAt, source.length()); // never closed: the page shows nothing after it
      }
      return ranges;
    }
  }
}
