package dev.talkbook.core.markdown;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Each class of {@link HighlightClasses} as a bit (its index in {@link HighlightClasses#ALL}), so a
 * run of text carries its classes in one {@code long}.
 */
final class ClassBits {

  static final int HEADING = 0;
  static final int HEADING_1 = 1;
  static final int EMPHASIS = 7;
  static final int STRONG = 8;
  static final int STRIKE = 9;
  static final int LIST_MARKER = 10;
  static final int TASK = 11;
  static final int QUOTE = 12;
  static final int LINK = 13;
  static final int IMAGE = 14;
  static final int URL = 15;
  static final int CODE = 16;
  static final int FENCE = 17;
  static final int TABLE = 18;
  static final int HR = 19;
  static final int JAVA_KEYWORD = 20;
  static final int JAVA_STRING = 21;
  static final int JAVA_CHAR = 22;
  static final int JAVA_COMMENT = 23;
  static final int JAVA_NUMBER = 24;
  static final int JAVA_ANNOTATION = 25;
  static final int JAVA_PAREN = 26;
  static final int JAVA_BRACE = 27;
  static final int JAVA_BRACKET = 28;
  static final int JAVA_SEMICOLON = 29;

  private static final int CACHE_BITS = 6;

  /** The set of class names for each mask met so far; one per highlighting, never shared. */
  private final Map<Long, Set<String>> names = new HashMap<>();

  // A small direct-mapped cache in front of the map: no boxing for the masks met again and again.
  private final long[] cachedMasks = new long[1 << CACHE_BITS];
  private final Object[] cachedNames = new Object[1 << CACHE_BITS];

  @SuppressWarnings("unchecked")
  Set<String> names(long mask) {
    int slot = (int) ((mask * 0x9E3779B97F4A7C15L) >>> (64 - CACHE_BITS));
    if (cachedNames[slot] != null && cachedMasks[slot] == mask) {
      return (Set<String>) cachedNames[slot];
    }
    Set<String> found = names.computeIfAbsent(mask, ClassBits::toNames);
    cachedMasks[slot] = mask;
    cachedNames[slot] = found;
    return found;
  }

  private static Set<String> toNames(long mask) {
    Set<String> names = new LinkedHashSet<>();
    for (int bit = 0; bit < HighlightClasses.ALL.size(); bit++) {
      if ((mask & (1L << bit)) != 0) {
        names.add(HighlightClasses.ALL.get(bit));
      }
    }
    return Set.copyOf(names);
  }
}
