package dev.talkbook.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.KeptOutput;
import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LiveCodeTest {

  @Test
  void aSnippetRunsPrintsAndFinishes() {
    LiveCode code = new LiveCode();
    List<Snippet> told = new ArrayList<>();
    code.addListener(
        new LiveCode.Listener() {
          @Override
          public void changed(Snippet snippet) {
            told.add(snippet);
          }

          @Override
          public void cleared() {
            told.add(null);
          }
        });
    long id = code.start("for (...) {}");
    code.output(id, "a");
    code.output(id, "b\n");
    assertThat(code.snippet(id).output()).isEqualTo("ab\n");
    assertThat(code.snippet(id).status()).isEqualTo(Snippet.Status.RUNNING);
    code.finish(id, "ab\n⇒ 3\n", Snippet.Status.DONE);
    assertThat(code.snippets())
        .containsExactly(new Snippet(id, "for (...) {}", "ab\n⇒ 3\n", Snippet.Status.DONE));
    assertThat(told).hasSize(4);
    code.clear();
    assertThat(code.snippets()).isEmpty();
    assertThat(told).last().isNull();
    code.output(id, "late"); // a snippet no longer there is ignored
    assertThat(code.snippets()).isEmpty();
  }

  @Test
  void aMovedShareCarriesTheSnippetsOverAndGoesOnWithTheOneRunning() {
    LiveCode old = new LiveCode();
    long done = old.add("6 * 7", "⇒ 42\n", Snippet.Status.DONE);
    long running = old.start("while (...) print");
    old.output(running, "tick 1\n");
    LiveCode moved = new LiveCode();
    List<Snippet> told = new ArrayList<>();
    moved.addListener(
        new LiveCode.Listener() {
          @Override
          public void changed(Snippet snippet) {
            told.add(snippet);
          }

          @Override
          public void cleared() {}
        });
    moved.carryOver(old);
    assertThat(moved.snippets()).isEqualTo(old.snippets());
    assertThat(told).isEqualTo(old.snippets()); // the new address's viewers are told of each
    moved.output(running, "tick 2\n"); // what it printed before the move is kept before
    assertThat(moved.snippet(running).output()).isEqualTo("tick 1\ntick 2\n");
    moved.finish(running, "tick 1\ntick 2\ndone\n", Snippet.Status.DONE);
    assertThat(moved.snippet(running).status()).isEqualTo(Snippet.Status.DONE);
    long next = moved.start("1 + 1"); // ids go on, never reused
    assertThat(next).isNotIn(done, running);
    assertThat(moved.snippet(done).output()).isEqualTo("⇒ 42\n");
  }

  @Test
  void outputAfterAGapDoesNotRunOnFromWhatCameBeforeIt() {
    LiveCode code = new LiveCode();
    long id = code.start("while (true) ...");
    code.output(id, "line 1\nline 2\n");
    code.output(id, "line 253\n", 250, 5_000);
    assertThat(code.snippet(id).output()).doesNotContain("line 1").endsWith("\nline 253\n");
    assertThat(code.snippet(id).output()).contains("252");
  }

  @Test
  void onlyTheNewestSnippetsAreKept() {
    LiveCode code = new LiveCode();
    for (int i = 0; i < LiveCode.MAX_SNIPPETS + 5; i++) {
      code.add("int x" + i + " = " + i + ";", "", Snippet.Status.DONE);
    }
    assertThat(code.snippets()).hasSize(LiveCode.MAX_SNIPPETS);
    assertThat(code.snippets().get(0).code()).isEqualTo("int x5 = 5;");
  }

  @Test
  @Timeout(30)
  void aRunawayLoopsOutputIsCutToItsNewestPartWithANote() {
    LiveCode code = new LiveCode();
    long id = code.start("while (true) System.out.println(\"x\");");
    String chunk = "0123456789".repeat(1000);
    for (int i = 0; i < 20; i++) {
      code.output(id, chunk);
    }
    String out = code.snippet(id).output();
    // one line, with no break: its newest characters, as the notes keep them
    assertThat(out).startsWith("… 183,616 earlier characters not kept\n6789");
    assertThat(out.length()).isLessThan(KeptOutput.NOTES_CHARS + 100);
    assertThat(out).endsWith("0123456789");
  }

  /**
   * A loop printing 100,000 lines: viewers get the newest 200 while it runs and when it ends, with
   * a line saying how many were not kept, as the notes keep it (they got up to 50 KB at each
   * change, and whatever the notes kept at the end).
   */
  @Test
  @Timeout(30)
  void aLongOutputIsSentAsTheNotesKeepIt() {
    LiveCode code = new LiveCode();
    long id = code.start("for (...) System.out.println(\"line \" + i);");
    StringBuilder all = new StringBuilder();
    for (int chunk = 0; chunk < 100; chunk++) {
      StringBuilder text = new StringBuilder();
      for (int i = chunk * 1000; i < (chunk + 1) * 1000; i++) {
        text.append("line ").append(i).append('\n');
      }
      code.output(id, text.toString());
      all.append(text);
    }
    String running = code.snippet(id).output();
    assertThat(running)
        .startsWith("… 99,800 earlier lines not kept (100,000 in all)\nline 99800\n")
        .endsWith("line 99999\n");
    assertThat(running.length()).isLessThan(KeptOutput.NOTES_CHARS + 100);
    code.finish(id, all.toString(), Snippet.Status.DONE);
    assertThat(code.snippet(id).output()).isEqualTo(running);
    // what NoteCode.outputOf gives is sent as it is
    long again = code.add("x", running, Snippet.Status.DONE);
    assertThat(code.snippet(again).output()).isEqualTo(running);
  }

  @Test
  @Timeout(60)
  void itFollowsWhatRunsInAReplSession() throws Exception {
    LiveCode code = new LiveCode();
    List<Snippet> told = new CopyOnWriteArrayList<>();
    code.addListener(
        new LiveCode.Listener() {
          @Override
          public void changed(Snippet snippet) {
            told.add(snippet);
          }

          @Override
          public void cleared() {}
        });
    try (ReplSession session =
            ReplSession.start(ReplOptions.defaults().withVmOptions(List.of("-Xmx64m")));
        AutoCloseable following = code.follow(session)) {
      session.evaluate("System.out.println(\"hello\"); 6 * 7").get(30, TimeUnit.SECONDS);
      session.evaluate("int y = 1 / 0;").get(30, TimeUnit.SECONDS);
      ShareHttpTest.waitFor(
          () ->
              code.snippets().size() == 2
                  && code.snippets().get(1).status() != Snippet.Status.RUNNING);
    }
    List<Snippet> s = code.snippets();
    assertThat(s.get(0).code()).isEqualTo("System.out.println(\"hello\"); 6 * 7");
    assertThat(s.get(0).output()).contains("hello", "⇒ 42");
    assertThat(s.get(0).status()).isEqualTo(Snippet.Status.DONE);
    assertThat(s.get(1).status()).isEqualTo(Snippet.Status.FAILED);
    assertThat(s.get(1).output()).contains("ArithmeticException");
    assertThat(told.get(0).status()).isEqualTo(Snippet.Status.RUNNING);
  }

  /**
   * A share moved while a snippet runs: the new share's own follow of the REPL starts a moment
   * after the carry-over, and a snippet that ended in that moment finished in the old share only,
   * and stayed "running" on the new address's pages. The old follow goes on into the new one now:
   * here the new one is never followed itself, and the snippet's end still reaches it, once.
   */
  @Test
  @Timeout(60)
  void aSnippetEndingRightAfterTheCarryOverEndsInTheNewShare(@TempDir Path dir) throws Exception {
    Path go = dir.resolve("go");
    LiveCode old = new LiveCode();
    LiveCode moved = new LiveCode();
    List<Snippet> told = new CopyOnWriteArrayList<>();
    moved.addListener(
        new LiveCode.Listener() {
          @Override
          public void changed(Snippet snippet) {
            told.add(snippet);
          }

          @Override
          public void cleared() {}
        });
    try (ReplSession session =
            ReplSession.start(ReplOptions.defaults().withVmOptions(List.of("-Xmx64m")));
        AutoCloseable following = old.follow(session)) {
      String path = go.toString().replace("\\", "\\\\");
      var run =
          session.evaluate(
              "while (!java.nio.file.Files.exists(java.nio.file.Path.of(\""
                  + path
                  + "\"))) Thread.sleep(5);\n6 * 7");
      ShareHttpTest.waitFor(
          () ->
              old.snippets().size() == 1
                  && old.snippets().get(0).status() == Snippet.Status.RUNNING);
      moved.carryOver(old);
      Files.createFile(go);
      run.get(30, TimeUnit.SECONDS);
      ShareHttpTest.waitFor(
          () -> moved.snippets().get(0).status() != Snippet.Status.RUNNING,
          java.time.Duration.ofSeconds(20));
      // and what runs next shows there too, once
      session.evaluate("1 + 1").get(30, TimeUnit.SECONDS);
      ShareHttpTest.waitFor(
          () ->
              moved.snippets().size() == 2
                  && moved.snippets().get(1).status() == Snippet.Status.DONE);
    }
    assertThat(moved.snippets().get(0).status()).isEqualTo(Snippet.Status.DONE);
    assertThat(moved.snippets().get(0).output()).contains("⇒ 42");
    assertThat(moved.snippets().get(1).code()).isEqualTo("1 + 1");
    assertThat(told.stream().filter(t -> t.code().equals("1 + 1")).count())
        .as("started and finished, each told once")
        .isEqualTo(2);
  }
}
