package dev.talkbook.core.outliner;

import dev.talkbook.core.markdown.Fences;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line that starts a Markdown list item, taken apart: {@code > } quote markers, indentation,
 * the marker ({@code -}, {@code *}, {@code +}, {@code 3.}, {@code 3)}), the blanks after it, an
 * optional task box ({@code [ ]}, {@code [x]}), and the content. Putting the parts back together
 * gives the line again.
 *
 * @param quote the block-quote markers, possibly empty
 * @param indent the indentation after them
 * @param marker the bullet or the number with its delimiter
 * @param gap the blanks after the marker (empty only when nothing follows)
 * @param task the task box with the blank after it, or empty
 * @param content the rest of the line
 */
public record ListItem(
    String quote, String indent, String marker, String gap, String task, String content) {

  private static final Pattern ITEM =
      Pattern.compile("([ \\t]*)([-*+]|\\d{1,9}[.)])([ \\t]+|$)(\\[[ xX]\\](?:[ \\t]|$))?");

  /** The item that {@code line} starts, if it starts one. */
  public static Optional<ListItem> parse(String line) {
    int quoteEnd = Shape.quoteEnd(line);
    String rest = line.substring(quoteEnd);
    if (Fences.isThematicBreak(rest)) {
      return Optional.empty();
    }
    Matcher m = ITEM.matcher(rest);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    String task = m.group(4) == null ? "" : m.group(4);
    return Optional.of(
        new ListItem(
            line.substring(0, quoteEnd),
            m.group(1),
            m.group(2),
            m.group(3),
            task,
            rest.substring(m.end())));
  }

  public boolean isOrdered() {
    return Character.isDigit(marker.charAt(0));
  }

  /** The number of an ordered item (0 for a bullet). */
  public int number() {
    return isOrdered() ? Integer.parseInt(marker.substring(0, marker.length() - 1)) : 0;
  }

  public boolean isTask() {
    return !task.isEmpty();
  }

  public boolean isDone() {
    return isTask() && Character.toLowerCase(task.charAt(1)) == 'x';
  }

  /** Indentation after the quote markers, in columns. */
  public int indentWidth() {
    return Shape.columns(indent, 0, indent.length());
  }

  /** The column (after the quote markers) where this item's content, and its children, start. */
  public int contentColumn() {
    int gapWidth = gap.isEmpty() ? 1 : Shape.columns(gap, 0, gap.length());
    return indentWidth() + marker.length() + gapWidth;
  }

  /** Characters before the content: quote, indentation, marker, gap and task box. */
  public int prefixLength() {
    return quote.length() + indent.length() + marker.length() + gap.length() + task.length();
  }

  public ListItem withNumber(int n) {
    return new ListItem(
        quote, indent, n + marker.substring(marker.length() - 1), gap, task, content);
  }

  public ListItem withIndent(String newIndent) {
    return new ListItem(quote, newIndent, marker, gap, task, content);
  }

  public ListItem withTask(String newTask) {
    return new ListItem(quote, indent, marker, gap.isEmpty() ? " " : gap, newTask, content);
  }

  public ListItem withContent(String newContent) {
    return new ListItem(quote, indent, marker, gap.isEmpty() ? " " : gap, task, newContent);
  }

  /** The item that follows this one in its list: next number, an open task box, no content. */
  public ListItem next() {
    ListItem next = isOrdered() ? withNumber(number() + 1) : this;
    return new ListItem(
        quote, indent, next.marker, gap.isEmpty() ? " " : gap, isTask() ? "[ ] " : "", "");
  }

  /** Whether {@code other} is a marker of the same kind (bullet, or number with this delimiter). */
  public boolean sameKind(ListItem other) {
    return isOrdered() == other.isOrdered()
        && (!isOrdered()
            || marker.charAt(marker.length() - 1)
                == other.marker.charAt(other.marker.length() - 1));
  }

  @Override
  public String toString() {
    return quote + indent + marker + gap + task + content;
  }
}
