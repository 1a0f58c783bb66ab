package dev.talkbook.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.common.Resources;
import dev.talkbook.core.site.Slugs;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one table of the letters decomposition leaves whole, and the copies of it the SQL and the
 * site's script must hold.
 */
class FoldedLettersTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      textBlock =
          """
          Grüße,         Grüsse
          GRÜẞE,         GRÜssE
          Søndergaard,   Sondergaard
          Ærø,           aero
          Œuvre,         oeuvre
          Łódź,          lódź
          Đorđe,         dorde
          Þórr,          thórr
          ı,             i
          café,          café
          plain,         plain
          """)
  void foldsOnlyTheLettersDecompositionLeavesWhole(String text, String folded) {
    assertThat(FoldedLetters.fold(text)).isEqualTo(folded);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      textBlock =
          """
          gruesse,   grusse
          Muenchen,  Munchen
          Koelner,   Kolner
          Baeren,    Baren
          queues,    queus
          does,
          goes,
          blue,
          query,
          plain,
          """)
  void aGermanWordTypedWithAeOeUeIsAlsoLookedForWithoutTheE(String word, String unwritten) {
    assertThat(FoldedLetters.umlautsUnwritten(word)).isEqualTo(unwritten);
  }

  @Test
  void theTextItselfWhenItHasNone() {
    String text = "nebenläufig";
    assertThat(FoldedLetters.fold(text)).isSameAs(text);
    assertThat(FoldedLetters.has(text)).isFalse();
    assertThat(FoldedLetters.has("Straße")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
          Keynote: Zwanzig Jahre Java – Grüße aus Leipzig, keynote-zwanzig-jahre-java-grusse-aus-leipzig
          Mette Søndergaard,                                mette-sondergaard
          ÆRØ Œuvre Łódź Đ Þ ı,                              aero-oeuvre-lodz-d-th-i
          """)
  void slugsFoldTheSameLetters(String title, String slug) {
    assertThat(Slugs.of(title)).isEqualTo(slug);
  }

  @Test
  void theIndexTriggersAndItsRebuildHoldTheTable() {
    String v008 =
        Resources.text(
            FoldedLetters.class, "/dev/talkbook/core/store/migrations/V011__index_ligatures.sql");
    for (String column :
        new String[] {
          "new.title", "new.speakers", "new.abstract", "replace(new.tags, char(10), ' ')"
        }) {
      assertThat(v008).contains(FoldedLetters.sql(column));
    }
    // The notes' chain folds talkbook_shown_text's result: every chain there ends with the table.
    String last = FoldedLetters.sql("x").substring(FoldedLetters.sql("x").indexOf("x, ") + 1);
    String firstLetter = FoldedLetters.TABLE.keySet().iterator().next().toString();
    long chains = v008.split("'" + firstLetter + "', '", -1).length - 1;
    assertThat(v008.split(java.util.regex.Pattern.quote(last), -1).length - 1).isEqualTo(chains);
    String rebuild =
        Resources.text(FoldedLetters.class, "/dev/talkbook/core/store/rebuild_search_index.sql");
    assertThat(rebuild)
        .contains(FoldedLetters.sql("t.title"))
        .contains(FoldedLetters.sql("e.title"));
  }

  @Test
  void theSitesScriptHoldsTheTableInLowerCase() {
    String js = Resources.text(FoldedLetters.class, "/dev/talkbook/core/site/search.js");
    Matcher table = Pattern.compile("var FOLDED = \\{([^}]*)\\}").matcher(js);
    assertThat(table.find()).isTrue();
    Map<String, String> inScript = new LinkedHashMap<>();
    Matcher entry = Pattern.compile("\"(.)\": \"([a-z]+)\"").matcher(table.group(1));
    while (entry.find()) {
      inScript.put(entry.group(1), entry.group(2));
    }
    Map<String, String> lower = new LinkedHashMap<>();
    FoldedLetters.TABLE.forEach(
        (letter, folded) -> lower.put(String.valueOf(letter).toLowerCase(Locale.ROOT), folded));
    assertThat(inScript).isEqualTo(lower);
    assertThat(js).contains("var FOLDED_LETTERS = /[" + String.join("", lower.keySet()) + "]/g;");
  }
}
