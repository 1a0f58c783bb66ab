package dev.talkbook.ui.navigator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FoldsTest {
  @Test
  void foldsReadBackFromTheirTextSortedSoTheSameFoldsAreTheSameText() {
    Folds folds =
        new Folds(
            Set.of(12L, 3L),
            Set.of(
                new Folds.Day(12, null),
                new Folds.Day(12, LocalDate.of(2026, 8, 22)),
                new Folds.Day(3, LocalDate.of(2026, 8, 21))));

    assertThat(folds.text()).isEqualTo("3 12 3@2026-08-21 12@2026-08-22 12@-");
    assertThat(Folds.parse(folds.text())).isEqualTo(folds);
    assertThat(Folds.parse(folds.text()).folded(12, null)).isTrue();
    assertThat(Folds.parse(folds.text()).folded(12, LocalDate.of(2026, 8, 21))).isFalse();
  }

  @Test
  void nothingFoldedIsEmptyText() {
    assertThat(Folds.NONE.text()).isEmpty();
    assertThat(Folds.parse("")).isEqualTo(Folds.NONE);
  }

  @Test
  void whatAHandEditMadeUnreadableIsLeftOut() {
    assertThat(Folds.parse(" 7  x 8@tomorrow 9@2026-02-30 5@2026-01-02 "))
        .isEqualTo(new Folds(Set.of(7L), Set.of(new Folds.Day(5, LocalDate.of(2026, 1, 2)))));
  }
}
