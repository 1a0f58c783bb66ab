package dev.talkbook.core.repl;

/**
 * Something the session has defined, for a side list.
 *
 * @param kind variable, method, type, import or library
 * @param name its name ({@code x}, {@code greet}, {@code Point}, {@code java.util.*}, {@code
 *     org.jsoup:jsoup:1.17.2})
 * @param detail the type of a variable, a method's signature, a type's kind, "static", or a
 *     library's jars
 * @param value a variable's current value (at most 200 characters), else ""
 */
public record Definition(Kind kind, String name, String detail, String value) {

  /** The kinds, in the order a list shows them. */
  public enum Kind {
    VARIABLE,
    METHOD,
    TYPE,
    IMPORT,
    /** A library named by //DEPS, on the class path. */
    LIBRARY
  }
}
