package dev.talkbook.core.markdown;

/**
 * Obsidian's comments, {@code %%inline%%} and blocks between lines holding {@code %%}: Obsidian
 * shows them only while editing, never in reading view or when it publishes, so people keep private
 * remarks there. {@link #strip} takes them out of a note being imported, outside code (a {@code %%}
 * in a code span or block is code); an unclosed {@code %%} hides the rest of the note in Obsidian,
 * and is taken out to the end as well. A comment that filled its lines takes its lines with it.
 */
public final class ObsidianComments {
  private static final String MARK = "%%";

  private ObsidianComments() {}

  /** A note without its comments: how many were taken out, and whether the last was unclosed. */
  public record Stripped(String text, int comments, boolean unclosed) {}

  public static Stripped strip(String markdown) {
    int at = markdown.indexOf(MARK);
    if (at < 0) {
      return new Stripped(markdown, 0, false);
    }
    boolean[] code = InlineLinks.code(markdown);
    StringBuilder out = new StringBuilder(markdown.length());
    int copied = 0;
    int comments = 0;
    boolean unclosed = false;
    while (at >= 0) {
      if (code[at]) {
        at = markdown.indexOf(MARK, at + 1);
        continue;
      }
      int close = markdown.indexOf(MARK, at + MARK.length());
      while (close >= 0 && code[close]) {
        close = markdown.indexOf(MARK, close + 1);
      }
      int start = at;
      int end;
      if (close < 0) {
        unclosed = true;
        end = markdown.length();
      } else {
        end = close + MARK.length();
      }
      // A comment alone on its lines goes with them, so no empty line is left in its place.
      int lineStart = markdown.lastIndexOf('\n', start - 1) + 1;
      int lineEnd = markdown.indexOf('\n', end);
      if (lineEnd < 0) {
        lineEnd = markdown.length();
      }
      if (markdown.substring(lineStart, start).isBlank()
          && markdown.substring(end, lineEnd).isBlank()) {
        start = lineStart;
        end = Math.min(markdown.length(), lineEnd + 1);
      }
      out.append(markdown, copied, Math.max(copied, start));
      copied = Math.max(copied, end);
      comments++;
      at = close < 0 ? -1 : markdown.indexOf(MARK, end);
    }
    out.append(markdown, Math.min(copied, markdown.length()), markdown.length());
    return new Stripped(out.toString(), comments, unclosed);
  }
}
