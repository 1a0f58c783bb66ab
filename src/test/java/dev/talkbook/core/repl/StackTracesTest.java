package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure: folding the frames of a deep recursion. */
class StackTracesTest {

  @Test
  void aFrameRepeatedOverAndOverIsKeptOnceWithACount() {
    List<String> frames = new ArrayList<>(Collections.nCopies(1024, "at down (#3:1)"));
    frames.add("at (#4:1)");

    assertThat(StackTraces.foldRepeats(frames))
        .containsExactly("at down (#3:1)", "… 1,023 more identical frames", "at (#4:1)");
  }

  @Test
  void aCycleOfMutualRecursionIsKeptOnceWithACount() {
    List<String> frames = new ArrayList<>(List.of("at top (#1:1)"));
    for (int i = 0; i < 500; i++) {
      frames.add("at even (#2:1)");
      frames.add("at odd (#3:1)");
    }

    assertThat(StackTraces.foldRepeats(frames))
        .containsExactly(
            "at top (#1:1)",
            "at even (#2:1)",
            "at odd (#3:1)",
            "… 998 more frames repeating the 2 above");
  }

  @Test
  void framesRepeatedOnlyTwiceStayAsTheyAre() {
    List<String> frames = List.of("at a (#1:1)", "at a (#1:1)", "at b (#2:1)", "at b (#2:1)");

    assertThat(StackTraces.foldRepeats(frames)).isEqualTo(frames);
  }

  private static StackTraceElement jdk(String cls, String method) {
    return new StackTraceElement(null, "java.base", null, cls, method, null, -1);
  }

  @Test
  void aTraceThroughTheJdkKeepsTheUsersFramesNamedAsWrittenAndCountsTheRest() {
    // List.of(1,2,3).stream().map(n -> 10 / (n - 2)).toList(), as JShell's agent throws it.
    RuntimeException thrown = new ArithmeticException("/ by zero");
    thrown.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("REPL.$JShell$12", "lambda$do_it$$0", "#12", 1),
          jdk("java.util.stream.ReferencePipeline$3$1", "accept"),
          jdk("java.util.Spliterators$ArraySpliterator", "forEachRemaining"),
          jdk("java.util.stream.AbstractPipeline", "copyInto"),
          jdk("java.util.stream.AbstractPipeline", "wrapAndCopyInto"),
          jdk("java.util.stream.ReferencePipeline", "toList"),
          new StackTraceElement("REPL.$JShell$12", "do_it$", "#12", 1),
          jdk("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke"),
          jdk("java.lang.reflect.Method", "invoke"),
        });
    SnippetResult.Failure f =
        StackTraces.failure(thrown, (snippet, line) -> 0, (snippet, line) -> "line " + line);

    assertThat(f.frames()).containsExactly("at lambda (line 1)", "… 5 JDK frames", "at (line 1)");
    assertThat(f.describe()).doesNotContain("java.base").doesNotContain("do_it");
  }

  @Test
  void aLambdaInAMethodOrAClassIsNamedByIt() {
    RuntimeException thrown = new IllegalStateException();
    thrown.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("REPL.$JShell$14", "lambda$greet$1", "#14", 2),
          new StackTraceElement("REPL.$JShell$15$Point", "lambda$norm$0", "#15", 3),
          new StackTraceElement("REPL.$JShell$16", "do_it$", "#16", 1),
        });
    SnippetResult.Failure f =
        StackTraces.failure(thrown, (snippet, line) -> 0, (snippet, line) -> "line " + line);

    assertThat(f.frames())
        .containsExactly(
            "at lambda in greet (line 2)", "at lambda in Point.norm (line 3)", "at (line 1)");
  }
}
