package dev.talkbook.ui.common;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * How wide a text is drawn in a font, for sizing a control to what it must show whole (a field to
 * its prompt, a column to its labels) before or without laying it out.
 */
public final class TextWidth {
  private TextWidth() {}

  /** The width of {@code text} in {@code font}, in pixels (not rounded). */
  public static double of(String text, Font font) {
    Text probe = new Text(text);
    probe.setFont(font);
    return probe.getLayoutBounds().getWidth();
  }
}
