package dev.talkbook.core.markdown;

import java.util.Map;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * Marks an {@code ```output} code block (what a talk's code printed, see {@code
 * core.repl.NoteCode}) as program output: {@code <pre class="output" aria-label="Output">}, its
 * {@code code} not highlighted as a language.
 */
final class OutputBlocks implements AttributeProvider {
  /** The class of an output block's {@code pre}. */
  static final String OUTPUT = "output";

  @Override
  public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
    if (!(node instanceof FencedCodeBlock block) || !isOutput(block.getInfo())) {
      return;
    }
    if (tagName.equals("pre")) {
      attributes.put("class", OUTPUT);
      attributes.put("aria-label", "Output");
    } else if (tagName.equals("code")) {
      attributes.put("class", "language-output nohighlight");
    }
  }

  static boolean isOutput(String info) {
    if (info == null || !info.startsWith(OUTPUT)) {
      return false;
    }
    return info.length() == OUTPUT.length() || Character.isWhitespace(info.charAt(OUTPUT.length()));
  }
}
