package dev.talkbook.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first comes over their control. A {@link Tooltip} is a popup
 * window with a scene of its own (~2 ms each on the window's start, a dozen of them before the
 * first notes showed); it is only ever seen after the pointer has rested on its control, so it is
 * made when the pointer enters it. Screen readers get the same text at once, as the control's help
 * (what JavaFX otherwise reads from the tooltip).
 */
public final class Tips {
  private Tips() {}

  /** Gives {@code control} the tooltip {@code text}, made when the pointer first enters it. */
  public static void install(Control control, String text) {
    control.setAccessibleHelp(text);
    onFirstEntry(
        control,
        () -> {
          if (control.getTooltip() == null) {
            control.setTooltip(tooltip(text));
          }
        });
  }

  /**
   * Gives {@code node}, a part of a control that is no control itself (a titled pane's title bar),
   * the tooltip {@code text} (as it changes), made when the pointer first enters it; over the rest
   * of the control (a titled pane's fields) it does not show.
   */
  public static void installOn(Node node, ObservableValue<String> text) {
    node.accessibleHelpProperty().bind(text);
    onFirstEntry(
        node,
        () -> {
          Tooltip tip = wrapping("");
          tip.textProperty().bind(text);
          Tooltip.install(node, tip);
        });
  }

  /** Runs {@code make} when the pointer first enters {@code node}. */
  private static void onFirstEntry(Node node, Runnable make) {
    node.addEventHandler(
        MouseEvent.MOUSE_ENTERED,
        new EventHandler<MouseEvent>() {
          @Override
          public void handle(MouseEvent e) {
            node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
            make.run();
          }
        });
  }

  /** A tooltip for a long text (a whole title, a row's lines): wrapped, at most 600 px wide. */
  public static Tooltip wrapping(String text) {
    Tooltip tip = lettingEscThrough(new Tooltip(text));
    tip.setWrapText(true);
    tip.setMaxWidth(600);
    return tip;
  }

  /**
   * A tooltip of {@code text} that lets Esc through ({@link #lettingEscThrough}): every tooltip of
   * the window is made here or by {@link #install} (ArchitectureTest holds it): a presenter's Esc
   * on the REPL's Stop button, pressed while its tooltip showed, only hid the tooltip, and the code
   * ran on.
   */
  public static Tooltip tooltip(String text) {
    return lettingEscThrough(new Tooltip(text));
  }

  /** {@link #tooltip(String)} with no text yet (set or bound later). */
  public static Tooltip tooltip() {
    return lettingEscThrough(new Tooltip());
  }

  /**
   * {@code tip}, which Esc hides without keeping the key from the control with the keyboard. A
   * JavaFX popup takes an Esc pressed in its owner window while it shows and consumes it: Esc in a
   * details field that could not be saved, pressed while a tooltip showed, only hid the tooltip,
   * and the field kept its text and its problem.
   */
  public static Tooltip lettingEscThrough(Tooltip tip) {
    tip.setConsumeAutoHidingEvents(false);
    return tip;
  }
}
