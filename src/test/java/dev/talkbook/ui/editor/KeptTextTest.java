package dev.talkbook.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeptTextTest {

  @Test
  void aChangeIsSplicedIntoTheTextOnlyWhereItFits() {
    KeptText kept = new KeptText();
    kept.reset("abcdef");
    assertThat(kept.splice(2, "cd", "XY")).isEqualTo("abXYef");
    assertThat(kept.text()).isEqualTo("abXYef");

    assertThat(kept.splice(2, "cd", "zz")).isNull(); // not what is there now
    assertThat(kept.splice(5, "fg", "")).isNull(); // past the end
    assertThat(kept.splice(-1, "", "x")).isNull();
    assertThat(kept.text()).isEqualTo("abXYef"); // kept as it was
    assertThat(kept.splice(6, "", "!")).isEqualTo("abXYef!");
  }

  @Test
  void aTextOfOneByteCharactersIsKeptAsBytesAgainOnceAllOfItIsReplaced() {
    KeptText kept = new KeptText();
    assertThat(kept.keptAsBytes()).isTrue(); // the empty text
    assertThat(kept.splice(0, "", "# Notes\n")).isEqualTo("# Notes\n");
    assertThat(kept.keptAsBytes()).isTrue();
    assertThat(kept.splice(7, "", " €")).isEqualTo("# Notes €\n");
    assertThat(kept.keptAsBytes()).isFalse();
    assertThat(kept.splice(7, " €", "")).isEqualTo("# Notes\n");
    assertThat(kept.keptAsBytes()).isFalse(); // a part replaced: not read again
    assertThat(kept.splice(0, "# Notes\n", "another note ü\n")).isEqualTo("another note ü\n");
    assertThat(kept.keptAsBytes()).isTrue(); // all of it replaced (a load)
    assertThat(kept.splice(13, "ü", "ÿ")).isEqualTo("another note ÿ\n");
  }

  @Test
  void aResetStartsOverFromTheTextGiven() {
    KeptText kept = new KeptText();
    kept.reset("x".repeat(100_000));
    kept.reset("short ünï");
    assertThat(kept.splice(6, "ünï", "§")).isEqualTo("short §");
    assertThat(kept.text()).isEqualTo("short §");
    kept.reset("a € b 😀?");
    assertThat(kept.splice(8, "?", "!")).isEqualTo("a € b 😀!");
    assertThat(kept.splice(0, "a", "ä")).isEqualTo("ä € b 😀!");
  }

  /**
   * Random edits, growing and shrinking the text: with ISO-8859-1 characters only (kept as bytes),
   * and with others too (from the first one on, kept as characters).
   */
  @ParameterizedTest
  @CsvSource({"1, false", "2, false", "3, true", "4, true", "20261203, true"})
  void everySpliceIsTheTextWithTheChangeMade(long seed, boolean beyondLatin1) {
    Random r = new Random(seed);
    KeptText kept = new KeptText();
    String expected = "# Notes\n\n- one ÿ?\n";
    kept.reset(expected);
    String alphabet = beyondLatin1 ? "ab \n-#`ü?€😀" : "ab \n-#`ü?ÿ";
    for (int i = 0; i < 2_000; i++) {
      int at = r.nextInt(expected.length() + 1);
      int end = Math.min(expected.length(), at + (r.nextInt(4) == 0 ? r.nextInt(40) : 0));
      StringBuilder inserted = new StringBuilder();
      for (int n = r.nextInt(i % 50 == 0 ? 500 : 4); n > 0; n--) {
        inserted.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String removed = expected.substring(at, end);
      expected = expected.substring(0, at) + inserted + expected.substring(end);
      assertThat(kept.splice(at, removed, inserted.toString())).isEqualTo(expected);
    }
    assertThat(kept.text()).isEqualTo(expected);
  }
}
