package dev.talkbook.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;

/**
 * Keys typed while what they are meant for is not there yet (a talk chosen in Go to talk is still
 * being read): from {@link #hold} on, every key the scenes get is kept and goes nowhere; {@link
 * #release} then sends them, in the order typed, to where the keyboard is then (the chosen talk's
 * notes), as if typed there. A keyboard-first user types ahead; no key is lost nor lands in what
 * they were leaving. Held at most {@link #AT_MOST}. The text the held keys type is told, as they
 * come, to {@link #typedFor} (the notes' journal, so that a kill while they wait loses none of
 * them); keys so told wait past that bound for {@link #release} (the talk they were typed for), the
 * keyboard coming back to the window meanwhile.
 */
public final class HeldKeys {
  private final List<Scene> scenes;
  private final Scene to;
  private final List<KeyEvent> held = new ArrayList<>();
  private final EventHandler<KeyEvent> keep = this::keep;
  private boolean released;

  /** Whether the scenes' keys are held now (false once released, dropped or past the bound). */
  private boolean holdingKeys;

  /** Told the text the held keys type, as they come, and when they are gone; null: nobody. */
  private Ahead ahead;

  /** The text the held keys type (characters, Enter as a line break, Backspace taking one back). */
  private final StringBuilder typed = new StringBuilder();

  /**
   * Where the text typed by held keys goes while they wait (the journal of the talk they are for).
   */
  public interface Ahead {
    /** All the text the held keys type so far. */
    void typed(String text);

    /** The keys are gone: sent on (their changes made before this call) or dropped. */
    void gone();

    /**
     * The keys are dropped ({@link #drop}), and {@code text}, what they typed (never empty), went
     * nowhere: it must be kept somewhere the user can have it back. By default as {@link #gone}.
     */
    default void dropped(String text) {
      gone();
    }
  }

  /**
   * The longest keys are held: should what they wait for never come (a talk that cannot be read, a
   * notebook thread stuck on a full disk), the keyboard comes back to the window by itself instead
   * of every key, Esc and Ctrl+Q included, going nowhere. The held keys go where it is then, unless
   * they were typed for a talk ({@link #typedFor}): those go on waiting, journaled for it, to go
   * into its notes when it opens (or back at the next start, should it never open), not into the
   * talk being left.
   */
  public static final javafx.util.Duration AT_MOST = javafx.util.Duration.seconds(5);

  private final javafx.animation.PauseTransition bound;

  private HeldKeys(Scene to, List<Scene> scenes, javafx.util.Duration atMost) {
    this.to = to;
    this.scenes = scenes;
    this.bound = new javafx.animation.PauseTransition(atMost);
    bound.setOnFinished(e -> outlasted());
  }

  /** The bound passed: the keyboard comes back; keys typed for a talk wait on for it. */
  private void outlasted() {
    if (released) {
      return;
    }
    if (ahead == null) {
      release();
      return;
    }
    stopHolding();
  }

  /** Whether keys typed now are held (not yet released, dropped nor outlasted the bound). */
  boolean holding() {
    return !released && holdingKeys;
  }

  private void stopHolding() {
    bound.stop();
    holdingKeys = false;
    for (Scene s : scenes) {
      s.removeEventFilter(KeyEvent.ANY, keep);
    }
  }

  /**
   * Holds the keys {@code to} gets, and those of {@code more} scenes (a popup over it), until
   * {@link #release}, which sends them to {@code to}. On the FX thread.
   */
  public static HeldKeys hold(Scene to, Scene... more) {
    return hold(AT_MOST, to, more);
  }

  /** {@link #hold(Scene, Scene...)}, released by itself after {@code atMost}. */
  static HeldKeys hold(javafx.util.Duration atMost, Scene to, Scene... more) {
    List<Scene> scenes = new ArrayList<>();
    scenes.add(to);
    for (Scene s : more) {
      if (s != null && s != to) {
        scenes.add(s);
      }
    }
    HeldKeys keys = new HeldKeys(to, List.copyOf(scenes), atMost);
    keys.start();
    return keys;
  }

