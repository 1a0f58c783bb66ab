package dev.talkbook.core.markdown;

import java.util.Objects;

/**
 * Syntax highlighting for the Markdown editor: text in, {@link Highlighting} out, with the classes
 * of {@link HighlightClasses}. Pure and fast (one pass over the lines, no regular expressions, no
 * recursion; linear in the text's length, also on pathological input), so one instance serves every
 * editor and thread.
 *
 * <p>What it knows: ATX headings ({@code #} at most 3 spaces in) and setext headings; emphasis,
 * strong and strikethrough by CommonMark's delimiter rules; backslash escapes; inline code; inline,
 * reference and auto links, images, bare {@code https://} and {@code www.} addresses, link
 * reference definitions; block quotes; bullet, ordered and task list items; GFM tables; thematic
 * breaks; fenced blocks ({@code ```} or {@code ~~~}), whose content is left plain apart from {@code
 * md-fence}, except that {@code java} and {@code jshell} blocks are highlighted as Java.
 *
 * <p>Where it is simpler than a full parser: inline markup does not continue onto the next line;
 * list nesting is not tracked, so a list marker, quote or fence is recognised at any indentation
 * unless the line continues a paragraph (which is how outlines nest), and there are no indented
 * code blocks; a fence inside a list item ends only at its closing fence.
 */
public final class MarkdownHighlighter {

  /** Styles {@code text}; the result's spans add up to {@code text.length()}. */
  public Highlighting highlight(String text) {
    Objects.requireNonNull(text, "text");
    return new BlockScanner(text).run();
  }
}
