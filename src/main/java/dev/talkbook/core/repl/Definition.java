package dev.talkbook.core.repl;

/**
 * Something the session has defined, for a side list.
 *
 * @param kind variable, method, type or import
 * @param name its name ({@code x}, {@code greet}, {@code Point}, {@code java.util.*})
 * @param detail the type of a variable, a method's signature, a type's kind, or "static"
 * @param value a variable's current value (at most 200 characters), else ""
 */
public record Definition(Kind kind, String name, String detail, String value) {

  /** The kinds, in the order a list shows them. */
  public enum Kind {
    VARIABLE,
    METHOD,
    TYPE,
    IMPORT
  }
}
