package dev.talkbook.bench.markdown;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.markdown.RenderedNote;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.MainWindow;
import dev.talkbook.ui.WindowHost;
import dev.talkbook.ui.common.Once;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.UiExecutors;
import dev.talkbook.ui.editor.EditorView;
import dev.talkbook.ui.outline.OutlineView;
import dev.talkbook.ui.preview.PreviewView;
import dev.talkbook.ui.talk.OpenTalk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;

/**
 * Runs in its own JVM (Monocle headless or a display): the editor, the outline and the preview in
 * one window, fed a generated 10,000-line outline note. Prints {@code key value...} lines for
 * {@link MarkdownGroup}. Times are from {@code System.nanoTime}, in ms.
 */
public final class PreviewProbe {
  private static final int KEYSTROKES = Integer.getInteger("probe.keys", 40);

  private static EditorView editor;
  private static PreviewView preview;
  private static OutlineView outline;
  private static Scene scene;

  /** The window's host: nothing leaves the probe. */
  private static final class Host implements WindowHost {
    @Override
    public void openLink(String url) {}

    @Override
    public void openAnotherNotebook() {}

    @Override
    public Path chooseNewNotebook() {
      return null;
    }

    @Override
    public void openNotebook(Path file, boolean create) {}

    @Override
    public void quit() {}

    @Override
    public Path chooseFileToSave(String title, String name) {
      return null;
    }
  }

  private static final MarkdownRenderer renderer = new MarkdownRenderer();

  /** Whether to print each key's breakdown ({@code -Dprobe.perKey=true}; Linux, /proc). */
  private static final boolean PER_KEY = Boolean.getBoolean("probe.perKey");

  /** The longest wait of a task posted to the FX thread every 2 ms (how long it was blocked). */
  private static final AtomicLong probeMaxNanos = new AtomicLong();

  public static void main(String[] args) throws Exception {
    String note = OutlineNote.generate(10_000, 20261124);
    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();
    fx(
        () -> {
          editor = new EditorView(files -> {});
          preview = new PreviewView(url -> {});
          outline = new OutlineView();
          preview.create();
          HBox box = new HBox(outline.root(), editor.root(), preview.root());
          HBox.setHgrow(editor.root(), Priority.ALWAYS);
          HBox.setHgrow(preview.root(), Priority.ALWAYS);
          scene = new Scene(box, 1280, 800);
          Stage stage = new Stage();
          stage.setScene(scene);
          stage.show();
          return null;
        });
    waitFor(() -> preview.isReady());
    startProbe();

    // Open and highlight, measured to the next pulse.
    List<Double> open = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String text = i % 2 == 0 ? note : note + "\n";
      long t0 = System.nanoTime();
      fx(
          () -> {
            editor.load(text);
            return null;
          });
      nextPulse();
      open.add(ms(System.nanoTime() - t0));
    }
    print("open", open);

    // The real window (MainWindow with its OpenTalk) on a notebook holding the note, typed into.
    Path dir = Files.createTempDirectory("talkbook-preview-probe");
    Notebook made = Notebook.open(dir.resolve("probe.talkbook"));
    long event = made.events().create(Event.Details.titled("Probe")).id();
    long talkId = made.talks().create(event, Talk.Details.titled("Long outline"), note).id();
    Notebook notebook =
        Boolean.getBoolean("probe.noSearchUpdate") ? withoutSearchUpdate(made) : made;
    Settings settings = Settings.load(dir.resolve("settings.properties"));
    settings.put(Settings.lastTalk(notebook.file()), talkId);
    UiExecutors executors = new UiExecutors();
    MainWindow[] window = new MainWindow[1];
    Stage[] stage = new Stage[1];
    fx(
        () -> {
          stage[0] = new Stage();
          window[0] =
              new MainWindow(stage[0], notebook, executors, settings, new Theme(false), new Host());
          stage[0].show();
          window[0].start();
          return null;
        });
    OpenTalk talk = window[0].openTalk();
    waitFor(() -> talk.getTalk() != null && talk.renderedProperty().get() != null);
    Scene windowScene = stage[0].getScene();
    waitFor(
        () ->
            windowScene.lookup("#preview .web-view") instanceof javafx.scene.web.WebView web
                && web.getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED
                && windowScene.lookup("#outline") != null);
    CodeArea area = (CodeArea) windowScene.lookup("#editor");
    Thread.sleep(2_000); // the window settles (the preview's first patch, WebKit's layout)
    scene = windowScene;

