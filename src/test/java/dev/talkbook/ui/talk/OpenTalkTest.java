package dev.talkbook.ui.talk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.markdown.Outline;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.talk.EditorSession.SaveState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open talk's view model, without a toolkit: a single thread stands in for the FX thread (its
 * methods run there, results come back there).
 */
class OpenTalkTest {
  @TempDir Path dir;
  private Notebook notebook;
  private final ExecutorService io = Executors.newSingleThreadExecutor();
  private final ExecutorService render = Executors.newSingleThreadExecutor();
  private final ExecutorService fx = Executors.newSingleThreadExecutor();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private OpenTalk open;
  private Talk first;
  private Talk second;

  /** What the editor was told to show. */
  private final List<OpenTalk.Loaded> loaded = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    notebook = Notebook.open(dir.resolve("n.talkbook"));
    long event = notebook.events().create(Event.Details.titled("E")).id();
    first = notebook.talks().create(event, Talk.Details.titled("One"), "# One\n\nfirst notes\n");
    second = notebook.talks().create(event, Talk.Details.titled("Two"), "# Two\n\n- a\n- b\n");
    open = onFx(() -> new OpenTalk(notebook, io, render, fx, timer));
    onFx(() -> open.loads().subscribe(loaded::add));
  }

  @AfterEach
  void tearDown() throws Exception {
    onFx(() -> open.dispose());
    fx.shutdownNow();
    render.shutdownNow();
    io.shutdown();
    io.awaitTermination(5, TimeUnit.SECONDS);
    timer.shutdownNow();
    notebook.close();
  }

  private <T> T onFx(Callable<T> work) throws Exception {
    return fx.submit(work).get(30, TimeUnit.SECONDS);
  }

  private void onFx(Runnable work) throws Exception {
    fx.submit(work).get(30, TimeUnit.SECONDS);
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.call()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met in 30 s");
      }
      Thread.sleep(10);
    }
  }

  private Talk opened(long id) throws Exception {
    return onFx(() -> open.open(id)).get(30, TimeUnit.SECONDS);
  }

  /** Types {@code added} at the end of the notes, as the editor reports it. */
  private void type(String added) throws Exception {
    onFx(
        () -> {
          String before = open.getText();
          open.edited(before + added, before.length(), 0, added.length());
        });
  }

  @Test
  void openingShowsTheTalkRendersItAndCountsItsWords() throws Exception {
    assertThat(opened(first.id()).title()).isEqualTo("One");
    assertThat(onFx(() -> open.getText())).isEqualTo("# One\n\nfirst notes\n");
    assertThat(onFx(() -> open.wordsProperty().get())).isEqualTo(3);
    assertThat(loaded).extracting(l -> l.talk().title()).containsExactly("One");
    waitUntil(() -> onFx(() -> open.renderedProperty().get()) != null);
    Outline outline = onFx(() -> open.outlineProperty().get());
    assertThat(outline.entries()).extracting(Outline.Entry::text).containsExactly("One");
  }

  @Test
  void aSearchHitIsFoundOnTheRenderThreadAtTheWordTheNotesShow() throws Exception {
    String notes = "<span title=\"quokka\">Intro</span>\n\n<!-- quokka -->A Quokka demo.\n";
    long id = notebook.talks().create(first.eventId(), Talk.Details.titled("Raw"), notes).id();
    java.util.concurrent.BlockingQueue<Runnable> held =
        new java.util.concurrent.LinkedBlockingQueue<>();
    OpenTalk heldOpen = onFx(() -> new OpenTalk(notebook, io, held::add, fx, timer));
    onFx(() -> heldOpen.open(id)).get(30, TimeUnit.SECONDS);
    held.clear(); // the note's render and the like: not run
    var found = onFx(() -> heldOpen.find(List.of("quokka")));
    // Nothing is found until the render thread runs: the FX thread did not parse the notes.
    assertThat(found).isNotDone();
    assertThat(held).isNotEmpty();
    for (Runnable work = held.poll(); work != null; work = held.poll()) {
      render.execute(work);
    }
    assertThat(found.get(30, TimeUnit.SECONDS))
        .contains(new OpenTalk.Found(notes.indexOf("Quokka"), notes.indexOf("Quokka") + 6));
    onFx(() -> heldOpen.dispose());
  }

  @Test
  void aSearchHitFoundAfterTheNotesChangedIsNotShown() throws Exception {
    opened(first.id());
    java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
    render.execute(
        () -> {
          try {
            gate.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    var found = onFx(() -> open.find(List.of("notes")));
    type("x");
    gate.countDown();
    assertThat(found.get(30, TimeUnit.SECONDS)).isEmpty();
    assertThat(onFx(() -> open.find(List.of("NOTES"))).get(30, TimeUnit.SECONDS))
        .contains(new OpenTalk.Found(13, 18));
  }

  @Test
  void anEditReachesTheRenderThreadOnlyOnceTheKeysHandlingIsDone() throws Exception {
    java.util.concurrent.atomic.AtomicInteger handed =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.Executor counting =
        work -> {
          handed.incrementAndGet();
          render.execute(work);
        };
    OpenTalk counted = onFx(() -> new OpenTalk(notebook, io, counting, fx, timer));
    onFx(() -> counted.open(first.id())).get(30, TimeUnit.SECONDS);
    waitUntil(() -> onFx(() -> counted.renderedProperty().get()) != null);
    int before = handed.get();
    int duringTheKey =
        onFx(
            () -> {
              String text = counted.getText();
              counted.edited(text + "x", text.length(), 0, 1);
              return handed.get();
            });
    assertThat(duringTheKey).isEqualTo(before);
    waitUntil(() -> handed.get() == before + 1);
    waitUntil(() -> onFx(() -> counted.renderedProperty().get().html().contains("x</p>")));
    onFx(() -> counted.dispose());
  }

  @Test
  void aLongNotesWordsAreCountedOffTheFxThreadWithTheEditsMadeMeanwhile() throws Exception {
    String words = "carrier pinning scheduler latency\n".repeat(OpenTalk.COUNT_HERE_CHARS / 20);
    long id =
        notebook
            .talks()
            .create(first.eventId(), Talk.Details.titled("Long"), "# Long\n\n" + words)
            .id();
    int expected = 1 + 4 * (OpenTalk.COUNT_HERE_CHARS / 20);
    java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
    render.execute(
        () -> {
          try {
            busy.await(30, TimeUnit.SECONDS); // the render thread held up
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    opened(id);
    // Shown while the render thread is busy: the words are not known yet, the FX thread went on.
    assertThat(onFx(() -> open.wordsProperty().get())).isEqualTo(-1);
    type("two more\n");
    busy.countDown();
    waitUntil(() -> onFx(() -> open.wordsProperty().get()) == expected + 2);
    type("and three\n");
    assertThat(onFx(() -> open.wordsProperty().get())).isEqualTo(expected + 4);
  }

  @Test
  void editingIsSavedCountedAndRendered() throws Exception {
    opened(first.id());
    type("## More\n\nthree new words\n");
    assertThat(onFx(() -> open.wordsProperty().get())).isEqualTo(7);
    assertThat(onFx(() -> open.saveStateProperty().get())).isEqualTo(SaveState.UNSAVED);
    waitUntil(() -> notebook.talks().get(first.id()).body().endsWith("three new words\n"));
    waitUntil(
        () -> {
          var note = onFx(() -> open.renderedProperty().get());
          return note != null && note.outline().entries().get(0).children().size() == 1;
        });
    waitUntil(() -> onFx(() -> open.saveStateProperty().get()) == SaveState.SAVED);
  }

  @Test
  void changesTypedWhileTheRendererIsBusyMakeOneRenderOfTheNewest() throws Exception {
    opened(first.id());
    waitUntil(() -> onFx(() -> open.renderedProperty().get()) != null);
    List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
    onFx(
        () ->
            open.renderedProperty()
                .addListener(
                    (obs, old, note) ->
                        shown.add(note.blocks().get(note.blocks().size() - 1).html())));
    java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
    render.execute(
        () -> {
          try {
            busy.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    for (int i = 1; i <= 5; i++) {
      type("\nchange " + i + "\n");
    }
    busy.countDown();
    waitUntil(() -> !shown.isEmpty() && shown.get(shown.size() - 1).contains("change 5"));
    render.submit(() -> {}).get(10, TimeUnit.SECONDS);
    onFx(() -> {});
    assertThat(shown).hasSize(1);
  }

  @Test
  void aChangeIsRenderedWithoutWaitingForAPauseInTheTyping() throws Exception {
    opened(first.id());
    waitUntil(() -> onFx(() -> open.renderedProperty().get()) != null);
    // A change every 20 ms (for at most ten seconds): the preview follows while the typing goes on.
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    onFx(() -> open.renderedProperty().addListener((obs, old, note) -> seen.add("rendered")));
    for (int i = 0; i < 500 && seen.isEmpty(); i++) {
      type("x");
      Thread.sleep(20);
    }
    assertThat(seen).isNotEmpty();
  }

  @Test
  void switchingTalksLeavesTheOpenOneOnceSavedAndKeptAsARevision() throws Exception {
    opened(first.id());
    type("typed before the switch\n");
    Talk shown = opened(second.id());
    assertThat(shown.title()).isEqualTo("Two");
    assertThat(notebook.talks().get(first.id()).body()).endsWith("typed before the switch\n");
    assertThat(notebook.revisions().list(first.id()))
        .filteredOn(r -> r.reason() == Revision.Reason.CHECKPOINT)
        .extracting(Revision::body)
        .containsExactly("# One\n\nfirst notes\ntyped before the switch\n");
    assertThat(loaded).extracting(l -> l.talk().title()).containsExactly("One", "Two");
    // The render of the talk left never shows over the talk opened.
    waitUntil(
        () -> {
          var note = onFx(() -> open.outlineProperty().get());
          return note != null && note.entries().get(0).text().equals("Two");
        });
  }

  @Test
  void aTalkWhoseNotesCannotBeSavedStaysOpen() throws Exception {
    opened(first.id());
    notebook.talks().delete(first.id()); // the save will fail
    type("not kept\n");
    ExecutionException failed =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class,
            () -> onFx(() -> open.open(second.id())).get(30, TimeUnit.SECONDS));
    assertThat(failed.getCause()).hasMessageContaining("“One” stays open");
    assertThat(onFx(() -> open.getTalk().id())).isEqualTo(first.id());
    assertThat(onFx(() -> open.getText())).endsWith("not kept\n");
    assertThat(onFx(() -> open.isSaved())).isFalse();
  }

  @Test
  void aRestoredVersionReplacesTheTextAsOneChange() throws Exception {
    opened(first.id());
    type("second version\n");
    onFx(() -> open.leave()).get(30, TimeUnit.SECONDS);
    Revision original =
        notebook.revisions().list(first.id()).stream()
            .filter(r -> r.body().equals("# One\n\nfirst notes\n"))
            .findFirst()
            .orElseThrow();
    notebook.revisions().restore(original.id());
    Talk restored = notebook.talks().get(first.id());
    onFx(() -> open.restored(restored));
    assertThat(loaded.get(loaded.size() - 1).restored()).isTrue();
    assertThat(onFx(() -> open.getText())).isEqualTo("# One\n\nfirst notes\n");
    assertThat(onFx(() -> open.wordsProperty().get())).isEqualTo(3);
    assertThat(onFx(() -> open.isSaved())).isTrue();
  }

  @Test
  void anAttachmentIsStoredWithTheTalkAndLinked() throws Exception {
    opened(first.id());
    byte[] png =
        Base64.getDecoder()
            .decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    String markdown = onFx(() -> open.attach("dot.png", png)).get(30, TimeUnit.SECONDS);
    assertThat(markdown).startsWith("![dot.png](attachment:");
    assertThat(notebook.attachments().of(first.id())).hasSize(1);
    type(markdown + "\n");
    // The preview shows the stored image inline.
    waitUntil(
        () -> {
          var note = onFx(() -> open.renderedProperty().get());
          return note != null
              && note.blocks().stream().anyMatch(b -> b.html().contains("data:image/png;base64"));
        });
  }

  @Test
  void aStoredPictureIsShownWholeAndAKeyBesideItLeavesItsBlockAsItWas() throws Exception {
    // a 6 MB photo was read, encoded, escaped and sanitized at each render of its part: ~0.5 s a
    // key
    byte[] picture = new byte[300_000];
    new java.util.Random(3).nextBytes(picture);
    String ref =
        notebook
            .attachments()
            .add(first.id(), "photo.png", "image/png", picture)
            .markdown("image/png");
    opened(first.id());
    type("\n" + ref + " the photo\n");
    String whole = "data:image/png;base64," + Base64.getEncoder().encodeToString(picture);
    waitUntil(
        () -> {
          var note = onFx(() -> open.renderedProperty().get());
          return note != null && note.blocks().stream().anyMatch(b -> b.html().contains("photo"));
        });
    var before = onFx(() -> open.renderedProperty().get());
    String shown =
        before.blocks().stream()
            .map(b -> b.html())
            .filter(h -> h.contains("<img"))
            .findFirst()
            .orElseThrow();
    assertThat(shown).contains("src=\"" + whole + "\"");

    type("\nmore notes\n"); // in the same part (the note has no heading after it)
    waitUntil(
        () ->
            onFx(() -> open.renderedProperty().get()).blocks().stream()
                .anyMatch(b -> b.html().contains("more notes")));
    var after = onFx(() -> open.renderedProperty().get());
    String again =
        after.blocks().stream()
            .map(b -> b.html())
            .filter(h -> h.contains("<img"))
            .findFirst()
            .orElseThrow();
    // the same string: not read and encoded again, and the preview sees it unchanged at once
    assertThat(again).isSameAs(shown);
  }

  @Test
  void anImageOfAnAttachedPdfIsALinkToItInThePreviewNotAMissingImage() throws Exception {
    opened(first.id());
    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String markdown = onFx(() -> open.attach("talk.pdf", pdf)).get(30, TimeUnit.SECONDS);
    assertThat(markdown).startsWith("[talk.pdf](attachment:");
    type("!" + markdown + "\n");
    waitUntil(
        () -> {
          var note = onFx(() -> open.renderedProperty().get());
          return note != null
              && note.blocks().stream()
                  .anyMatch(b -> b.html().contains("title=\"talk.pdf\">talk.pdf</a>"));
        });
    var note = onFx(() -> open.renderedProperty().get());
    assertThat(note.blocks())
        .noneMatch(b -> b.html().contains("missing-image") || b.html().contains("<img"));
  }

  @Test
  void attachingWithNoTalkOpenIsRefused() throws Exception {
    assertThatThrownBy(() -> onFx(() -> open.attach("x.txt", new byte[] {1})).get())
        .hasMessageContaining("No talk is open");
  }

  @Test
  void aDeletedTalkIsClosedWithoutSaving() throws Exception {
    opened(first.id());
    type("typed\n");
    onFx(() -> open.deleted());
    assertThat(onFx(() -> open.getTalk())).isNull();
    assertThat(onFx(() -> open.renderedProperty().get())).isNull();
    assertThat(loaded.get(loaded.size() - 1).talk()).isNull();
  }

  /**
   * A view that fails to show a talk's notes (the editor threw StackOverflowError on a line of
   * 10,000 nested bullets) fails the open, which says so, and the preview and outline still follow
   * the talk open; before, the failure was lost in the open's future, which never completed, and
   * the preview and outline went on showing the talk left.
   */
  @Test
  void aViewFailingToShowTheNotesFailsTheOpenAndThePreviewFollowsAllTheSame() throws Exception {
    opened(first.id());
    waitUntil(() -> onFx(() -> open.renderedProperty().get()) != null);
    onFx(
        () ->
            open.loads()
                .subscribe(
                    l -> {
                      if (l.talk() != null && l.talk().id() == second.id()) {
                        throw new StackOverflowError("the editor");
                      }
                    }));
    var opening = onFx(() -> open.open(second.id()));
    assertThatThrownBy(() -> opening.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(StackOverflowError.class);
    waitUntil(
        () -> {
          Outline outline = onFx(() -> open.outlineProperty().get());
          return outline != null
              && outline.entries().stream()
                  .map(Outline.Entry::text)
                  .toList()
                  .equals(List.of("Two"));
        });
    assertThat(onFx(() -> open.getTalk().id())).isEqualTo(second.id());
  }
}
