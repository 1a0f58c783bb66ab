package dev.talkbook.core.repl;

import java.util.List;

/**
 * Lines of output longer than a view shows cut at {@code bound} characters, the rest of each said
 * by a marker such as {@code … 2,990,000 more characters on this line}. A text area that wraps lays
 * out a whole paragraph again at each change, and the cost of wrapping one line grows faster than
 * its length: a line of 3,000,000 characters in the REPL's transcript held the FX thread for
 * minutes. {@link #cut} does it for a whole text; an instance does it for output that arrives in
 * pieces ({@link #accept}), a line going on from one piece to the next. An instance is used by one
 * thread at a time (the REPL pane's, under its queue's lock).
 */
public final class LongLines {

  private final int bound;

  /** Characters of the line under way passed on. */
  private long open;

  /** Characters of the line under way left out (it is cut). */
  private long hidden;

  /** Whether the line under way is cut: what more comes of it is left out. */
  private boolean cut;

  /** The evaluation and stream of the output under way, for the marker's event. */
  private long evaluation;

  private ReplEvent.Stream stream = ReplEvent.Stream.OUT;

  /** Cuts lines longer than {@code bound} characters. */
  public LongLines(int bound) {
    if (bound < 1) {
      throw new IllegalArgumentException("keep at least one character of a line");
    }
    this.bound = bound;
  }

  /** {@code … 2,990,000 more characters on this line}, after a line's first characters. */
  public static String marker(long more) {
    return " … "
        + KeptOutput.count(more)
        + (more == 1 ? " more character" : " more characters")
        + " on this line";
  }

  /**
   * The marker after a value that arrived at JShell's limit ({@link
   * SnippetResult#JSHELL_VALUE_CHARS}): a count of "more characters" would count only what JShell
   * passed on, not the value's own. It does not say JShell cut the value: one of exactly that
   * length arrives alike, whole, and nothing cheap and sure tells the two apart (Java 17's
   * transport keeps the start of a longer one, newer ones the start, " ... " and the end, which a
   * whole value may hold too), so the words are true of both.
   */
  public static String jshellCutMarker() {
    return " … ("
        + KeptOutput.count(SnippetResult.JSHELL_VALUE_CHARS)
        + " characters arrived, JShell's limit for a value, so it may be longer; .length() gives"
        + " its whole length)";
  }

  /**
   * {@code line}, a value's line that arrived at JShell's limit, cut at {@code bound} characters
   * (never half a surrogate pair), then {@link #jshellCutMarker}.
   */
  public static String cutAtJShellLimit(String line, int bound) {
    int shown = Math.min(line.length(), bound);
    if (shown > 0 && shown < line.length() && Character.isHighSurrogate(line.charAt(shown - 1))) {
      shown--;
    }
    return line.substring(0, shown) + jshellCutMarker();
  }

  /**
   * {@code text} with each line longer than {@code bound} characters cut there, followed by its
   * {@link #marker}. The text itself when no line is that long.
   */
  public static String cut(String text, int bound) {
    LongLines lines = new LongLines(bound);
    String kept = lines.pass(text);
    String close = lines.closeText(false);
    return close.isEmpty() ? kept : kept + close;
  }

  /**
   * The events to show for {@code event}: output with the lines cut (a line going on from earlier
   * output goes on being counted), and, before any other event, the marker of a cut line under way
   * (in an output event of its own, ending the line). Output dropped before {@code event} within
   * the line under way (none of its line breaks) counts as left out of that line, so that its event
   * no longer says anything was dropped.
   */
  public List<ReplEvent> accept(ReplEvent event) {
    if (!(event instanceof ReplEvent.Output o)) {
      String close = closeText(true);
      if (close.isEmpty()) {
        return List.of(event);
      }
      return List.of(new ReplEvent.Output(evaluation, stream, close, 0, 0), event);
    }
    long droppedBefore = o.droppedBefore();
    long droppedLines = o.droppedLinesBefore();
    if (droppedBefore > 0 && droppedLines == 0) {
      // A gap within the line under way: the line is cut there, what went counted with the rest.
      cut = true;
      hidden += droppedBefore;
      droppedBefore = 0;
    } else if (droppedBefore > 0) {
      // Whole lines went: what the view holds goes with them (it says how many), this line too.
      open = 0;
      hidden = 0;
      cut = false;
    }
    evaluation = o.evaluation();
    stream = o.stream();
    String text = pass(o.text());
    if (text.equals(o.text()) && droppedBefore == o.droppedBefore()) {
      return List.of(o);
    }
    return List.of(
        new ReplEvent.Output(o.evaluation(), o.stream(), text, droppedBefore, droppedLines));
  }

  /** {@code text} as the lines under way show it, the state moved on past it. */
  private String pass(String text) {
    StringBuilder out = null;
    int from = 0; // the start of the text not yet looked at
    int n = text.length();
    while (from < n) {
      int br = text.indexOf('\n', from);
      int end = br < 0 ? n : br;
      int length = end - from;
      int shown;
      if (cut) {
        shown = 0;
      } else {
        shown = (int) Math.min(length, Math.max(0, bound - open));
        if (shown > 0
            && shown < length
            && Character.isHighSurrogate(text.charAt(from + shown - 1))) {
          shown--; // never half a surrogate pair
        }
      }
      if (shown < length) {
        if (out == null) {
          out = new StringBuilder(text.length() < 2 * bound ? text.length() : 2 * bound);
          out.append(text, 0, from);
        }
        out.append(text, from, from + shown);
        hidden += length - shown;
        open += shown;
        cut = true;
      } else if (out != null) {
        out.append(text, from, end);
        open += shown;
      } else {
        open += shown;
      }
      if (br < 0) {
        break;
      }
      // The line ends here.
      if (cut) {
        if (out == null) { // a line cut in earlier text, ended here without more of it
          out = new StringBuilder(text.length() + 64).append(text, 0, from);
        }
        out.append(marker(hidden));
      }
      if (out != null) {
        out.append('\n');
      }
      open = 0;
      hidden = 0;
      cut = false;
      from = br + 1;
    }
    return out == null ? text : out.toString();
  }

  /**
   * The marker of the line under way if it was cut (with a line break when {@code ended}: the line
   * ends there), and a new line begun; empty if it was not cut.
   */
  private String closeText(boolean ended) {
    String close = cut ? marker(hidden) + (ended ? "\n" : "") : "";
    open = 0;
    hidden = 0;
    cut = false;
    return close;
  }
}
