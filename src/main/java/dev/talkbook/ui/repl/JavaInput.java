package dev.talkbook.ui.repl;

import dev.talkbook.core.markdown.Highlighting;
import dev.talkbook.core.markdown.MarkdownHighlighter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Pure text work for the REPL's input: Java highlighting (the notes' Java highlighter, reached
 * through a fenced block), the bracket that matches the one at the caret, and auto-indent.
 */
public final class JavaInput {

  static final String BRACKET_MATCH = "tb-repl-bracket";
  private static final String FENCE = "```java\n";

  private final MarkdownHighlighter highlighter = new MarkdownHighlighter();

  /** Style classes for {@code code}, with the bracket pair at {@code caret} marked. */
  public StyleSpans<Collection<String>> styles(String code, int caret) {
    Highlighting h = highlighter.highlight(FENCE + code + "\n```\n");
    int offset = 0;
    StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
    int[] pair = matchingBrackets(code, caret);
    for (Highlighting.Span span : h.spans()) {
      int from = Math.max(offset, FENCE.length());
      int to = Math.min(offset + span.length(), FENCE.length() + code.length());
      if (to > from) {
        List<String> java = new ArrayList<>();
        for (String c : span.classes()) {
          if (c.startsWith("java-")) {
            java.add(c);
          }
        }
        addWithBrackets(spans, java, from - FENCE.length(), to - FENCE.length(), pair);
      }
      offset += span.length();
    }
    int covered = Math.max(0, offset - FENCE.length());
    if (covered < code.length()) {
      addWithBrackets(spans, List.of(), covered, code.length(), pair);
    }
    if (code.isEmpty()) {
      spans.add(Set.of(), 0);
    }
    return spans.create();
  }

  /**
   * {@code spans} with {@code style} added over each {@code [start, end)} of {@code marks} (the
   * spans of compiler errors, say), clipped to {@code length}.
   */
  public static StyleSpans<Collection<String>> withMarks(
      StyleSpans<Collection<String>> spans, List<int[]> marks, String style, int length) {
    StyleSpans<Collection<String>> result = spans;
    for (int[] mark : marks) {
      int start = Math.max(0, Math.min(mark[0], length));
      int end = Math.max(start, Math.min(mark[1], length));
      if (end == start) {
        continue;
      }
      StyleSpansBuilder<Collection<String>> overlay = new StyleSpansBuilder<>();
      overlay.add(Set.of(), start);
      overlay.add(Set.of(style), end - start);
      overlay.add(Set.of(), length - end);
      result =
          result.overlay(
              overlay.create(),
              (a, b) -> {
                if (b.isEmpty()) {
                  return a;
                }
                List<String> both = new ArrayList<>(a);
                both.addAll(b);
                return both;
              });
    }
    return result;
  }

  private static void addWithBrackets(
      StyleSpansBuilder<Collection<String>> spans,
      List<String> classes,
      int from,
      int to,
      int[] pair) {
    int at = from;
    if (pair != null) {
      for (int b : pair) {
        if (b >= at && b < to) {
          if (b > at) {
            spans.add(classes, b - at);
          }
          List<String> marked = new ArrayList<>(classes);
          marked.add(BRACKET_MATCH);
          spans.add(marked, 1);
          at = b + 1;
        }
      }
    }
    if (to > at) {
      spans.add(classes, to - at);
    }
  }

  /**
   * The bracket just before or at the caret and the one matching it (in ascending order), or null.
   * Brackets inside strings and comments are counted too: good enough for a REPL input.
   */
  static int[] matchingBrackets(String code, int caret) {
    for (int at : new int[] {caret - 1, caret}) {
      if (at < 0 || at >= code.length()) {
        continue;
      }
      char c = code.charAt(at);
      int open = "([{".indexOf(c);
      int close = ")]}".indexOf(c);
      if (open >= 0) {
        int match = scan(code, at, 1, c, ")]}".charAt(open));
        if (match >= 0) {
          return new int[] {at, match};
        }
      } else if (close >= 0) {
        int match = scan(code, at, -1, c, "([{".charAt(close));
        if (match >= 0) {
          return new int[] {match, at};
        }
      }
    }
    return null;
  }

  private static int scan(String code, int from, int step, char self, char other) {
    int depth = 0;
    for (int i = from; i >= 0 && i < code.length(); i += step) {
      char c = code.charAt(i);
      if (c == self) {
        depth++;
      } else if (c == other) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * What Enter inserts at {@code caret}: a line break and the current line's indentation, one level
   * more after an opening brace or parenthesis.
   */
  static String newLineAt(String code, int caret) {
    int lineStart = code.lastIndexOf('\n', caret - 1) + 1;
    int indentEnd = lineStart;
    while (indentEnd < caret && (code.charAt(indentEnd) == ' ' || code.charAt(indentEnd) == '\t')) {
      indentEnd++;
    }
    String indent = code.substring(lineStart, indentEnd);
    String before = code.substring(lineStart, caret).stripTrailing();
    if (before.endsWith("{") || before.endsWith("(") || before.endsWith("[")) {
      indent += "    ";
    }
    return "\n" + indent;
  }
}
