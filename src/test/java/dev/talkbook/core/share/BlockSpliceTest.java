package dev.talkbook.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockSpliceTest {

  /** Each letter is a block; the splice turns {@code before} into {@code after}. */
  @ParameterizedTest
  @CsvSource({
    "abc, abc, 3, 0, ''",
    "abc, aXc, 1, 1, X",
    "abc, abcd, 3, 0, d",
    "abc, xabc, 0, 0, x",
    "abc, ac, 1, 1, ''",
    "abc, '', 0, 3, ''",
    "'', ab, 0, 0, ab",
    "aaa, aa, 2, 1, ''",
    "abcd, acbd, 1, 2, cb",
    "abca, abXca, 2, 0, X",
  })
  void findsTheSmallestRangeBetweenTheCommonStartAndEnd(
      String before, String after, int at, int remove, String insert) {
    BlockSplice s = BlockSplice.between(blocks(before), blocks(after));
    assertThat(s.at()).isEqualTo(at);
    assertThat(s.remove()).isEqualTo(remove);
    assertThat(String.join("", s.insert())).isEqualTo(insert);
    assertThat(s.isEmpty()).isEqualTo(before.equals(after));
    // applying it gives the new list
    List<String> applied = new ArrayList<>(blocks(before));
    applied.subList(s.at(), s.at() + s.remove()).clear();
    applied.addAll(s.at(), s.insert());
    assertThat(applied).isEqualTo(blocks(after));
  }

  private static List<String> blocks(String letters) {
    return letters.chars().mapToObj(c -> String.valueOf((char) c)).toList();
  }
}