    // Keystrokes in the middle of the note, one at a time, each to the preview painted.
    List<Double> latency = new ArrayList<>();
    List<Double> fxKey = new ArrayList<>();
    List<Double> fxKeyCpu = new ArrayList<>();
    List<Double> fxCycleCpu = new ArrayList<>();
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long fxThread = fx(() -> Thread.currentThread().getId());
    probeMaxNanos.set(0);
    java.util.Map<String, long[]> typingStart = null;
    long allocatedAtStart = 0;
    java.util.Map<String, Long> byThreadAtStart = java.util.Map.of();
    long[] gcAtStart = new long[2];
    for (int k = 0; k < KEYSTROKES + 5; k++) {
      if (k == 5 && ThreadTimes.available()) {
        typingStart = ThreadTimes.all();
      }
      if (k == 5) {
        byThreadAtStart = allocatedByThread();
        allocatedAtStart = total(byThreadAtStart);
        gcAtStart = gcCountAndMillis();
        System.out.println("typing-from " + System.currentTimeMillis());
      }
      int at = note.length() / 2 + k;
      CountDownLatch painted = new CountDownLatch(1);
      long[] paintedAt = new long[1];
      java.util.function.Consumer<RenderedNote> onRendered =
          now -> {
            Runnable[] self = new Runnable[1];
            self[0] =
                () -> {
                  windowScene.removePostLayoutPulseListener(self[0]);
                  paintedAt[0] = System.nanoTime();
                  painted.countDown();
                };
            windowScene.addPostLayoutPulseListener(self[0]);
            Platform.requestNextPulse();
          };
      long[] keyNanos = new long[2];
      long[] keyAt = new long[2];
      long[] fxSched = new long[4];
      long cycle0 = threads.getThreadCpuTime(fxThread);
      java.util.Map<String, long[]>[] around = new java.util.Map[2];
      long t0 = System.nanoTime();
      fx(
          () -> {
            Once.when(talk.renderedProperty(), any -> true, onRendered);
            if (PER_KEY) {
              around[0] = ThreadTimes.all();
              ThreadTimes.own(fxSched, 0);
            }
            long a = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            area.insertText(Math.min(at, area.getLength()), "x");
            keyNanos[0] = System.nanoTime() - a;
            keyNanos[1] = threads.getCurrentThreadCpuTime() - c;
            keyAt[0] = a;
            keyAt[1] = a + keyNanos[0];
            if (PER_KEY) {
              ThreadTimes.own(fxSched, 2);
              around[1] = ThreadTimes.all();
            }
            return null;
          });
      painted.await(30, TimeUnit.SECONDS);
      if (PER_KEY) {
        // The key's handling: wall, processor, waiting for a core (run queue), the rest (stopped:
        // a safepoint, a lock), and who else ran meanwhile.
        System.out.printf(
            java.util.Locale.ROOT,
            "key %d at %d..%d wall %.2f cpu %.2f runqueue %.2f others %s%n",
            k,
            keyAt[0],
            keyAt[1],
            ms(keyNanos[0]),
            ms(keyNanos[1]),
            ms(fxSched[3] - fxSched[1]),
            ThreadTimes.delta(around[0], around[1]));
      }
      if (k >= 5) {
        latency.add(ms(paintedAt[0] - t0));
        fxKey.add(ms(keyNanos[0]));
        fxKeyCpu.add(ms(keyNanos[1]));
        fxCycleCpu.add(ms(threads.getThreadCpuTime(fxThread) - cycle0));
      }
    }
    if (typingStart != null) {
      // Every thread's processor time over the measured keys (JIT and GC threads too), ms.
      System.out.println("threads " + ThreadTimes.delta(typingStart, ThreadTimes.all()));
    }
    // What the measured keys allocated, all Java threads together (GC pauses follow from it), MB.
    java.util.Map<String, Long> byThreadNow = allocatedByThread();
    System.out.printf(
        java.util.Locale.ROOT,
        "allocated-MB %.1f%n",
        (total(byThreadNow) - allocatedAtStart) / 1e6);
    System.out.println("typing-to " + System.currentTimeMillis());
    // Which threads allocated it (MB over the measured keys), and the collections meanwhile
    // (count, ms). Hyphenated names: log lines, not figures for MarkdownGroup's table.
    System.out.println("allocated-by-thread " + allocatedDelta(byThreadAtStart, byThreadNow));
    long[] gcNow = gcCountAndMillis();
    System.out.println(
        "gc-during-typing " + (gcNow[0] - gcAtStart[0]) + " " + (gcNow[1] - gcAtStart[1]));
    print("new.latency", latency);
    print("new.fxKeystroke", fxKey);
    print("new.fxKeystrokeCpu", fxKeyCpu);
    print("new.fxCycleCpu", fxCycleCpu);
    System.out.println("new.probeMax " + ms(probeMaxNanos.get()));

