package dev.talkbook.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptQueueTest {

  @Test
  void pageDownLoadsThenRunsAndPageUpGoesBack() {
    ScriptQueue q = new ScriptQueue(List.of("a", "b"));
    assertThat(q.position()).isEqualTo("Next: snippet 1 of 2 (Page Down)");
    assertThat(q.forward()).isEqualTo(new ScriptQueue.Load("a"));
    assertThat(q.position()).isEqualTo("Snippet 1 of 2: Page Down runs it");
    assertThat(q.forward()).isEqualTo(new ScriptQueue.Run());
    assertThat(q.forward()).isEqualTo(new ScriptQueue.Load("b"));
    assertThat(q.back()).isEqualTo(new ScriptQueue.Load("a"));
    assertThat(q.back()).isEqualTo(new ScriptQueue.Nothing());
    assertThat(q.forward()).isEqualTo(new ScriptQueue.Run());
    assertThat(q.forward()).isEqualTo(new ScriptQueue.Load("b"));
    assertThat(q.forward()).isEqualTo(new ScriptQueue.Run());
    assertThat(q.forward()).isEqualTo(new ScriptQueue.Nothing());
    assertThat(q.position()).isEqualTo("End of the script: no more snippets (Page Up goes back)");
  }

  @Test
  void whatRunsIsNamedAndEveryStateSaysWhatComesNext() {
    ScriptQueue q = new ScriptQueue(List.of("a", "b", "c", "d", "e"));
    q.forward();
    assertThat(q.typingForms().get(0)).isEqualTo("Typing snippet 1 of 5: Page Down shows it whole");
    q.forward();
    // The first Page Down's snippet runs: said so, and what comes after it.
    assertThat(q.runningForms(true).get(0)).isEqualTo("Running snippet 1 of 5: Esc stops it");
    assertThat(q.runningForms(false).get(0)).isEqualTo("Running your code: Esc stops it");
    assertThat(q.position()).isEqualTo("Next: snippet 2 of 5 (Page Down)");
    assertThat(q.failedForms().get(0))
        .isEqualTo("That failed: fix it and Ctrl+Enter, or Page Down for snippet 2 of 5");
    // A stop on request is not the code's failure: it is there to run again.
    assertThat(q.stoppedForms().get(0))
        .isEqualTo("Stopped: Ctrl+Enter runs it again, or Page Down for snippet 2 of 5");
    // Code that ended its JVM (System.exit) did not fail: nothing to fix, a new JVM is there.
    assertThat(q.endedJavaForms())
        .first()
        .isEqualTo("That ended Java: a new Java VM is ready, or Page Down for snippet 2 of 5");
    assertThat(q.endedJavaForms()).noneMatch(form -> form.contains("fix") || form.contains("ail"));
    for (int i = 0; i < 8; i++) {
      q.forward();
    }
    assertThat(q.runningForms(true).get(0)).isEqualTo("Running snippet 5 of 5: Esc stops it");
    assertThat(q.positionForms())
        .first()
        .isEqualTo("End of the script: no more snippets (Page Up goes back)");
    assertThat(q.positionForms())
        .allMatch(form -> form.startsWith("End") || form.contains("No more"));
    // The shorter form a presenter-size toolbar shows still says the key that goes back.
    assertThat(q.positionForms().get(1)).isEqualTo("No more snippets (Page Up goes back)");
    // Page Up loads the last snippet again: running it names it again; a move forgets it.
    q.back();
    q.forward();
    assertThat(q.runningForms(true).get(0)).isEqualTo("Running snippet 5 of 5: Esc stops it");
    q.moveTo(0);
    assertThat(q.runningForms(true).get(0)).isEqualTo("Running your code: Esc stops it");
  }

  @Test
  void anEmptyScriptSaysSo() {
    ScriptQueue q = new ScriptQueue(List.of());
    assertThat(q.forward()).isEqualTo(new ScriptQueue.Nothing());
    assertThat(q.position())
        .contains("no ```java blocks")
        .endsWith("Ctrl+Enter runs what you type");
  }

  @Test
  void theUpcomingSnippetAndWhereTheOneInPlayStandsInTheNotes() {
    String notes = "# T\n\n```java\nint a = 1;\n```\n\ntext\n\n```java\na + 1\n```\n";
    ScriptQueue q = ScriptQueue.of(notes);
    assertThat(q.size()).isEqualTo(2);
    assertThat(q.upcoming()).contains("int a = 1;\n");
    assertThat(q.offsetInNotes()).isEqualTo(notes.indexOf("```java"));
    q.forward();
    assertThat(q.upcoming()).contains("a + 1\n");
    q.forward();
    assertThat(q.upcoming()).contains("a + 1\n");
    assertThat(q.offsetInNotes()).isEqualTo(notes.lastIndexOf("```java"));
    q.forward();
    assertThat(q.upcoming()).isEmpty();
    q.forward();
    assertThat(q.upcoming()).isEmpty();
    assertThat(q.offsetInNotes()).isEqualTo(notes.lastIndexOf("```java"));
    assertThat(ScriptQueue.of("no code").offsetInNotes()).isEqualTo(-1);
  }

  @Test
  void theScriptStartsAtTheBlockAtOrAfterTheCaret() {
    String notes = "# T\n\n```java\nint a = 1;\n```\n\ntext\n\n```java\na + 1\n```\nend\n";
    int second = notes.lastIndexOf("```java");
    assertThat(ScriptQueue.of(notes, 0).upcoming()).contains("int a = 1;\n");
    // In the first block, on its closing fence: that block.
    assertThat(ScriptQueue.of(notes, notes.indexOf("int a")).nextIndex()).isZero();
    assertThat(ScriptQueue.of(notes, notes.indexOf("```\n\ntext")).nextIndex()).isZero();
    // After it: the second, and Page Up goes to the first.
    ScriptQueue q = ScriptQueue.of(notes, notes.indexOf("text"));
    assertThat(q.position()).isEqualTo("Next: snippet 2 of 2 (Page Down)");
    assertThat(q.offsetInNotes()).isEqualTo(second);
    assertThat(q.back()).isEqualTo(new ScriptQueue.Load("int a = 1;\n"));
    // Past the last block: the end of the script.
    ScriptQueue end = ScriptQueue.of(notes, notes.indexOf("end"));
    assertThat(end.position()).startsWith("End of the script: no more snippets");
    assertThat(end.back()).isEqualTo(new ScriptQueue.Load("a + 1\n"));
  }

  @Test
  void everyShorterFormStillSaysWhichSnippetAndOfHowMany() {
    ScriptQueue q = new ScriptQueue(java.util.Collections.nCopies(11, "x"));
    assertThat(q.positionForms())
        .containsExactly(
            "Next: snippet 1 of 11 (Page Down)",
            "Next: snippet 1 of 11",
            "Next: 1 of 11",
            "Next 1/11");
    q.forward();
    assertThat(q.positionForms()).last().isEqualTo("Run 1/11");
    assertThat(q.positionForms()).allMatch(form -> form.contains("1") && form.contains("11"));
  }

  @Test
  void pageDownActsOnTheSnippetLoadedElseTheNext() {
    ScriptQueue q = ScriptQueue.of("```java\nint a = 1;\n```\n");
    assertThat(q.forPageDown()).contains("int a = 1;\n");
    assertThat(q.isLoaded()).isFalse();
    q.forward(); // loads it
    assertThat(q.forPageDown())
        .as("the loaded snippet: Page Down runs it")
        .contains("int a = 1;\n");
    assertThat(q.isLoaded()).isTrue();
    q.forward(); // runs it
    assertThat(q.forPageDown()).isEmpty();
  }

  @Test
  void aScriptMadeAgainAtTheCaretItGivesGoesOnWithTheSameSnippet() {
    String notes =
        "# T\n\n```java\nint a = 1;\n```\n\ntext\n\n```java\nint b = 2;\n```\n"
            + "\n```java\nint c = 3;\n```\nend\n";
    ScriptQueue q = ScriptQueue.of(notes, 0);
    List<String> seen = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      q.forward();
      ScriptQueue again = ScriptQueue.of(notes, q.caretInNotes());
      boolean loaded = again.takeLoaded(q.isLoaded() ? q.forPageDown().orElseThrow() : "");
      seen.add(again.nextIndex() + (loaded ? " loaded" : ""));
      assertThat(again.nextIndex()).isEqualTo(q.nextIndex());
      assertThat(loaded).isEqualTo(q.isLoaded());
    }
    assertThat(seen).containsExactly("1 loaded", "1", "2 loaded", "2", "3 loaded", "3");
    // At the end, the block in play is the last one, the caret after it.
    assertThat(q.caretInNotes()).isEqualTo(notes.indexOf("end"));
    assertThat(q.blockInPlay().orElseThrow()[0]).isEqualTo(notes.indexOf("```java\nint c"));
  }
}
