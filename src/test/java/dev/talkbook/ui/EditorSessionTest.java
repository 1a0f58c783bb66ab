package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.editor.EditorSession;
import dev.talkbook.ui.editor.EditorSession.SaveState;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The autosave view model, without a toolkit: results are applied on the calling threads. */
class EditorSessionTest {
  @TempDir Path dir;
  private Notebook notebook;
  private final ExecutorService io = Executors.newSingleThreadExecutor();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private EditorSession session;
  private Talk first;
  private Talk second;

  @BeforeEach
  void setUp() {
    notebook = Notebook.open(dir.resolve("n.talkbook"));
    long event = notebook.events().create(Event.Details.titled("E")).id();
    first = notebook.talks().create(event, Talk.Details.titled("One"), "one");
    second = notebook.talks().create(event, Talk.Details.titled("Two"), "two");
    session = new EditorSession(notebook, io, Runnable::run, timer);
  }

  @AfterEach
  void tearDown() throws Exception {
    io.shutdown();
    io.awaitTermination(5, TimeUnit.SECONDS);
    timer.shutdownNow();
    notebook.close();
  }

  private void settle() throws Exception {
    session.saveNow().get(5, TimeUnit.SECONDS);
    io.submit(() -> {}).get(5, TimeUnit.SECONDS);
  }

  @Test
  void typingIsSavedAfterAPause() throws Exception {
    session.open(first);
    session.edited("one more");
    assertThat(session.stateProperty().get()).isEqualTo(SaveState.UNSAVED);
    Thread.sleep(EditorSession.AUTOSAVE_DELAY.toMillis() + 700);
    io.submit(() -> {}).get(5, TimeUnit.SECONDS);
    assertThat(notebook.talks().get(first.id()).body()).isEqualTo("one more");
    assertThat(session.stateProperty().get()).isEqualTo(SaveState.SAVED);
  }

  @Test
  void manyQuickEditsAreOneSave() throws Exception {
    session.open(first);
    for (int i = 0; i < 50; i++) {
      session.edited("draft " + i);
    }
    settle();
    assertThat(notebook.talks().get(first.id()).body()).isEqualTo("draft 49");
    assertThat(notebook.revisions().list(first.id())).hasSize(1); // "one", kept before the save
  }

  @Test
  void switchingTalksSavesAndKeepsARevisionOfTheTalkLeft() throws Exception {
    session.open(first);
    session.edited("changed");
    session.open(second);
    settle();
    assertThat(notebook.talks().get(first.id()).body()).isEqualTo("changed");
    assertThat(notebook.revisions().list(first.id())).extracting(r -> r.body()).contains("changed");
    assertThat(session.getTalk().id()).isEqualTo(second.id());
  }

  @Test
  void aFailedSaveKeepsTheTextAndSaysWhy() throws Exception {
    session.open(first);
    notebook.talks().delete(first.id());
    session.edited("lost?");
    session.saveNow().handle((ok, error) -> null).get(5, TimeUnit.SECONDS);
    for (int i = 0; i < 100 && session.stateProperty().get() == SaveState.SAVING; i++) {
      Thread.sleep(20); // the outcome is applied just after the write
    }
    assertThat(session.stateProperty().get()).isEqualTo(SaveState.FAILED);
    assertThat(session.problemProperty().get()).contains("no talk");
    assertThat(session.text()).isEqualTo("lost?");
  }

  @Test
  void savingUnchangedTextWritesNothing() throws Exception {
    session.open(first);
    long before = notebook.talks().get(first.id()).updatedAt().toEpochMilli();
    session.edited("one");
    settle();
    assertThat(notebook.talks().get(first.id()).updatedAt().toEpochMilli()).isEqualTo(before);
  }
}
