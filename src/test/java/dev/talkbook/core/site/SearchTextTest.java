package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.search.CjkText;
import dev.talkbook.core.search.FoldedLetters;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTextTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Testing, testing: TESTING!           | testing
          Don't fear the garbage-collector     | don t fear the garbage collector
          Naïve café über Straße               | naive cafe uber strasse
          Søndergaard ÆRØ Łódź                 | sondergaard aero lodz
          C++ and C# for @Java = fun           | c++ c and c# for java fun
          On .NET, ASP.NET and ...net; g++ -O2 | on .net net asp and g++ g o2
          abc# and Ç# and 3+ and (f#)          | abc# abc and c# c 3 f# f
          .c# then main.c# then c#             | .c# c then main c#
          foo_bar x² Привет 日本語              | foo bar x² привет 日本 本語 語
          e\u0301te\u0301                      | ete
          Η ΟΔΟΣ, η οδός, οδοσ                 | η οδοσ
          ﬁnance, eﬃcient ﬂow, ﬆack     | finance efficient flow stack
          """)
  void wordsAreCutAndFoldedAsTheNotebooksIndexCutsThem(String notes, String words) {
    assertThat(SearchText.words(notes)).isEqualTo(words);
  }

  @Test
  void whatThePageDropsOfRawHtmlGivesNoWords() {
    assertThat(
            SearchText.words(
                "Intro <script>alert(7)</script> and <STYLE>p { color: red }</STYLE> kept"
                    + " <!-- a draft --> <b>bold</b>\n\n```html\n<script>shown</script>\n```\n"))
        .isEqualTo("intro and kept bold html script shown");
  }

  @Test
  void rawHtmlTagsNamesAndAttributesGiveNoWordsTheTextBetweenThemAndAnImagesAltTextDo() {
    assertThat(
            SearchText.words(
                """
                Security <img src="x" onerror="alert(1)"> and <a href="javascript:go()">clicked</a>
                <img src="https://tracker.example.com/p.gif" alt="Tracker pixel"><IMG ALT=bare SRC=y>

                <div onclick="alert(2)" style="color: red">
                Inside a div
                </div>

                Then <?php echo 1 ?> and `<div onclick>` in code

                <!DOCTYPE html>
                """))
        .isEqualTo("security and clicked tracker pixel bare inside a div then onclick in code");
  }

  @Test
  void everyDistinctWordIsKeptHoweverLongTheNotes() {
    StringBuilder notes = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      notes.append("- word").append(i).append(" and word").append(i).append('\n');
    }
    List<String> words = List.of(SearchText.words(notes.toString()).split(" "));
    assertThat(words).hasSize(5001).contains("word0", "word4999", "and").doesNotHaveDuplicates();
  }

  @Test
  void chineseJapaneseAndKoreanWordsGiveTheirLetterPairs() {
    // A run has no spaces to cut it: its pairs let the site find a term inside it, as
    // `talkbook search` does (InsideWords), and take its place (no query word of other letters
    // is it or its start). The last letter too, for a query of one letter.
    assertThat(SearchText.words("日本語のメモです。東京で会議。Java"))
        .isEqualTo("日本 本語 語の のメ メモ モて てす す 東京 京て て会 会議 議 java");
    // A Korean syllable is one letter (folding takes it apart into its jamo: put together again).
    assertThat(SearchText.words("한국어로")).isEqualTo("한국 국어 어로 로");
    // Letters beside them pair with them; a pair of others is no piece; a word starting with other
    // letters is kept whole ("java" finds "java日本" as the notebook does); other words, as before.
    assertThat(SearchText.words("java日本 2026年 café")).isEqualTo("java日本 a日 日本 本 2026年 6年 年 cafe");
    assertThat(SearchText.words("no such letters here, ελληνικά"))
        .isEqualTo("no such letters here ελληνικα");
  }

  @Test
  void attachmentHashesAreNotWords() {
    String sha = "ab".repeat(32);
    assertThat(SearchText.words("![a diagram](attachment:" + sha + "/flow%20chart.png) here"))
        .isEqualTo("a diagram here"); // the address, its file name too, is not on the page
  }

  @Test
  void aReferenceIsLookedForAfterTheLastOnesEnd() {
    // found while the words are cut (no search of the whole text first), as a search finds them:
    // the first reference's last digit is the "a" of the next "attachment:", which is no reference
    String sha = "0123456789abcdef".repeat(4);
    assertThat(
            SearchText.words(
                "see attachment:"
                    + sha.substring(1)
                    + "attachment:"
                    + sha
                    + " and xattachment:"
                    + sha))
        .isEqualTo("see " + sha + " and xattachment");
  }

  @Test
  void wordsAreThoseOfTheStraightforwardCutOnRandomNotes() {
    // SearchText.words is written for speed (no String per word, ASCII by table); this is the
    // plain version it replaced, code point by code point, a regular expression for attachments.
    String sha = "0123456789abcdef".repeat(4);
    String[] pieces = {
      "a",
      "Z",
      "q",
      "0",
      "9",
      " ",
      "\n",
      "-",
      "_",
      ":",
      "(",
      ")",
      "/",
      "é",
      "E\u0301",
      "\u0301",
      "ß",
      "ẞ",
      "Ø",
      "þ",
      "İ",
      "Σ",
      "ς",
      "日本",
      "\uD835\uDC00",
      "\uD83D\uDE00",
      "\uD800",
      "²",
      "Ⅻ",
      "ǅ",
      "attachment:",
      "attachment:" + sha,
      "attachment:" + sha.substring(1),
      "ATTACHMENT:" + sha,
      "word",
      "Word",
      "WORD",
      "words",
      "x",
      "\u00A0",
      "½",
      "ﬁ"
    };
    Random random = new Random(20261202L);
    for (int round = 0; round < 3000; round++) {
      StringBuilder notes = new StringBuilder();
      int n = random.nextInt(60);
      for (int i = 0; i < n; i++) {
        notes.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = notes.toString();
      String words = SearchText.words(text);
      assertThat(words).as("words of %s", text).isEqualTo(straightforward(text));
      // a talk's search entry writes them as a JSON string without escaping
      assertThat(Html.json(words)).isEqualTo("\"" + words + "\"");
    }
  }

  private static final Pattern ATTACHMENT = Pattern.compile("attachment:[0-9a-f]{64}");

  private static String straightforward(String markdown) {
    Set<String> seen = new HashSet<>();
    StringBuilder b = new StringBuilder();
    int n = markdown.length();
    int i = 0;
    int skipUntil = -1;
    Matcher attachment = ATTACHMENT.matcher(markdown);
    int nextAttachment = attachment.find() ? attachment.start() : n;
    while (i < n) {
      if (i >= nextAttachment) {
        skipUntil = Math.max(skipUntil, attachment.end());
        nextAttachment = attachment.find() ? attachment.start() : n;
      }
      int cp = markdown.codePointAt(i);
      if (!isWordPart(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < n && isWordPart(cp = markdown.codePointAt(i))) {
        i += Character.charCount(cp);
      }
      if (start < skipUntil) {
        continue;
      }
      String lower = FoldedLetters.fold(markdown.substring(start, i).toLowerCase(Locale.ROOT));
      StringBuilder word = new StringBuilder();
      Normalizer.normalize(lower, Normalizer.Form.NFD)
          .replace('ς', 'σ')
          .codePoints()
          .filter(SearchTextTest::isWordChar)
          .forEach(word::appendCodePoint);
      boolean cjk = CjkText.has(word.toString());
      boolean whole = !cjk || !CjkText.isCjk(word.codePointAt(0));
      if (word.length() > 0 && whole && seen.add(word.toString())) {
        b.append(b.length() > 0 ? " " : "").append(word);
      }
      if (cjk) {
        // the letter pairs of a Chinese, Japanese or Korean word, and its last such letter
        int[] cps = Normalizer.normalize(word, Normalizer.Form.NFC).codePoints().toArray();
        for (int k = 0; k < cps.length; k++) {
          String piece =
              k + 1 < cps.length
                  ? (CjkText.isCjk(cps[k]) || CjkText.isCjk(cps[k + 1])
                      ? new String(cps, k, 2)
                      : null)
                  : (CjkText.isCjk(cps[k]) ? new String(cps, k, 1) : null);
          if (piece != null && seen.add(piece)) {
            b.append(b.length() > 0 ? " " : "").append(piece);
          }
        }
      }
    }
    return b.toString();
  }

  private static boolean isWordChar(int cp) {
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  private static boolean isWordPart(int cp) {
    int type = Character.getType(cp);
    return isWordChar(cp)
        || type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  @Test
  void anOutputsStampGivesNoSearchWords() {
    assertThat(SearchText.words("Demo\n```java\nx\n```\n```output code=1a2b3c4d\nresult\n```\n"))
        .isEqualTo("demo java x output result");
  }
}
