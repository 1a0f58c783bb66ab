package dev.talkbook.core.markdown;

import java.util.Map;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * Marks what a talk's code gave (see {@code core.repl.NoteCode}) as program output: an {@code
 * ```output} block as {@code <pre class="output" aria-label="Output">}, the output of a block that
 * failed ({@code ```output-error}) as {@code <pre class="output error" aria-label="Error">}; their
 * {@code code} is not highlighted as a language. The preview's and the site's style sheets show
 * them (an error in red).
 *
 * <p>An output block right after a {@code java} or {@code jshell} block whose code changed since it
 * ran (its {@link CodeStamp} no longer fits) also gets the class {@value #OUT_OF_DATE}: the preview
 * says "out of date", the site "output of an earlier version of this code".
 */
final class OutputBlocks implements AttributeProvider {
  /** The class of an output block's {@code pre}. */
  static final String OUTPUT = "output";

  /** The info string, and the added class, of the output of a block that failed. */
  static final String FAILED_OUTPUT = "output-error";

  /** The class added to the {@code pre} of an output whose code changed since it ran. */
  static final String OUT_OF_DATE = "stale";

  @Override
  public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
    if (!(node instanceof FencedCodeBlock block)) {
      return;
    }
    String language = language(block.getInfo());
    boolean failed = language.equals(FAILED_OUTPUT);
    if (!failed && !language.equals(OUTPUT)) {
      return;
    }
    if (tagName.equals("pre")) {
      boolean outOfDate = outOfDate(block);
      attributes.put(
          "class", (failed ? "output error" : OUTPUT) + (outOfDate ? " " + OUT_OF_DATE : ""));
      attributes.put(
          "aria-label", (failed ? "Error" : "Output") + (outOfDate ? ", out of date" : ""));
    } else if (tagName.equals("code")) {
      attributes.put("class", "language-" + language + " nohighlight");
    }
  }

  /**
   * Whether {@code output} follows a Java block whose code changed since it gave it; paired as
   * {@code core.repl.NoteCode} pairs them for Run and {@code show}: the block right before it,
   * blank lines apart, and an output named as Run names one ({@link CodeStamp#isWrittenOutput}).
   */
  private static boolean outOfDate(FencedCodeBlock output) {
    if (!(output.getPrevious() instanceof FencedCodeBlock code)
        || !CodeStamp.isWrittenOutput(output.getInfo(), language(output.getInfo()))) {
      return false;
    }
    String language = language(code.getInfo());
    return (language.equals("java") || language.equals("jshell"))
        && CodeStamp.outOfDate(output.getInfo(), code.getLiteral());
  }

  /** The first word of a fence's info string (commonmark's language), or "". */
  private static String language(String info) {
    if (info == null) {
      return "";
    }
    int space = info.indexOf(' ');
    return space < 0 ? info : info.substring(0, space);
  }
}
