package dev.talkbook.core.markdown;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which code an output block came from: a short hash of the code, kept in the output block's info
 * string after its language ({@code ```output code=1a2b3c4d}), so that an output whose code changed
 * since it ran can be told out of date. Any Markdown tool still reads the block's language as
 * {@code output}; an output block without a stamp (written before stamps) is never out of date.
 *
 * <p>The hash is of the code's lines with their leading and trailing blanks and the blank lines
 * left out, so that indenting a block (into a list item, say) or a line ending does not make its
 * output out of date.
 */
public final class CodeStamp {

  /** The word before the stamp in an info string. */
  private static final String KEY = "code=";

  private static final int LENGTH = 8;

  private CodeStamp() {}

  /** The stamp of {@code code}: 8 hex digits. */
  public static String of(String code) {
    StringBuilder lines = new StringBuilder(code.length());
    for (String line : code.split("\r\n|\r|\n")) {
      String kept = line.strip();
      if (!kept.isEmpty()) {
        lines.append(kept).append('\n');
      }
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(lines.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The info string of an output block of {@code language} that {@code code} gave. */
  public static String info(String language, String code) {
    return language + " " + KEY + of(code);
  }

  /**
   * Whether {@code info} is the info string of an output block Talkbook writes in {@code language}
   * ({@code output}, {@code output-error}): that word alone, or with its stamp only. A block so
   * named with other words ({@code ```output expected}) was written by hand: Run does not take it
   * for the code's output, nor replace it.
   */
  public static boolean isWrittenOutput(String info, String language) {
    String[] words = info == null ? new String[0] : info.strip().split("\\s+");
    return words.length >= 1
        && words[0].toLowerCase(java.util.Locale.ROOT).equals(language)
        && (words.length == 1 || (words.length == 2 && in(words[1]) != null));
  }

  /**
   * {@code text} (the shown text of {@code markdown}: the same length, each character where it was)
   * with the stamp of each output block's opening fence a space ({@code code=1a2b3c4d}: no word a
   * reader types, nor one the page shows): what the search index and the site's search words are
   * made of. Only notes with {@code code=} in them are scanned.
   */
  public static String hide(String markdown, String text) {
    if (markdown.indexOf(KEY) < 0) {
      return text;
    }
    char[] out = null;
    for (Fences.Block b : Fences.blocks(markdown)) {
      String language = b.language(markdown);
      if (!language.equals("output") && !language.equals("output-error")) {
        continue;
      }
      for (int at = markdown.indexOf(KEY, b.infoStart());
          at >= 0 && at + KEY.length() + LENGTH <= b.infoEnd();
          at = markdown.indexOf(KEY, at + 1)) {
        int end = at + KEY.length() + LENGTH;
        boolean word =
            Character.isWhitespace(markdown.charAt(at - 1))
                && (end == b.infoEnd() || Character.isWhitespace(markdown.charAt(end)));
        if (word && in(markdown.substring(at, end)) != null) {
          if (out == null) {
            out = text.toCharArray();
          }
          java.util.Arrays.fill(out, at, end, ' ');
        }
      }
    }
    return out == null ? text : new String(out);
  }

  /** The stamp in a fence's info string, or null when it has none. */
  public static String in(String info) {
    if (info == null) {
      return null;
    }
    for (String word : info.strip().split("\\s+")) {
      if (word.startsWith(KEY)
          && word.length() == KEY.length() + LENGTH
          && word.substring(KEY.length()).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        return word.substring(KEY.length()).toLowerCase(java.util.Locale.ROOT);
      }
    }
    return null;
  }

  /**
   * Whether an output block with info string {@code outputInfo} came from code other than {@code
   * code}: false when it has no stamp.
   */
  public static boolean outOfDate(String outputInfo, String code) {
    String stamp = in(outputInfo);
    return stamp != null && !stamp.equals(of(code));
  }
}
