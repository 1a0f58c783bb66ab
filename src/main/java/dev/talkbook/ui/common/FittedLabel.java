package dev.talkbook.ui.common;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;

/**
 * A label with a whole text and shorter forms of it ("Next: snippet 3 of 11 (Page Down)", "Next:
 * snippet 3 of 11", "Next: 3 of 11"): it shows the longest form its width holds, never a text cut
 * mid-word, and the whole text in its tooltip while a shorter form shows. It asks for the width of
 * its whole text and is content with that of its shortest form, so a row gives it room up to the
 * whole text and what is beside it never has to give way to it. A shortest form longer than {@link
 * #ELLIPSIS_EMS} ems (a message of one long sentence: how the REPL's JVM ended) is not asked for
 * whole: where it does not fit it ends in an ellipsis, so a long message never makes its row, and
 * the window, wider than the window is.
 */
public final class FittedLabel extends Label {
  /** The least width, in ems, the label asks for when its shortest form is longer. */
  static final double ELLIPSIS_EMS = 10;

  private List<String> forms = List.of("");
  private final CutText whole = new CutText(this);

  public FittedLabel() {
    setTextOverrun(OverrunStyle.CLIP);
    setEllipsisString("…");
  }

  /** Shows {@code whole}, or the longest of the {@code shorter} forms (longest first) that fits. */
  public void show(String whole, String... shorter) {
    List<String> now =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(whole), java.util.Arrays.stream(shorter))
            .toList();
    if (now.equals(forms)) {
      return;
    }
    forms = now;
    fit();
    requestLayout();
  }

  /** The whole text (what {@link #getText()} shows, or the longer text it stands for). */
  public String whole() {
    return forms.get(0);
  }

  @Override
  protected double computePrefWidth(double height) {
    return widthOf(forms.get(0));
  }

  @Override
  protected double computeMinWidth(double height) {
    return Math.min(
        widthOf(forms.get(forms.size() - 1)), snapSizeX(ELLIPSIS_EMS * getFont().getSize()));
  }

  @Override
  protected void layoutChildren() {
    fit();
    super.layoutChildren();
  }

  private double widthOf(String text) {
    // A little over the text's own width: Labeled's skin rounds and pads, and a label given exactly
    // its text's width may still show an ellipsis.
    return snapSizeX(TextWidth.of(text, getFont()) + snappedLeftInset() + snappedRightInset() + 2);
  }

  /** The longest form that fits the width laid out now; the shortest when none does. */
  private void fit() {
    String shown = forms.get(forms.size() - 1);
    double width = getWidth();
    for (String form : forms) {
      if (widthOf(form) <= width + 0.5) {
        shown = form;
        break;
      }
    }
    if (!shown.equals(getText())) {
      setText(shown);
    }
    // Only a form that does not fit is cut, at a word's end where it can be, with an ellipsis.
    boolean cut = widthOf(shown) > width + 0.5;
    setTextOverrun(cut ? OverrunStyle.WORD_ELLIPSIS : OverrunStyle.CLIP);
    whole.shown(cut || !shown.equals(forms.get(0)), forms.get(0));
    setAccessibleText(forms.get(0));
  }
}
