package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.notebook.NotebookException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A text made back from a delta is the text, byte for byte; the delta is the size of the change.
 */
class LineDeltaTest {

  private static String roundTrip(String base, String target) {
    return LineDelta.apply(base, LineDelta.encode(base, target));
  }

  @Test
  void edgeCases() {
    for (String[] pair :
        new String[][] {
          {"", ""},
          {"", "new\n"},
          {"old\n", ""},
          {"no newline", "no newline at all"},
          {"a\nb\nc", "a\nb\nc\n"},
          {"a\r\nb\r\n", "a\r\nx\r\nb\r\n"},
          {"\n\n\n", "\n\n"},
          {"emoji 😀\nline\n", "line\nemoji 😀 and more\n"},
        }) {
      assertThat(roundTrip(pair[0], pair[1])).as("%s -> %s", pair[0], pair[1]).isEqualTo(pair[1]);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void randomEditsRoundTrip(long seed) {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      lines.add(random.nextInt(5) == 0 ? "" : "- line " + random.nextInt(40) + " of notes");
    }
    String base = String.join("\n", lines) + (random.nextBoolean() ? "\n" : "");
    for (int round = 0; round < 20; round++) {
      List<String> edited = new ArrayList<>(lines);
      int edits = 1 + random.nextInt(10);
      for (int e = 0; e < edits && !edited.isEmpty(); e++) {
        int at = random.nextInt(edited.size());
        switch (random.nextInt(4)) {
          case 0 -> edited.add(at, "inserted " + random.nextInt());
          case 1 -> edited.remove(at);
          case 2 -> edited.set(at, edited.get(at) + " changed");
          default -> {
            int to = random.nextInt(edited.size());
            edited.add(to, edited.remove(at));
          }
        }
      }
      String target = String.join("\n", edited) + (random.nextBoolean() ? "\n" : "");
      assertThat(roundTrip(base, target)).isEqualTo(target);
      assertThat(roundTrip(target, base)).isEqualTo(base);
    }
  }

  @Test
  void aSmallChangeToALargeNoteMakesASmallDelta() {
    String note = CrashNotes.lines(60_000); // about 2.5 MB
    String edited = note.replace("line 30000:", "line 30000 (edited):") + "- one more line\n";

    byte[] delta = LineDelta.encode(edited, note);

    assertThat(delta.length).isLessThan(200);
    assertThat(LineDelta.apply(edited, delta)).isEqualTo(note);
  }

  @Test
  @Timeout(30)
  void unrelatedOrShuffledLargeTextsTakeLinearTime() {
    String note = CrashNotes.lines(60_000);
    List<String> shuffled = new ArrayList<>(LineDelta.lines(note));
    Collections.shuffle(shuffled, new Random(1));
    String moved = String.join("", shuffled);
    String other = CrashNotes.lines(60_000).replace("line", "row");
    String blanks = "\n".repeat(200_000);

    assertThat(roundTrip(note, moved)).isEqualTo(moved);
    assertThat(roundTrip(note, other)).isEqualTo(other);
    assertThat(roundTrip(blanks, blanks + "x\n")).isEqualTo(blanks + "x\n");
  }

  @Test
  void aDamagedDeltaOrTheWrongBaseIsFoundNotRead() {
    String base = CrashNotes.lines(20);
    byte[] delta = LineDelta.encode(base, base.replace("line 7:", "line seven:"));

    assertThatThrownBy(() -> LineDelta.apply(base.replace("line 3:", "line three:"), delta))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("cannot be read back");
    byte[] damaged = delta.clone();
    damaged[damaged.length - 2] ^= 0x55;
    assertThatThrownBy(() -> LineDelta.apply(base, damaged)).isInstanceOf(NotebookException.class);
  }

  /** Notes of many distinct lines. */
  static final class CrashNotes {
    static String lines(int count) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < count; i++) {
        b.append("- line ").append(i).append(": some words about the talk, and a few more\n");
      }
      return b.toString();
    }
  }
}