    // Typing steadily (a character every 100 ms, as a fast typist), the FX thread's longest wait.
    probeMaxNanos.set(0);
    List<Double> steady = new ArrayList<>();
    for (int k = 0; k < 60; k++) {
      int at = note.length() / 3 + k;
      long[] keyNanos = new long[1];
      fx(
          () -> {
            long a = System.nanoTime();
            area.insertText(Math.min(at, area.getLength()), "y");
            keyNanos[0] = System.nanoTime() - a;
            return null;
          });
      steady.add(ms(keyNanos[0]));
      Thread.sleep(100);
    }
    print("steady.fxKeystroke", steady);
    System.out.println("steady.probeMax " + ms(probeMaxNanos.get()));
    fx(
        () -> {
          window[0].close();
          stage[0].hide();
          return null;
        });
    notebook.close();

    if (!Boolean.parseBoolean(System.getProperty("probe.simple", "true"))) {
      System.exit(0); // an A/B of the window alone (-Dprobe.simple=false): 2.5 minutes less
    }
    // The simple way: parse and render on the FX thread, loadContent per change.
    String shell = shellForLoadContent();
    List<Double> simpleLatency = new ArrayList<>();
    List<Double> simpleFx = new ArrayList<>();
    probeMaxNanos.set(0);
    for (int k = 0; k < 15; k++) {
      int at = note.length() / 2 + k;
      long t0 = System.nanoTime();
      CountDownLatch loaded = new CountDownLatch(1);
      long[] fxNanos = new long[1];
      fx(
          () -> {
            long a = System.nanoTime();
            editor.area().insertText(Math.min(at, editor.area().getLength()), "y");
            String html = renderer.render(editor.area().getText());
            var engine = preview.webView().getEngine();
            Once.when(
                engine.getLoadWorker().stateProperty(),
                state -> state == Worker.State.SUCCEEDED,
                succeeded -> loaded.countDown());
            engine.loadContent(
                shell.replace("<main id=\"content\"></main>", "<main>" + html + "</main>"));
            fxNanos[0] = System.nanoTime() - a;
            return null;
          });
      loaded.await(30, TimeUnit.SECONDS);
      nextPulse();
      simpleLatency.add(ms(System.nanoTime() - t0));
      simpleFx.add(ms(fxNanos[0]));
    }
    print("simple.latency", simpleLatency);
    print("simple.fx", simpleFx);
    System.out.println("simple.probeMax " + ms(probeMaxNanos.get()));
    System.out.println("note.lines " + note.lines().count() + " chars " + note.length());
    System.exit(0);
  }

  /**
   * The notebook reopened without the trigger that updates the search index on every save: what
   * autosave costs without it ({@code -Dprobe.noSearchUpdate=true}, an A/B of the index's share).
   */
  private static Notebook withoutSearchUpdate(Notebook notebook) throws Exception {
    Path file = notebook.file();
    notebook.close();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement s = c.createStatement()) {
      s.executeUpdate("DROP TRIGGER talk_search_update");
    }
    return Notebook.open(file);
  }

  private static String shellForLoadContent() throws Exception {
    var m = PreviewView.class.getDeclaredMethod("shell", boolean.class);
    m.setAccessible(true);
    return (String) m.invoke(null, false);
  }

  /** Bytes allocated so far by the live Java threads. */
  /** Bytes allocated by all the threads of {@code byThread}. */
  private static long total(java.util.Map<String, Long> byThread) {
    long sum = 0;
    for (long bytes : byThread.values()) {
      sum += bytes;
    }
    return sum;
  }

  /** Bytes allocated so far by each live Java thread, by name (threads of one name summed). */
  private static java.util.Map<String, Long> allocatedByThread() {
    var threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long[] ids = threads.getAllThreadIds();
    long[] bytes = threads.getThreadAllocatedBytes(ids);
    java.lang.management.ThreadInfo[] infos = threads.getThreadInfo(ids);
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] != null && bytes[i] > 0) {
        out.merge(infos[i].getThreadName(), bytes[i], Long::sum);
      }
    }
    return out;
  }

  /** The threads that allocated from {@code before} to {@code now}, the most first: name MB. */
  private static String allocatedDelta(
      java.util.Map<String, Long> before, java.util.Map<String, Long> now) {
    StringBuilder out = new StringBuilder();
    now.entrySet().stream()
        .map(
            e ->
                java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() >= 100_000)
        .sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
        .forEach(
            e ->
                out.append(
                    String.format(
                        java.util.Locale.ROOT, "[%s %.1f] ", e.getKey(), e.getValue() / 1e6)));
    return out.toString().trim();
  }

  /** Collections so far and their total time (ms), every collector. */
  private static long[] gcCountAndMillis() {
    long[] out = new long[2];
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      out[0] += Math.max(0, gc.getCollectionCount());
      out[1] += Math.max(0, gc.getCollectionTime());
    }
    return out;
  }

  private static void startProbe() {
    Thread t =
        new Thread(
            () -> {
              while (true) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(
                    () -> {
                      probeMaxNanos.accumulateAndGet(System.nanoTime() - posted, Math::max);
                      ran.countDown();
                    });
                try {
                  ran.await();
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "fx-probe");
    t.setDaemon(true);
    t.start();
  }

  /** Waits until a pulse has run after now (layout and paint of what changed). */
  private static void nextPulse() throws Exception {
    CountDownLatch pulse = new CountDownLatch(1);
    fx(
        () -> {
          Runnable[] self = new Runnable[1];
          self[0] =
              () -> {
                scene.removePostLayoutPulseListener(self[0]);
                pulse.countDown();
              };
          scene.addPostLayoutPulseListener(self[0]);
          Platform.requestNextPulse();
          return null;
        });
    pulse.await(10, TimeUnit.SECONDS);
  }

  private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
    CompletableFuture<T> out = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            out.complete(work.call());
          } catch (Throwable e) {
            out.completeExceptionally(e);
          }
        });
    return out.get(60, TimeUnit.SECONDS);
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (fx(condition::getAsBoolean)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the preview did not load");
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static void print(String key, List<Double> values) {
    StringBuilder out = new StringBuilder(key);
    for (double v : values) {
      out.append(' ').append(String.format(java.util.Locale.ROOT, "%.2f", v));
    }
    System.out.println(out);
  }
}
