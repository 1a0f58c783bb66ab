package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.web.WebView;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;

/**
 * A note of megabytes (one giant table, paragraph or code block: one block of the preview) opens in
 * the window without freezing it: the FX thread keeps answering while the talk opens and its
 * preview and outline follow, and typed text arrives at once. Before, WebKit laid out the whole 5
 * MB block on the FX thread for seconds after opening and again after every keystroke.
 */
class HugeNoteWindowTest extends RealWindowTest {

  /**
   * The most processor time the FX thread may spend while it keeps one task waiting, as a huge note
   * opens and is typed into: that is the freeze a user sees. Its own time, not the clock's: on a
   * loaded machine the clock also counts the time the thread waited for a core (a 5 s clock limit
   * failed once at load 17 with the thread busy in the editor's load). Up to ~1.5 s on the clock at
   * a load of 15–25 with the fix; the old code kept a task waiting for over 30 s, all of it WebKit
   * laying out the 5 MB block on the FX thread.
   */
  private static final long ANSWER_CPU_MS = 5_000;

  /** About {@code chars} characters of one Markdown block of this kind, under a heading. */
  static String hugeNote(String kind, int chars) {
    StringBuilder out =
        new StringBuilder(chars + 200).append("# Huge ").append(kind).append("\n\n");
    switch (kind) {
      case "table" -> out.append("| speaker | topic | room |\n|---|---|---|\n");
      case "code" -> out.append("```java\n");
      default -> {}
    }
    for (int i = 0; out.length() < chars; i++) {
      switch (kind) {
        case "table" ->
            out.append("| speaker ")
                .append(i)
                .append(" | virtual threads ")
                .append(i)
                .append(" | room ")
                .append(i % 7)
                .append(" |\n");
        case "code" ->
            out.append("var v")
                .append(i)
                .append(" = scope.fork(() -> fetch(\"carrier ")
                .append(i)
                .append("\"));\n");
        default ->
            out.append("the speaker showed the scheduler's latency under load ")
                .append(i)
                .append('\n');
      }
    }
    if (kind.equals("code")) {
      out.append("```\n");
    }
    return out.append("\n## After it\n\nThe end.\n").toString();
  }

  /**
   * Pings the FX thread every 20 ms and keeps the most processor time the FX thread spent while a
   * ping waited to run (and the longest wait on the clock, said with it), and where the FX thread
   * was (its innermost Talkbook frames) while a ping waited over 250 ms.
   */
  private static final class Probe implements AutoCloseable {
    final AtomicLong longestMs = new AtomicLong();
    final AtomicLong longestCpuMs = new AtomicLong();
    private final java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    final java.util.Map<String, Integer> busyAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread fx = fxThread();
    private final Thread thread =
        new Thread(
            () -> {
              while (running.get()) {
                CountDownLatch ran = new CountDownLatch(1);
                long start = System.nanoTime();
                long cpuStart = threads.getThreadCpuTime(fx.getId());
                long[] cpuRan = {-1};
                Platform.runLater(
                    () -> {
                      cpuRan[0] = threads.getCurrentThreadCpuTime();
                      ran.countDown();
                    });
                try {
                  while (!ran.await(250, TimeUnit.MILLISECONDS)) {
                    busyAt.merge(where(fx), 1, Integer::sum);
                  }
                  long waited = (System.nanoTime() - start) / 1_000_000;
                  longestMs.accumulateAndGet(waited, Math::max);
                  if (cpuStart >= 0 && cpuRan[0] >= 0) { // (the latch orders the write before)
                    longestCpuMs.accumulateAndGet((cpuRan[0] - cpuStart) / 1_000_000, Math::max);
                  }
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "fx-probe");

    private static Thread fxThread() {
      return Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().equals("JavaFX Application Thread"))
          .findFirst()
          .orElseThrow();
    }

    /** The FX thread's top frame and its innermost Talkbook frames. */
    private static String where(Thread fx) {
      StringBuilder out = new StringBuilder();
      int talkbook = 0;
      StackTraceElement[] stack = fx.getStackTrace();
      for (int i = 0; i < stack.length && talkbook < 3; i++) {
        if (i == 0 || stack[i].getClassName().startsWith("dev.talkbook")) {
          talkbook += i == 0 ? 0 : 1;
          out.append(stack[i]).append(" < ");
        }
      }
      return out.toString();
    }

    Probe() {
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(60_000);
    }
  }

  /** The text of the preview's page. */
  private static String pageText(FxRobot robot) throws Exception {
    WebView web = WindowUnderTest.preview(robot);
    if (web == null) {
      return "";
    }
    return FxWait.onFx(
        () ->
            String.valueOf(
                web.getEngine()
                    .executeScript(
                        "document.getElementById('content') == null ? ''"
                            + " : document.getElementById('content').textContent")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"table", "code", "paragraph"})
  void aHugeNoteOpensAndTakesTypingWithoutFreezingTheWindow(String kind, FxRobot robot)
      throws Exception {
    ui.openNewTalk(robot, "Small", "# Small talk\n\nA few words.\n");
    // The huge note: one table, code block or paragraph of 5 MB, its own block in the preview.
    FxWait.until("the preview shown", () -> WindowUnderTest.previewShows(robot));
    FxWait.until("the small talk previewed", () -> pageText(robot).contains("A few words."));
    String note = hugeNote(kind, 5_000_000);
    long event = ui.openTalk().eventId();
    long huge =
        ui.notebook
            .talks()
            .create(event, dev.talkbook.core.notebook.Talk.Details.titled("Huge"), note)
            .id();
    ui.reloadTree(robot);
    CodeArea notes = WindowUnderTest.editor(robot);
    try (Probe probe = new Probe()) {
      robot.interact(() -> ui.window.open(huge, java.util.List.of()));
      // (the notes' length: reading the text of a 5 MB note holds the FX thread itself)
      FxWait.untilFx("the huge notes", () -> notes.getLength() == note.length());
      FxWait.until("the huge talk previewed", () -> pageText(robot).contains("The end."));
      robot.interact(
          () -> {
            notes.requestFocus();
            notes.moveTo(0, "# Huge".length());
          });
      robot.write("XXXXX");
      FxWait.untilFx(
          "the typed text in the notes", () -> notes.getText(0).equals("# Huge" + "XXXXX " + kind));
      FxWait.until("the typed text previewed", () -> pageText(robot).contains("HugeXXXXX"));
      assertThat(pageText(robot))
          .contains(
              kind.equals("table")
                  ? "This table (lines 3–"
                  : kind.equals("code") ? "This code block (lines 3–" : "This paragraph (lines 3–")
          .contains("is too long to preview live: the preview shows");
      FxWait.untilFx(
          "the outline",
          () -> {
            var top = WindowUnderTest.outline(robot).getRoot().getChildren();
            return !top.isEmpty() && top.get(0).getValue().text().equals("HugeXXXXX " + kind);
          });
      probe.close();
      assertThat(probe.longestCpuMs.get())
          .as(
              "the FX thread's processor time while it kept a task waiting, in ms (%s ms on the"
                  + " clock); it was at %s",
              probe.longestMs.get(), probe.busyAt)
          .isLessThan(ANSWER_CPU_MS);
    }
  }
}
