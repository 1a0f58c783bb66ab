package dev.talkbook.ui.common;

import dev.talkbook.core.markdown.Fences;
import dev.talkbook.core.markdown.HighlightedText;
import dev.talkbook.core.markdown.Highlighting;
import dev.talkbook.core.outliner.ListItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyledSegment;

/**
 * Wrapped list items that continue under the item's text, not under its bullet. A TextFlow wraps
 * every line of a paragraph at the same left edge, so the item's prefix (indentation, quote
 * markers, bullet or number, and the blank after it) is taken out of the flow's width: its
 * characters get {@link #CLASS} (drawn at almost no width, see outliner.css), and the paragraph's
 * graphic shows them instead, just before the text (the editor's {@code Folding}). The text itself
 * is unchanged: copying, searching and saving see the prefix as it is.
 *
 * <p>The REPL's input does so with a long line of code in presenter mode ({@link #codePrefix}): its
 * indentation and first two characters are the prefix, so that it continues two columns in from
 * where its code starts, as the transcript's code does (core.repl's {@code CodeWrap}).
 */
public final class HangingIndent {
  /** The style class of the prefix characters kept out of the flow. */
  public static final String CLASS = "tb-hang";

  /** The style class of the prefix shown in the paragraph's graphic. */
  public static final String GRAPHIC_CLASS = "tb-hang-prefix";

  private HangingIndent() {}

  /** A prefix: where it starts in the text and how long it is. */
  public record Prefix(int start, int length) {}

  /**
   * The prefixes of the list items of {@code text} that have content (an empty item has nothing to
   * wrap) outside code blocks. The task box stays in the text: it can be clicked and typed in.
   */
  public static List<Prefix> prefixes(String text) {
    return prefixes(text, 0, text.length(), Fences.START);
  }

  /**
   * The prefixes of the lines that start in {@code [from, to)}; {@code from} is a line start where
   * the {@link Fences} state (which lines are code) is {@code fences}.
   */
  public static List<Prefix> prefixes(String text, int from, int to, long fences) {
    List<Prefix> out = new ArrayList<>();
    long state = fences;
    int start = from;
    while (start < to) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline;
      String line = text.substring(start, end);
      state = Fences.next(state, line);
      if (!line.isEmpty() && !Fences.lineInFence(state)) {
        Optional<ListItem> item = ListItem.parse(line);
        if (item.isPresent() && !item.get().gap().isEmpty() && !item.get().content().isBlank()) {
          ListItem i = item.get();
          int length =
              i.quote().length() + i.indent().length() + i.marker().length() + i.gap().length();
          out.add(new Prefix(start, length));
        }
      }
      if (newline < 0) {
        break;
      }
      start = newline + 1;
    }
    return out;
  }

  /**
   * How many characters of a line of code are its prefix when it wraps: its indentation and two
   * more ({@code CodeWrap}'s hanging indent), fewer when the line is shorter.
   */
  public static int codePrefix(String line) {
    int indent = 0;
    while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
      indent++;
    }
    return Math.min(line.length(), indent + CODE_HANGING);
  }

  /** How much further in than its code a wrapped line of code continues, in columns. */
  static final int CODE_HANGING = 2;

  /**
   * {@code styles} with {@link #CLASS} added over {@code prefixes} (in text order, apart): the
   * editor's styles, compared and sliced as one (see {@link Highlighting#commonPrefix}).
   */
  public static Highlighting mark(Highlighting styles, List<Prefix> prefixes) {
    if (prefixes.isEmpty()) {
      return styles;
    }
    Highlighting.Builder out = new Highlighting.Builder();
    markInto(out, styles.spans(), 0, prefixes);
    return out.build();
  }

  /**
   * The editor's styles after an edit, from the styles before it ({@code marked}, of a text {@code
   * before} characters long) and the edit's highlighting ({@code change}, of {@code text}): only
   * the lines the highlighter read again ({@code [change.from(), change.to())}) are marked again,
   * the rest is as before, moved by the edit. The same as marking the whole text afresh.
   */
  public static Highlighting edited(
      Highlighting marked, int before, HighlightedText.Change change, String text) {
    int from = change.from();
    int to = change.to();
    int delta = text.length() - before;
    List<Highlighting.Span> read = change.next().highlighting().slice(from, to);
    List<Prefix> prefixes = prefixes(text, from, to, change.fences());
    // At most the runs before and after (one cut in two), and those read again, cut by prefixes.
    Highlighting.Builder out =
        new Highlighting.Builder(marked.spans().size() + read.size() + 2 * prefixes.size() + 2);
    out.addRange(marked, 0, from);
    markInto(out, read, from, prefixes);
    out.addRange(marked, to - delta, before);
    return out.build();
  }

  /** Appends {@code spans}, which start at {@code start}, with the prefixes marked. */
  private static void markInto(
      Highlighting.Builder out, List<Highlighting.Span> spans, int start, List<Prefix> prefixes) {
    int next = 0; // the first prefix not yet passed
    for (Highlighting.Span span : spans) {
      int end = start + span.length();
      int at = start;
      while (at < end) {
        while (next < prefixes.size()
            && prefixes.get(next).start() + prefixes.get(next).length() <= at) {
          next++;
        }
        Prefix p = next < prefixes.size() ? prefixes.get(next) : null;
        if (p != null && p.start() <= at) {
          int stop = Math.min(end, p.start() + p.length());
          out.add(stop - at, StyleSets.with(span.classes(), CLASS));
          at = stop;
        } else {
          int stop = p == null ? end : Math.min(end, p.start());
          out.add(stop - at, span.classes());
          at = stop;
        }
      }
      start = end;
    }
  }

  /**
   * The prefix of paragraph {@code p} as the graphic shows it (its characters in their own styles,
   * so the bullet keeps its colour), or null when the paragraph has none.
   */
  public static Node graphic(CodeArea area, int p) {
    if (p < 0 || p >= area.getParagraphs().size()) {
      return null;
    }
    TextFlow shown = new TextFlow();
    for (StyledSegment<String, Collection<String>> seg : area.getParagraph(p).getStyledSegments()) {
      if (!seg.getStyle().contains(CLASS)) {
        break;
      }
      Text t = new Text(seg.getSegment());
      t.getStyleClass().add("text");
      seg.getStyle().stream().filter(c -> !c.equals(CLASS)).forEach(t.getStyleClass()::add);
      shown.getChildren().add(t);
    }
    if (shown.getChildren().isEmpty()) {
      return null;
    }
    shown.getStyleClass().add(GRAPHIC_CLASS);
    shown.setMinWidth(Region.USE_PREF_SIZE);
    return shown;
  }
}
