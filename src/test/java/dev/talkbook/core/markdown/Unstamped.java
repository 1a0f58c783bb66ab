package dev.talkbook.core.markdown;

import java.util.regex.Pattern;

/**
 * For tests of what runs code and writes its output: the notes with each output block's {@link
 * CodeStamp} taken out of its info string ({@code ```output code=1a2b3c4d} read as {@code
 * ```output}), so that they can say the expected notes as a user reads them. {@code NoteCodeTest}
 * tests the stamps themselves.
 */
public final class Unstamped {
  private static final Pattern STAMP =
      Pattern.compile("(`{3,}output(?:-error)?) code=[0-9a-f]{8}(?=\r?\n)");

  private Unstamped() {}

  /** {@code markdown} without the code stamps of its output blocks. */
  public static String of(String markdown) {
    return STAMP.matcher(markdown).replaceAll("$1");
  }
}
