package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.RecentNotebooks;
import dev.talkbook.ui.common.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real window in a process of its own (headless), typed into a line every 100 ms, then killed
 * (SIGKILL) or stopped (SIGTERM): what was typed is in the notebook, and the notebook opens sound.
 * The {@code window-kill} benchmark group does the same over many more cycles.
 */
class WindowProcessTest {
  private static final Duration START = Duration.ofSeconds(120);

  @TempDir Path dir;
  private Path notebook;

  @BeforeEach
  void createNotebook() {
    notebook = dir.resolve("typed.talkbook");
    try (Notebook book = Notebook.open(notebook)) {
      long event = book.events().create(Event.Details.titled("Meetup")).id();
      book.talks().create(event, Talk.Details.titled("Typed into"), "# Typed into\n\n");
    }
  }

  private WindowProcess start(String run, String... flags) throws Exception {
    List<String> all = new ArrayList<>(WindowProcess.headless());
    all.addAll(List.of(flags));
    WindowProcess window = WindowProcess.start(notebook, run, dir.resolve("home"), all, Map.of());
    assertThat(window.awaitTyping(START)).as("typing started\n%s", window.output()).isTrue();
    return window;
  }

  @Test
  @Timeout(300)
  // Elsewhere the settings live under user.home or APPDATA, not XDG_CONFIG_HOME: the child would
  // read the developer's own settings and type into their last notebook.
  @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
  void aStartThatNamesNoNotebookOpensTheOneOpenedLast() throws Exception {
    Path home = dir.resolve("home");
    Settings settings =
        Settings.load(home.resolve("config").resolve("talkbook").resolve(Settings.FILE_NAME));
    RecentNotebooks.opened(settings, notebook);
    settings.flush();

    WindowProcess.Outcome outcome;
    try (WindowProcess window =
        WindowProcess.start(null, "last", home, WindowProcess.headless(), Map.of())) {
      // The probe types into the first talk of the notebook the window opened: this one's.
      assertThat(window.awaitTyping(START)).as("typing started\n%s", window.output()).isTrue();
      long ended = window.terminate();
      assertThat(window.waitFor(Duration.ofSeconds(60))).as("%s", window.output()).isNotEqualTo(-1);
      outcome = window.outcome(notebook, ended);
    }
    assertThat(outcome.sound()).as("%s", outcome).isTrue();
    assertThat(outcome.saved()).as("lines typed into the notebook opened last").isPositive();
    assertThat(home.resolve("data").resolve("talkbook").resolve("notebook.talkbook"))
        .as("the default notebook, not made")
        .doesNotExist();
  }

  @Test
  @Timeout(600)
  void killedWhileTypingItLosesAtMostAboutASecondAndTheNotebookOpensSound() throws Exception {
    Random random = new Random(11);
    for (int cycle = 1; cycle <= 3; cycle++) {
      WindowProcess.Outcome outcome;
      try (WindowProcess window = start("kill" + cycle)) {
        Thread.sleep(2_500 + random.nextInt(1_500));
        long killed = window.kill();
        outcome = window.outcome(notebook, killed);
      }
      assertThat(outcome.opened()).as("cycle %d opens: %s", cycle, outcome.problems()).isTrue();
      assertThat(outcome.sound()).as("cycle %d sound: %s", cycle, outcome).isTrue();
      assertThat(outcome.saved()).as("cycle %d saved lines", cycle).isPositive();
      // The save waits at most half a second while typing goes on; the rest is slack for a
      // loaded machine. Saving only at a pause (as before) loses all 2.5–4 s typed here.
      assertThat(outcome.lostSeconds()).as("cycle %d: %s", cycle, outcome).isLessThan(1.5);
    }
  }

  @Test
  @Timeout(300)
  void sigtermSavesEverythingTypedFirst() throws Exception {
    try (WindowProcess window = start("term")) {
      Thread.sleep(1_500);
      int typed = window.linesTyped();
      long stopped = window.terminate();
      assertThat(window.waitFor(Duration.ofSeconds(30))).as("exited").isNotEqualTo(-1);
      WindowProcess.Outcome outcome = window.outcome(notebook, stopped);
      assertThat(outcome.sound()).as("%s", outcome).isTrue();
      assertThat(outcome.saved())
          .as("%s\n%s", outcome, window.output())
          .isGreaterThanOrEqualTo(typed);
    }
  }

  @Test
  @Timeout(300)
  void sigtermSavesEvenWhileTheWindowHangs() throws Exception {
    try (WindowProcess window = start("hang", "-D" + TypingProbe.HANG_AFTER + "=12")) {
      while (window.linesTyped() < 12) {
        Thread.sleep(50);
      }
      Thread.sleep(300); // the FX thread is stuck now: no autosave can run on it
      long stopped = window.terminate();
      assertThat(window.waitFor(Duration.ofSeconds(30))).as("exited").isNotEqualTo(-1);
      WindowProcess.Outcome outcome = window.outcome(notebook, stopped);
      assertThat(outcome.sound()).as("%s", outcome).isTrue();
      assertThat(outcome.saved()).as("%s\n%s", outcome, window.output()).isEqualTo(12);
    }
  }

  @Test
  @Timeout(300)
  void aKilledWindowLeavesNothingInTheTemporaryFolder() throws Exception {
    // JavaFX copied the icon fonts, loaded from Ikonli's jars, to +JXF….tmp files that only a
    // normal exit removes: every killed window left two there.
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    List<String> flags = new ArrayList<>(WindowProcess.headless());
    flags.add("-Djava.io.tmpdir=" + tmp);
    try (WindowProcess window =
        WindowProcess.start(
            notebook,
            "tmp",
            dir.resolve("home"),
            flags,
            Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()))) {
      assertThat(window.awaitTyping(START)).as("typing started\n%s", window.output()).isTrue();
      window.kill();
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList()).isEmpty();
    }
  }
}
