package dev.talkbook.core.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Names written with the punctuation that makes them, as programming languages and technologies
 * are: {@code c#}, {@code f#}, {@code c++}, {@code g++}, {@code .net}. The search index cuts words
 * at punctuation, so "c#", "c++" and "c" are all its word "c"; a search term with such a name
 * ({@link SearchQuery.Term#punctuatedName()}) is found only where the text has it as written. Pure.
 *
 * <p>The rule: a word (letters, digits and their marks, as the index's) that starts with a letter
 * is a name when a run of {@code #} and {@code +} follows it right away ({@code c#}, {@code c++},
 * {@code g++}), or when a {@code .} stands right before it and no letter, digit or other dot before
 * that one ({@code .net}, not the "net" of "asp.net" or "...net"); a word with a dot right before
 * it that is not such a leading dot is no name ({@code main.c#} is a file name, not {@code c#}). A
 * name is found only whole, its leading dot included: {@code c#} not in ".c#" (another name, as
 * ".net" is not "net"), {@code .c#} only there. Text and term are compared folded for case and
 * accents ({@link Snippets#fold}), word for word: a name is found only as a whole word with the
 * same run ({@code c#} not in "abc#", "c++" or "c"; {@code c++} in "C++20" too), a term's dot only
 * where the text has one; the term's other words as the passage marks them (the same crude stem,
 * the last one as the start of a word while it is typed); a term of several words ({@code "c#
 * basics"}, {@code c#-ish}) where the text has them one after the other, whatever stands between
 * them.
 */
public final class PunctuatedNames {
  private PunctuatedNames() {}

  /** A word of a text: where it is, whether a dot leads it, where its run of # and + ends. */
  private record Unit(int wordStart, int wordEnd, boolean lead, int trailEnd) {
    boolean named() {
      return lead || trailEnd > wordEnd;
    }

    int start(boolean withLead) {
      return withLead ? wordStart - 1 : wordStart;
    }

    int end() {
      return Math.max(wordEnd, trailEnd);
    }
  }

  /** Whether {@code text} (a term as typed) has a name written with its punctuation. */
  public static boolean in(String text) {
    for (Unit u : units(text)) {
      if (u.named()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the last word of {@code text} (a term as typed) is a name written with its punctuation:
   * it is not also looked for as the start of longer words ({@code .net} finds no "network").
   */
  static boolean lastIsName(String text) {
    List<Unit> units = units(text);
    return !units.isEmpty() && units.get(units.size() - 1).named();
  }

  /** How often {@code text} has {@code term}'s words as the class comment says. */
  public static int count(String text, String term, boolean lastStarts) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    String folded = Snippets.fold(term);
    if (!mayHave(text, folded)) {
      return 0; // most texts: no fold or cut of 5 KB of notes for a name they cannot have
    }
    List<Unit> units = units(folded);
    if (units.size() == 1 && units.get(0).named()) {
      return countAlone(text, folded, units.get(0));
    }
    for (int j = 0; j < units.size(); j++) {
      if (units.get(j).named()) {
        return countAround(text, folded, units, j, lastStarts);
      }
    }
    return find(Snippets.fold(text), folded, lastStarts).size();
  }

  /**
   * {@link #count} for a term of several words whose word {@code j} is a name ({@code "learning
   * c#"}): as {@link #countAlone}, only the words around each place the text has that name's
   * punctuation are folded and compared (the term's words before and after it), not the whole text.
   * Counted as {@link #find} counts: left to right, none overlapping.
   */
  private static int countAround(
      String text, String term, List<Unit> wanted, int j, boolean lastStarts) {
    Unit name = wanted.get(j);
    int after = wanted.size() - 1 - j;
    boolean trail = name.trailEnd() > name.wordEnd();
    char mark = trail ? term.charAt(name.wordEnd()) : '.';
    int count = 0;
    int done = 0; // where the last match's last word ended
    int seen = -1; // where the last name word compared started
    for (int at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) {
      int wordStart;
      int wordEnd;
      if (trail) {
        if (at == 0 || !isWordPart(text.codePointBefore(at))) {
          continue;
        }
        wordEnd = at;
        wordStart = wordStartBefore(text, at);
      } else {
        wordStart = at + 1;
        wordEnd = wordEndFrom(text, wordStart);
        if (wordEnd == wordStart) {
          continue;
        }
      }
      if (wordStart <= seen) {
        continue; // this word was compared already
      }
      seen = wordStart;
      // The term's words before the name: j words back, whatever stands between them.
      int first = wordStart;
      for (int k = 0; k < j && first >= 0; k++) {
        int e = first;
        while (e > 0 && !isWordPart(text.codePointBefore(e))) {
          e -= Character.charCount(text.codePointBefore(e));
        }
        first = e == 0 ? -1 : wordStartBefore(text, e);
      }
      if (first < 0 || first < done) {
        continue; // not enough words before it, or they are part of the last match
      }
      // The words after it, each with its run of # and +.
      int end = wordEnd;
      int lastWordEnd = wordEnd;
      for (int k = 0; k <= after && end >= 0; k++) {
        if (k > 0) {
          while (end < text.length() && !isWordPart(text.codePointAt(end))) {
            end += Character.charCount(text.codePointAt(end));
          }
          if (end == text.length()) {
            end = -1;
            break;
          }
          lastWordEnd = wordEndFrom(text, end);
          end = lastWordEnd;
        }
        while (end < text.length() && (text.charAt(end) == '#' || text.charAt(end) == '+')) {
          end++;
        }
      }
      if (end < 0) {
        continue; // not enough words after it
      }
      // The words, and the two characters before the first that say whether a dot leads it.
      String piece = Snippets.fold(text.substring(Math.max(0, first - 2), end));
      List<Unit> have = units(piece);
      int from = have.size() - wanted.size();
      boolean all = from >= 0;
      for (int k = 0; k < wanted.size() && all; k++) {
        all =
            same(
                piece,
                have.get(from + k),
                term,
                wanted.get(k),
                lastStarts && k == wanted.size() - 1);
      }
      if (all) {
        count++;
        done = lastWordEnd;
      }
    }
    return count;
  }

  private static int wordStartBefore(String text, int end) {
    int start = end;
    while (start > 0 && isWordPart(text.codePointBefore(start))) {
      start -= Character.charCount(text.codePointBefore(start));
    }
    return start;
  }

  private static int wordEndFrom(String text, int start) {
    int end = start;
    while (end < text.length() && isWordPart(text.codePointAt(end))) {
      end += Character.charCount(text.codePointAt(end));
    }
    return end;
  }

  /**
   * {@link #count} for a term of one name: only the words around its punctuation in {@code text}
   * are folded and compared, not the whole text.
   */
  private static int countAlone(String text, String term, Unit name) {
    boolean trail = name.trailEnd() > name.wordEnd();
    char mark = trail ? term.charAt(name.wordEnd()) : '.';
    int count = 0;
    int done = 0; // where the last piece compared ended
    for (int at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) {
      int wordStart;
      int wordEnd;
      if (trail) {
        if (at == 0 || !isWordPart(text.codePointBefore(at))) {
          continue;
        }
        wordEnd = at;
        wordStart = at;
        while (wordStart > 0 && isWordPart(text.codePointBefore(wordStart))) {
          wordStart -= Character.charCount(text.codePointBefore(wordStart));
        }
      } else {
        wordStart = at + 1;
        wordEnd = wordStart;
        while (wordEnd < text.length() && isWordPart(text.codePointAt(wordEnd))) {
          wordEnd += Character.charCount(text.codePointAt(wordEnd));
        }
        if (wordEnd == wordStart) {
          continue;
        }
      }
      int end = wordEnd;
      while (end < text.length() && (text.charAt(end) == '#' || text.charAt(end) == '+')) {
        end++;
      }
      if (wordStart < done) {
        continue; // this word was compared already
      }
      int from = Math.max(0, wordStart - 2);
      // The word, its run, and the two characters before it that say whether a dot leads it.
      String piece = Snippets.fold(text.substring(from, end));
      List<int[]> found = find(piece, term, false);
      if (!found.isEmpty() && found.get(found.size() - 1)[1] == piece.length()) {
        count++;
      }
      done = end;
      at = Math.max(at, end - 1);
    }
    return count;
  }

  /**
   * Whether {@code text} may have the first name of the folded {@code term}: its {@code #} or
   * {@code +} after a character that folds to the name's last letter (any but ASCII may), or its
   * dot before one that folds to its first. Never false where {@link #find} finds it.
   */
  private static boolean mayHave(String text, String term) {
    for (Unit u : units(term)) {
      if (u.trailEnd() > u.wordEnd()) {
        char punctuation = term.charAt(u.wordEnd());
        char last = term.charAt(u.wordEnd() - 1);
        for (int at = text.indexOf(punctuation, 1);
            at >= 0;
            at = text.indexOf(punctuation, at + 1)) {
          char before = text.charAt(at - 1);
          if (before >= 128 || Character.toLowerCase(before) == last) {
            return true;
          }
        }
        return false;
      }
      if (u.lead()) {
        char first = term.charAt(u.wordStart());
        for (int at = text.indexOf('.');
            at >= 0 && at + 1 < text.length();
            at = text.indexOf('.', at + 1)) {
          char after = text.charAt(at + 1);
          if (after >= 128 || Character.toLowerCase(after) == first) {
            return true;
          }
        }
        return false;
      }
    }
    return true;
  }

  /**
   * Where the folded {@code text} has the folded {@code term}'s words ({@code {start, end}} in
   * {@code text}, the name's dot and run included), in order, none overlapping.
   */
  static List<int[]> find(String text, String term, boolean lastStarts) {
    List<Unit> wanted = units(term);
    List<int[]> found = new ArrayList<>();
    if (wanted.isEmpty() || text.isEmpty()) {
      return found;
    }
    Unit first = wanted.get(0);
    List<Unit> have = units(text);
    for (int i = 0; i + wanted.size() <= have.size(); i++) {
      boolean all = true;
      for (int k = 0; k < wanted.size() && all; k++) {
        all =
            same(text, have.get(i + k), term, wanted.get(k), lastStarts && k == wanted.size() - 1);
      }
      if (all) {
        Unit last = have.get(i + wanted.size() - 1);
        int end = wanted.get(wanted.size() - 1).named() ? last.end() : last.wordEnd();
        found.add(new int[] {have.get(i).start(first.lead()), end});
        i += wanted.size() - 1;
      }
    }
    return found;
  }

  /** Whether the text's word {@code h} is the term's word {@code w}. */
  private static boolean same(String text, Unit h, String term, Unit w, boolean starts) {
    int length = h.wordEnd() - h.wordStart();
    int wantedLength = w.wordEnd() - w.wordStart();
    if (w.named()) {
      int trail = w.trailEnd() - w.wordEnd();
      return length == wantedLength
          && h.trailEnd() - h.wordEnd() == trail
          && w.lead() == h.lead()
          && text.regionMatches(h.wordStart(), term, w.wordStart(), wantedLength)
          && text.regionMatches(h.wordEnd(), term, w.wordEnd(), trail);
    }
    if (length >= wantedLength
        && text.regionMatches(h.wordStart(), term, w.wordStart(), wantedLength)
        && (starts || length == wantedLength)) {
      return true;
    }
    if (starts) {
      return false;
    }
    String word = text.substring(h.wordStart(), h.wordEnd());
    return Snippets.stem(word).equals(Snippets.stem(term.substring(w.wordStart(), w.wordEnd())));
  }

  /** The words of {@code s}, with each one's dot and run of # and + when it is a name. */
  private static List<Unit> units(String s) {
    List<Unit> units = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      int cp = s.codePointAt(i);
      if (!isWordPart(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < n && isWordPart(s.codePointAt(i))) {
        i += Character.charCount(s.codePointAt(i));
      }
      boolean letter = Character.isLetter(cp);
      boolean lead =
          letter
              && start > 0
              && s.charAt(start - 1) == '.'
              && (start == 1
                  || !isWordPart(s.codePointBefore(start - 1)) && s.charAt(start - 2) != '.');
      // A dot right before the word that is not a leading one joins it to what stands before
      // ("main.c#", "...c#"): the word is then no name, its run no part of it.
      boolean joined = !lead && start > 0 && s.charAt(start - 1) == '.';
      int trail = i;
      if (letter && !joined) {
        while (trail < n && (s.charAt(trail) == '#' || s.charAt(trail) == '+')) {
          trail++;
        }
      }
      units.add(new Unit(start, i, lead, trail));
      i = Math.max(i, trail);
    }
    return units;
  }

  private static boolean isWordPart(int cp) {
    return SearchQuery.isWordPart(cp);
  }
}
