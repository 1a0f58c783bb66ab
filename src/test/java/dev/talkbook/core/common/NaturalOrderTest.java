package dev.talkbook.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
  @Test
  void numbersCompareByValueAndLettersIgnoringCase() {
    List<String> names =
        new ArrayList<>(List.of("k10.md", "K2.md", "k1.md", "k02.md", "a.md", "B.md", "k11.md"));
    names.sort(NaturalOrder.NAMES);
    assertThat(names)
        .containsExactly("a.md", "B.md", "k1.md", "K2.md", "k02.md", "k10.md", "k11.md");
  }

  @Test
  void anUnderscoreComesBeforeLettersWhateverTheirCase() {
    List<String> names = new ArrayList<>(List.of("Day 1", "_index.md", "agenda.md"));
    names.sort(NaturalOrder.NAMES);
    assertThat(names).containsExactly("_index.md", "agenda.md", "Day 1");
  }

  @Test
  void pathsCompareNameByNameSoFoldersFollowTheSameOrder() {
    List<String> paths = new ArrayList<>(List.of("Day 10/a.md", "Day 2/b.md", "Day 2/a.md"));
    paths.sort(NaturalOrder.SLASHED_PATHS);
    assertThat(paths).containsExactly("Day 2/a.md", "Day 2/b.md", "Day 10/a.md");

    List<Path> files =
        new ArrayList<>(
            List.of(Path.of("r/Day 10/a.md"), Path.of("r/Day 2/k10.md"), Path.of("r/Day 2/k9.md")));
    files.sort(NaturalOrder.PATHS);
    assertThat(files)
        .containsExactly(
            Path.of("r/Day 2/k9.md"), Path.of("r/Day 2/k10.md"), Path.of("r/Day 10/a.md"));
  }

  @Test
  void numbersTooLongForALongStillCompareByValue() {
    List<String> names =
        new ArrayList<>(List.of("x100000000000000000000", "x99999999999999999999"));
    names.sort(NaturalOrder.NAMES);
    assertThat(names).containsExactly("x99999999999999999999", "x100000000000000000000");
  }
}
