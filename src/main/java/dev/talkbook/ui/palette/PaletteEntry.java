package dev.talkbook.ui.palette;

import java.util.Objects;

/**
 * One row of the command palette or the quick switcher: what it stands for, its label, a note after
 * the label (an action's menu path; a talk's speakers), what is shown on the right (a shortcut; a
 * talk's event), and words that find it without being shown ("jshell" for the REPL). The texts are
 * folded for matching once, here, not at each keystroke.
 */
public final class PaletteEntry<T> {
  private final T value;
  private final String label;
  private final String note;
  private final String side;
  private final String words;
  final String foldedLabel;
  final String foldedRest;
  final String foldedWords;

  public PaletteEntry(T value, String label, String note, String side, String words) {
    this.value = value;
    this.label = Objects.requireNonNullElse(label, "");
    this.note = Objects.requireNonNullElse(note, "");
    this.side = Objects.requireNonNullElse(side, "");
    this.words = Objects.requireNonNullElse(words, "");
    this.foldedLabel = Ranking.fold(this.label);
    this.foldedRest = Ranking.fold(this.note + " " + this.side + " " + this.words);
    this.foldedWords = Ranking.fold(this.words);
  }

  public T value() {
    return value;
  }

  public String label() {
    return label;
  }

  public String note() {
    return note;
  }

  public String side() {
    return side;
  }

  public String words() {
    return words;
  }

  @Override
  public String toString() {
    return label + (note.isEmpty() ? "" : " — " + note);
  }
}
