package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.store.NotebookLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentNotebooksTest {
  @TempDir Path dir;

  private Settings settings() {
    return Settings.load(dir.resolve("settings.properties"));
  }

  @Test
  void theNewestComesFirstEachOnceAndOnlyTheLastEightAreKept() {
    Settings s = settings();
    for (int i = 1; i <= 10; i++) {
      RecentNotebooks.opened(s, dir.resolve("n" + i + ".talkbook"));
    }
    RecentNotebooks.opened(s, dir.resolve("n5.talkbook"));

    assertThat(RecentNotebooks.list(s))
        .containsExactly(
            dir.resolve("n5.talkbook"),
            dir.resolve("n10.talkbook"),
            dir.resolve("n9.talkbook"),
            dir.resolve("n8.talkbook"),
            dir.resolve("n7.talkbook"),
            dir.resolve("n6.talkbook"),
            dir.resolve("n4.talkbook"),
            dir.resolve("n3.talkbook"));
  }

  @Test
  void theListSurvivesARestartAndAForgottenOneGoes() {
    Settings s = settings();
    RecentNotebooks.opened(s, dir.resolve("a.talkbook"));
    RecentNotebooks.opened(s, dir.resolve("b.talkbook"));
    s.flush();

    Settings again = settings();
    assertThat(RecentNotebooks.list(again))
        .containsExactly(dir.resolve("b.talkbook"), dir.resolve("a.talkbook"));
    RecentNotebooks.forget(again, dir.resolve("b.talkbook"));
    assertThat(RecentNotebooks.list(again)).containsExactly(dir.resolve("a.talkbook"));
  }

  @Test
  void aHandEditedListKeepsWhatItCanRead() {
    Settings s = settings();
    s.put(
        Settings.RECENT_NOTEBOOKS,
        "relative.talkbook\n\n" + dir.resolve("a.talkbook") + "\n" + dir.resolve("a.talkbook"));

    assertThat(RecentNotebooks.list(s)).containsExactly(dir.resolve("a.talkbook"));
  }

  @Test
  void theWindowStartsOnTheNamedNotebookElseTheLastOneOpenedElseTheDefault() throws Exception {
    Settings s = settings();
    Path named = dir.resolve("named.talkbook");
    Path last = Files.writeString(dir.resolve("last.talkbook"), "");
    Path fallback = dir.resolve("data/notebook.talkbook");

    assertThat(RecentNotebooks.forWindow(null, s, () -> fallback)).isEqualTo(fallback);
    RecentNotebooks.opened(s, last);
    assertThat(RecentNotebooks.forWindow(named, s, () -> fallback)).isEqualTo(named);
    assertThat(RecentNotebooks.forWindow(null, s, () -> fallback)).isEqualTo(last);
    // Gone (moved, deleted, a drive not attached): the default, not a new empty notebook there.
    Files.delete(last);
    assertThat(RecentNotebooks.forWindow(null, s, () -> fallback)).isEqualTo(fallback);
    assertThat(RecentNotebooks.forWindow(null, s)).isEqualTo(NotebookLocation.resolve(null));
  }
}
