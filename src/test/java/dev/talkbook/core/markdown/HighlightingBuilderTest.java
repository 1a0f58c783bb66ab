package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HighlightingBuilderTest {

  @Test
  void neighboursWithTheSameClassesAreJoinedAndEmptyRunsLeftOut() {
    Highlighting h =
        new Highlighting.Builder()
            .add(3, Set.of())
            .add(2, Set.of("md-strong"))
            .add(0, Set.of("md-code"))
            .add(4, new HashSet<>(Set.of("md-strong"))) // equal, not the same set
            .add(1, Set.of())
            .build();

    assertThat(h.spans())
        .containsExactly(
            new Highlighting.Span(3, Set.of()),
            new Highlighting.Span(6, Set.of("md-strong")),
            new Highlighting.Span(1, Set.of()));
    assertThat(h).isEqualTo(new Highlighting(List.copyOf(h.spans())));
    assertThat(h.length()).isEqualTo(10);
  }

  @Test
  void theRunsAreKeptAsTheirClassesWereWhenAdded() {
    Set<String> classes = new HashSet<>(Set.of("md-em"));
    Highlighting.Builder builder = new Highlighting.Builder().add(2, classes);
    classes.add("md-strong");

    assertThat(builder.build().classesAt(1)).containsExactly("md-em");
  }

  @Test
  void aNegativeLengthOrAnAddAfterBuildIsRefused() {
    Highlighting.Builder builder = new Highlighting.Builder();
    assertThatThrownBy(() -> builder.add(-1, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    builder.build();
    assertThatThrownBy(() -> builder.add(1, Set.of())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRangeOfAnotherHighlightingIsAddedCutToFitAndJoinedToItsNeighbours() {
    Highlighting a =
        new Highlighting.Builder()
            .add(3, Set.of())
            .add(2, Set.of("md-strong"))
            .add(4, Set.of("md-code"))
            .add(1, Set.of())
            .build();
    Highlighting listed = new Highlighting(List.copyOf(a.spans())); // not packed
    for (Highlighting source : List.of(a, listed)) {
      Highlighting h =
          new Highlighting.Builder()
              .add(1, Set.of("md-strong"))
              .addRange(source, 4, 8) // strong 1, code 3
              .addRange(source, 8, 8)
              .addRange(source, 0, 2) // plain 2
              .build();
      assertThat(h.spans())
          .containsExactly(
              new Highlighting.Span(2, Set.of("md-strong")),
              new Highlighting.Span(3, Set.of("md-code")),
              new Highlighting.Span(2, Set.of()));
      assertThat(new Highlighting.Builder().addRange(source, 0, 10).build()).isEqualTo(a);
    }
  }

  @Test
  void aBuilderSizedBeforehandBuildsTheSameWhateverTheCount() {
    // Enough runs that a small count must grow: 100 alternating runs, a range of them, more runs.
    Highlighting.Builder grown = new Highlighting.Builder();
    for (int i = 0; i < 100; i++) {
      grown.add(i % 7 + 1, i % 2 == 0 ? Set.of() : Set.of("md-code"));
    }
    Highlighting source = grown.build();
    for (int runs : new int[] {0, 1, 50, 102, 1_000}) {
      Highlighting h =
          new Highlighting.Builder(runs)
              .add(2, Set.of("md-code"))
              .addRange(source, 3, source.length() - 4)
              .add(5, Set.of("md-em"))
              .build();
      Highlighting expected =
          new Highlighting.Builder()
              .add(2, Set.of("md-code"))
              .addRange(source, 3, source.length() - 4)
              .add(5, Set.of("md-em"))
              .build();
      assertThat(h).as("sized for %d runs", runs).isEqualTo(expected);
      assertThat(h.length()).isEqualTo(source.length());
    }
    assertThatThrownBy(() -> new Highlighting.Builder(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
