package dev.talkbook.core.common;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * File and folder names in the order a person lists them: runs of digits by their value ({@code k2}
 * before {@code k10}), letters ignoring case; names equal so (as {@code k01} and {@code K1}) in a
 * fixed order, so a sort is deterministic. Paths compare name by name, a folder's name with a
 * file's.
 */
public final class NaturalOrder {
  private NaturalOrder() {}

  /** Names in natural order. */
  public static final Comparator<String> NAMES = NaturalOrder::compareNames;

  /** Paths with {@code /} between their names (as a report shows them), name by name. */
  public static final Comparator<String> SLASHED_PATHS =
      (a, b) -> {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
          int c = compareNames(x[i], y[i]);
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(x.length, y.length);
      };

  /** Paths name by name. */
  public static final Comparator<Path> PATHS =
      (a, b) -> {
        for (int i = 0; i < Math.min(a.getNameCount(), b.getNameCount()); i++) {
          int c = compareNames(a.getName(i).toString(), b.getName(i).toString());
          if (c != 0) {
            return c;
          }
        }
        int c = Integer.compare(a.getNameCount(), b.getNameCount());
        return c != 0 ? c : a.compareTo(b);
      };

  private static int compareNames(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (isDigit(ca) && isDigit(cb)) {
        int ei = digitsEnd(a, i);
        int ej = digitsEnd(b, j);
        int si = skipZeros(a, i, ei);
        int sj = skipZeros(b, j, ej);
        int c = Integer.compare(ei - si, ej - sj); // fewer significant digits: smaller
        if (c == 0) {
          c = a.substring(si, ei).compareTo(b.substring(sj, ej));
        }
        if (c != 0) {
          return c;
        }
        i = ei;
        j = ej;
      } else {
        int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
        if (c != 0) {
          return c;
        }
        i++;
        j++;
      }
    }
    int c = Integer.compare(a.length() - i, b.length() - j);
    return c != 0 ? c : a.compareTo(b);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digitsEnd(String s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Where the digits from {@code from} to {@code end} stop being leading zeros (keeps one). */
  private static int skipZeros(String s, int from, int end) {
    int i = from;
    while (i < end - 1 && s.charAt(i) == '0') {
      i++;
    }
    return i;
  }
}
