package dev.talkbook.bench.markdown;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.markdown.NotePreviewRenderer;
import dev.talkbook.core.markdown.RenderedNote;
import dev.talkbook.ui.editor.EditorView;
import dev.talkbook.ui.outline.OutlineView;
import dev.talkbook.ui.preview.PreviewView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;

/**
 * Runs in its own JVM (Monocle headless or a display): the editor, the outline and the preview in
 * one window, fed a generated 10,000-line outline note. Prints {@code key value...} lines for
 * {@link MarkdownGroup}. Times are from {@code System.nanoTime}, in ms.
 */
public final class PreviewProbe {
  private static final int KEYSTROKES = 40;

  private static EditorView editor;
  private static PreviewView preview;
  private static OutlineView outline;
  private static Scene scene;
  private static final MarkdownRenderer renderer = new MarkdownRenderer();
  private static final NotePreviewRenderer incremental = new NotePreviewRenderer(renderer);
  private static final ExecutorService worker = Executors.newSingleThreadExecutor();

  /** The longest wait of a task posted to the FX thread every 2 ms (how long it was blocked). */
  private static final AtomicLong probeMaxNanos = new AtomicLong();

  public static void main(String[] args) throws Exception {
    String note = OutlineNote.generate(10_000, 20261124);
    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();
    fx(
        () -> {
          editor = new EditorView((name, bytes) -> {});
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

    // First full render into the preview (not measured as a keystroke).
    RenderedNote first = incremental.render(note, r -> Optional.empty());
    fx(
        () -> {
          preview.show(first);
          outline.show(first.outline());
          return null;
        });
    nextPulse();

    // The new way: keystroke on FX, render on a worker, patch on FX, painted at the next pulse.
    List<Double> latency = new ArrayList<>();
    List<Double> fxKey = new ArrayList<>();
    List<Double> fxApply = new ArrayList<>();
    List<Double> renderMs = new ArrayList<>();
    probeMaxNanos.set(0);
    for (int k = 0; k < KEYSTROKES + 5; k++) {
      int at = note.length() / 2 + k;
      long t0 = System.nanoTime();
      String text =
          fx(
              () -> {
                editor.area().insertText(Math.min(at, editor.area().getLength()), "x");
                return editor.area().getText();
              });
      long t1 = System.nanoTime();
      RenderedNote rendered =
          CompletableFuture.supplyAsync(
                  () -> incremental.render(text, r -> Optional.empty()), worker)
              .get();
      long t2 = System.nanoTime();
      long[] applyNanos = new long[1];
      fx(
          () -> {
            long a = System.nanoTime();
            preview.show(rendered);
            outline.show(rendered.outline());
            applyNanos[0] = System.nanoTime() - a;
            return null;
          });
      nextPulse();
      long t3 = System.nanoTime();
      if (k >= 5) {
        latency.add(ms(t3 - t0));
        fxKey.add(ms(t1 - t0));
        renderMs.add(ms(t2 - t1));
        fxApply.add(ms(applyNanos[0]));
      }
    }
    print("new.latency", latency);
    print("new.fxKeystroke", fxKey);
    print("new.fxApply", fxApply);
    print("new.render", renderMs);
    System.out.println("new.probeMax " + ms(probeMaxNanos.get()));

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
            javafx.beans.value.ChangeListener<Worker.State> listener =
                new javafx.beans.value.ChangeListener<>() {
                  @Override
                  public void changed(
                      javafx.beans.value.ObservableValue<? extends Worker.State> obs,
                      Worker.State old,
                      Worker.State state) {
                    if (state == Worker.State.SUCCEEDED) {
                      engine.getLoadWorker().stateProperty().removeListener(this);
                      loaded.countDown();
                    }
                  }
                };
            engine.getLoadWorker().stateProperty().addListener(listener);
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

  private static String shellForLoadContent() throws Exception {
    var m = PreviewView.class.getDeclaredMethod("shell");
    m.setAccessible(true);
    return (String) m.invoke(null);
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
