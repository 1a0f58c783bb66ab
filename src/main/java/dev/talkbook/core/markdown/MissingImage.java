package dev.talkbook.core.markdown;

import java.util.LinkedHashMap;
import java.util.Map;
import org.commonmark.node.Image;
import org.commonmark.renderer.html.HtmlNodeRendererContext;

/**
 * An image whose file the notebook does not hold ({@link NoteImages#missing}), shown as a marked
 * placeholder rather than a broken picture: {@code <span class="missing-image" title="Not in the
 * notebook: diagram.png">Missing image: alt</span>}, with the alt text, or the file name when there
 * is none. The raw HTML form ({@code <img src="x">}) gets the same from the sanitizer's pass.
 */
final class MissingImage extends ImageStandIn {
  /** The placeholder's class. */
  static final String CLASS = "missing-image";

  /** What the placeholder's text starts with. */
  static final String LABEL = "Missing image: ";

  private final String name;

  private MissingImage(String name) {
    this.name = name;
  }

  /** The placeholder's tooltip for a file of this name. */
  static String title(String name) {
    return name.isEmpty() ? "Not in the notebook" : "Not in the notebook: " + name;
  }

  /** A placeholder in place of {@code image}, with its alt text (its children) moved over. */
  static MissingImage of(Image image, String name) {
    MissingImage missing = new MissingImage(name);
    missing.replace(image);
    return missing;
  }

  @Override
  String element() {
    return "span";
  }

  @Override
  Map<String, String> attributes(HtmlNodeRendererContext context) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("class", CLASS);
    attributes.put("title", title(name));
    return attributes;
  }

  @Override
  String label() {
    return LABEL;
  }

  @Override
  String noAltText() {
    return NoteImages.label(null, name);
  }
}
