package dev.talkbook.ui;

import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.store.Notebook;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real window, {@code dev.talkbook.Launcher}, in a process of its own, typed into by its typing
 * probe ({@code -Dtalkbook.typingProbe}, a line every 100 ms), then killed or stopped; and what its
 * notebook holds afterwards. Used by the window process tests and the {@code window-kill} benchmark
 * group.
 */
public final class WindowProcess implements AutoCloseable {
  private static final Pattern TYPED = Pattern.compile("talkbook-typed (\\S+) (\\d+) (\\d+)");

  private static final Pattern JOURNALED = Pattern.compile("talkbook-journaled (\\S+) (\\d+)");

  /** A whole typed line (a line cut off by the kill, with no line break yet, does not count). */
  private static final Pattern SAVED_LINE = Pattern.compile("(?m)^typed (\\S+) (\\d+) (\\d+)\n");

  private final Process process;
  private final String run;
  private final Thread pump;
  private final ConcurrentSkipListMap<Integer, Long> typed = new ConcurrentSkipListMap<>();
  private final CountDownLatch firstLine = new CountDownLatch(1);
  private volatile int journaled;
  private final List<String> output = new ArrayList<>();

  /** The JavaFX flags that run the window without a display (Monocle, software rendering). */
  public static List<String> headless() {
    return List.of(
        "-Dglass.platform=Monocle",
        "-Dmonocle.platform=Headless",
        "-Dprism.order=sw",
        "-Dprism.text=t2k",
        "-Djava.awt.headless=true");
  }

  /**
   * Starts the window on {@code notebook} (null: names none, as a start from the desktop's menu)
   * with the typing probe on (run {@code run}).
   *
   * @param home a folder of this run's own for the settings (never the user's)
   * @param flags more JVM flags (e.g. {@link #headless()})
   * @param env more environment (e.g. {@code DISPLAY})
   */
  public static WindowProcess start(
      Path notebook, String run, Path home, List<String> flags, Map<String, String> env)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.add("-Djava.util.prefs.userRoot=" + home.resolve("prefs"));
    command.add("-D" + TypingProbe.PROPERTY + "=" + run);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.talkbook.Launcher");
    if (notebook != null) {
      command.add("--notebook");
      command.add(notebook.toString());
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
    builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
    builder.environment().remove("TALKBOOK_NOTEBOOK");
    builder.environment().putAll(env);
    Files.createDirectories(home);
    return new WindowProcess(builder.start(), run);
  }

  private WindowProcess(Process process, String run) {
    this.process = process;
    this.run = run;
    this.pump = new Thread(this::readOutput, "window-process-output");
    pump.setDaemon(true);
    pump.start();
  }

  private void readOutput() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        Matcher m = TYPED.matcher(line);
        Matcher j = JOURNALED.matcher(line);
        if (j.matches() && j.group(1).equals(run)) {
          journaled = Math.max(journaled, Integer.parseInt(j.group(2)));
        } else if (m.matches() && m.group(1).equals(run)) {
          typed.put(Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
          firstLine.countDown();
        } else {
          synchronized (output) {
            output.add(line);
            if (output.size() > 200) {
              output.remove(0);
            }
          }
        }
      }
    } catch (IOException e) {
      // the process is gone
    }
  }

  /** Waits until the probe has typed its first line; false if it did not in time or died. */
  public boolean awaitTyping(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (firstLine.await(200, TimeUnit.MILLISECONDS)) {
        return true;
      }
      if (!process.isAlive()) {
        return false;
      }
    }
    return false;
  }

  /** How many lines the probe says it has typed so far. */
  public int linesTyped() {
    return typed.isEmpty() ? 0 : typed.lastKey();
  }

  /** How many lines the probe says are in the notes' journal so far (written to the OS). */
  public int linesJournaled() {
    return journaled;
  }

  /**
   * The characters of this run's lines the probe said it typed that {@code notes} lack (each line
   * with its line break): what a kill lost.
   */
  public int charactersLost(String notes) {
    return charactersLost(notes, Integer.MAX_VALUE);
  }

  /** The same, of the lines up to line {@code upTo} only. */
  public int charactersLost(String notes, int upTo) {
    int lost = 0;
    for (Map.Entry<Integer, Long> line : typed.headMap(upTo, true).entrySet()) {
      String text = "typed " + run + " " + line.getKey() + " " + line.getValue() + "\n";
      if (!notes.contains(text)) {
        lost += text.length();
      }
    }
    return lost;
  }

  /** The characters of this run's lines the probe said it typed (each with its line break). */
  public int charactersTyped() {
    int all = 0;
    for (Map.Entry<Integer, Long> line : typed.entrySet()) {
      all += ("typed " + run + " " + line.getKey() + " " + line.getValue() + "\n").length();
    }
    return all;
  }

  /** Kills the process at once (SIGKILL: no hook, nothing saved); returns when (epoch ms). */
  public long kill() throws InterruptedException {
    long at = System.currentTimeMillis();
    process.destroyForcibly();
    finish();
    return at;
  }

  /** Asks the process to end (SIGTERM, as a logout or shutdown does); returns when (epoch ms). */
  public long terminate() {
    long at = System.currentTimeMillis();
    process.destroy();
    return at;
  }

  /** Waits for the process to end; its exit code, or -1 if it did not end in time. */
  public int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return -1;
    }
    finish();
    return process.exitValue();
  }

  private void finish() throws InterruptedException {
    process.waitFor(30, TimeUnit.SECONDS);
    pump.join(5_000);
  }

  /** The last lines the process printed (other than the probe's), for a failure message. */
  public String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    finish();
  }

  /**
   * What the notebook held after the process ended.
   *
   * @param opened whether the notebook opened at all
   * @param problems what {@code check} found (empty when sound), or why it did not open
   * @param inOrder whether the saved lines of this run are lines 1…N with none missing or mixed
   * @param saved the last line of this run in the notes
   * @param typed the last line the probe said it typed
   * @param lostSeconds from the first typed line not in the notes to {@code endedAt} (0 if none)
   */
  public record Outcome(
      boolean opened,
      List<String> problems,
      boolean inOrder,
      int saved,
      int typed,
      double lostSeconds) {
    public boolean sound() {
      return opened && problems.isEmpty() && inOrder;
    }
  }

  /** Opens the notebook as the next start would, checks it, and counts what was lost. */
  public Outcome outcome(Path notebook, long endedAt) {
    int lastTyped = linesTyped();
    try (Notebook book = Notebook.open(notebook, Notebook.Options.defaults().withCreate(false))) {
      List<String> problems = book.check();
      String notes = book.talks().get(book.talks().summaries().get(0).id()).body();
      Matcher m = SAVED_LINE.matcher(notes);
      int expected = 1;
      boolean inOrder = true;
      int saved = 0;
      while (m.find()) {
        if (!m.group(1).equals(run)) {
          continue;
        }
        int n = Integer.parseInt(m.group(2));
        inOrder &= n == expected;
        expected = n + 1;
        saved = n;
      }
      Map.Entry<Integer, Long> firstLost = typed.higherEntry(saved);
      double lost = firstLost == null ? 0 : Math.max(0, (endedAt - firstLost.getValue()) / 1000.0);
      return new Outcome(true, problems, inOrder, saved, lastTyped, lost);
    } catch (NotebookException e) {
      return new Outcome(false, List.of(e.getMessage()), false, 0, lastTyped, Double.NaN);
    }
  }
}
