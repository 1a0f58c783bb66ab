package dev.talkbook.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The parts of a long note still to be styled: taken from the view down, then up; moved by edits.
 */
class UnstyledTest {

  @Test
  void partsThatMeetAreOne() {
    Unstyled parts = new Unstyled();
    parts.add(10, 20);
    parts.add(30, 40);
    parts.add(20, 25);
    parts.add(5, 5);
    assertThat(parts).hasToString("[10, 25) [30, 40)");
    parts.add(0, 100);
    assertThat(parts).hasToString("[0, 100)");
  }

  @Test
  void piecesAreTakenFromTheViewDownThenUpwards() {
    Unstyled parts = new Unstyled();
    parts.add(0, 100);
    assertThat(parts.take(40, 30)).containsExactly(40, 70);
    assertThat(parts.take(40, 30)).containsExactly(70, 100);
    assertThat(parts).hasToString("[0, 40)");
    assertThat(parts.take(40, 30)).containsExactly(10, 40);
    assertThat(parts.take(40, 30)).containsExactly(0, 10);
    assertThat(parts.isEmpty()).isTrue();
    assertThat(parts.take(40, 30)).isNull();
  }

  @Test
  void editsMoveThePartsWithTheTextAfterThem() {
    Unstyled parts = new Unstyled();
    parts.add(10, 20);
    parts.add(50, 60);
    parts.edited(30, 0, 5); // typed between them
    assertThat(parts).hasToString("[10, 20) [55, 65)");
    parts.edited(15, 0, 3); // typed inside the first: it keeps the new characters
    assertThat(parts).hasToString("[10, 23) [58, 68)");
    parts.edited(0, 12, 0); // removed across the first's start
    assertThat(parts).hasToString("[0, 11) [46, 56)");
    parts.edited(40, 20, 0); // the second removed whole
    assertThat(parts).hasToString("[0, 11)");
  }
}