  /**
   * Holds {@code first} (a key the scene got, consumed by the caller) and then every key {@code to}
   * gets, until {@link #release}, which sends them, {@code first} first, to {@code to}'s focus
   * owner: the navigator's first typed letter and those after it wait for the talk's notes. On the
   * FX thread.
   */
  public static HeldKeys holdFrom(KeyEvent first, Scene to) {
    HeldKeys keys = new HeldKeys(to, List.of(to), AT_MOST);
    keys.held.add(first);
    typeInto(keys.typed, first);
    keys.start();
    return keys;
  }

  private void start() {
    holdingKeys = true;
    for (Scene s : scenes) {
      s.addEventFilter(KeyEvent.ANY, keep);
    }
    bound.play();
  }

  private void keep(KeyEvent e) {
    e.consume();
    held.add(e);
    if (typeInto(typed, e) && ahead != null) {
      ahead.typed(typed.toString());
    }
  }

  /**
   * From now on, the text the held keys type goes to {@code to} (at once what they typed so far),
   * and {@code to} is told when they are gone. On the FX thread.
   */
  public void typedFor(Ahead to) {
    if (released) {
      return;
    }
    ahead = to;
    if (!typed.isEmpty()) {
      to.typed(typed.toString());
    }
  }

  /**
   * Adds what the key {@code e} types to {@code text} (a character typed; Enter a line break,
   * Backspace takes one back: as pressed, for their typed form is no text); whether it changed.
   */
  static boolean typeInto(StringBuilder text, KeyEvent e) {
    if (e.isControlDown() || e.isMetaDown() || e.isAltDown()) {
      return false; // a shortcut
    }
    if (e.getEventType() == KeyEvent.KEY_PRESSED) {
      if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
        text.append('\n');
        return true;
      }
      if (e.getCode() == javafx.scene.input.KeyCode.BACK_SPACE && !text.isEmpty()) {
        text.setLength(text.length() - 1);
        return true;
      }
      return false;
    }
    String c = e.getCharacter();
    if (e.getEventType() != KeyEvent.KEY_TYPED
        || c.isEmpty()
        || Character.isISOControl(c.charAt(0))) {
      return false;
    }
    text.append(c);
    return true;
  }

  private void gone() {
    Ahead to = ahead;
    ahead = null;
    if (to != null) {
      to.gone();
    }
  }

  /**
   * Stops holding and sends the held keys, in order, each to the focus owner of the scene held for
   * as it is then (a popup that shows over it meanwhile gets them as it would typed keys). Once;
   * later calls do nothing. On the FX thread.
   */
  public void release() {
    if (released) {
      return;
    }
    released = true;
    stopHolding();
    for (KeyEvent e : List.copyOf(held)) {
      Node owner = to.getFocusOwner();
      if (owner != null && owner.getScene() == to) {
        Event.fireEvent(owner, e.copyFor(owner, owner));
      } else if (to.getRoot() != null) {
        Event.fireEvent(to.getRoot(), e.copyFor(to.getRoot(), to.getRoot()));
      }
    }
    held.clear();
    gone(); // after the keys made their changes: those are journaled before this
  }

  /**
   * Stops holding and forgets the held keys: what they were for could not be had (a talk that could
   * not be read, said in the status bar), and sent back where they were typed they would ask for it
   * again. The text they typed, if any, goes to {@link Ahead#dropped} (else {@link Ahead#gone}), to
   * be kept where the user can have it back. Once, as {@link #release}. On the FX thread.
   */
  public void drop() {
    if (released) {
      return;
    }
    released = true;
    stopHolding();
    held.clear();
    Ahead to = ahead;
    ahead = null;
    if (to != null) {
      if (typed.isEmpty()) {
        to.gone();
      } else {
        to.dropped(typed.toString());
      }
    }
  }
}
