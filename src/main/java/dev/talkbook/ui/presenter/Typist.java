package dev.talkbook.ui.presenter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Types a snippet into the REPL's input at a pace the audience can read, one character a step (a
 * long snippet a few, so that none takes more than about 3 s); indentation and line breaks come
 * with the character after them, so the code is never seen waiting on blanks. {@link #finish()}
 * puts the rest in at once: a snippet is never left half typed. Runs on the FX thread.
 */
final class Typist {

  /** The pace: 30 characters a second, a fast typist's speed that can still be read. */
  static final Duration STEP = Duration.millis(33);

  /**
   * The most steps a snippet takes, about 3 s: a longer one goes several characters a step (a
   * ten-line snippet took over 7 s at one a step, the room watching a screen being typed on).
   */
  static final int MOST_STEPS = 90;

  private final Consumer<String> append;
  private Timeline timeline;
  private List<String> pending = List.of();
  private int at;
  private Runnable done = () -> {};

  /**
   * @param append adds text at the end of the REPL's input
   */
  Typist(Consumer<String> append) {
    this.append = append;
  }

  /**
   * The steps {@code code} is typed in: each a character, with the blanks and line breaks before
   * it; trailing blanks are dropped.
   */
  static List<String> steps(String code) {
    String text = code.stripTrailing();
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        continue;
      }
      int end = i + 1;
      if (Character.isHighSurrogate(c) && end < text.length()) {
        end++;
        i++;
      }
      out.add(text.substring(start, end));
      start = end;
    }
    return out;
  }

  /**
   * The steps of {@link #steps(String)} taken together so that there are at most {@link
   * #MOST_STEPS}, each of the same number of characters but the last.
   */
  static List<String> paced(String code) {
    List<String> each = steps(code);
    if (each.size() <= MOST_STEPS) {
      return each;
    }
    int per = (each.size() + MOST_STEPS - 1) / MOST_STEPS;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < each.size(); i += per) {
      out.add(String.join("", each.subList(i, Math.min(each.size(), i + per))));
    }
    return out;
  }

  /**
   * Starts typing {@code code} (finishing any snippet still being typed); then runs {@code then}.
   */
  void type(String code, Runnable then) {
    finish();
    pending = paced(code);
    at = 0;
    done = then;
    timeline = new Timeline(new KeyFrame(STEP, e -> step()));
    timeline.setCycleCount(Timeline.INDEFINITE);
    timeline.play();
  }

  boolean isTyping() {
    return timeline != null;
  }

  private void step() {
    if (at < pending.size()) {
      append.accept(pending.get(at++));
    }
    if (at >= pending.size()) {
      end();
    }
  }

  /** Puts the rest of the snippet in at once. */
  void finish() {
    if (timeline == null) {
      return;
    }
    if (at < pending.size()) {
      append.accept(String.join("", pending.subList(at, pending.size())));
      at = pending.size();
    }
    end();
  }

  private void stop() {
    if (timeline != null) {
      timeline.stop();
      timeline = null;
    }
  }

  private void end() {
    stop();
    Runnable then = done;
    done = () -> {};
    then.run();
  }
}
