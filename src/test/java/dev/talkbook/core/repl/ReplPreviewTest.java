package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.talkbook.core.repl.SnippetResult.Status;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Preview features of the running Java: refused with a sentence that says where to enable them, and
 * compiled and run once they are enabled (the session restarts, the definitions run again).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
public class ReplPreviewTest {
  /**
   * A limit only: a JVM starts in a second on a quiet machine, in tens of seconds on a busy one.
   */
  private static final Duration WAIT = Duration.ofSeconds(90);

  private ReplSession session;

  /**
   * A snippet that uses a language feature in preview on the running Java, and its value; null when
   * this test knows of none for that release. The command line's test runs it too.
   */
  public static String[] previewCode(int release) {
    if (release >= 17 && release <= 20) {
      // Pattern matching for switch: preview in 17 to 20 (JEP 406, 420, 427, 433), final in 21.
      return new String[] {
        "switch ((Object) 42) { case Integer i -> \"int \" + i; default -> \"other\"; }",
        "\"int 42\""
      };
    }
    if (release == 21) {
      // Unnamed variables: preview in 21 (JEP 443), final in 22.
      return new String[] {
        "((java.util.function.IntFunction<String>) _ -> \"unnamed\").apply(1)", "\"unnamed\""
      };
    }
    if (release == 22) {
      // Statements before this(…): preview in 22 to 24 (JEP 447, 482, 492), final in 25.
      return new String[] {
        "class Twice { final int v; Twice(int x) { int y = x * 2; this(y, 0); }"
            + " Twice(int y, int unused) { v = y; } }\nnew Twice(21).v",
        "42"
      };
    }
    if (release >= 23 && release <= 26) {
      // Primitive patterns: preview in 23 to 26 (JEP 455, 488, 507, 530).
      return new String[] {
        "switch (42) { case 1 -> \"one\"; case int i -> \"int \" + i; }", "\"int 42\""
      };
    }
    return null;
  }

  @AfterEach
  void close() {
    if (session != null) {
      session.close();
    }
  }

  @Test
  void aPreviewFeatureIsRefusedWithHowToEnableItThenRunsOnceEnabled() throws Exception {
    int release = NewerJava.runningRelease();
    String[] preview = previewCode(release);
    assumeTrue(preview != null, "This test knows no preview language feature of Java " + release);
    session = ReplSession.start(ReplOptions.defaults().withVmOptions(java.util.List.of("-Xmx64m")));
    BlockingQueue<ReplEvent.Restarted> restarts = new LinkedBlockingQueue<>();
    session.addListener(
        e -> {
          if (e instanceof ReplEvent.Restarted r) {
            restarts.add(r);
          }
        });
    session.ready().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(session.preview()).isFalse();
    session.evaluate("int kept = 7;").get(WAIT.toSeconds(), TimeUnit.SECONDS);

    Evaluation refused = session.evaluate(preview[0]).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(refused.last().status()).isEqualTo(Status.COMPILE_ERROR);
    assertThat(refused.last().note())
        .contains("a preview feature")
        .contains(NewerJava.HOW_TO_ENABLE_PREVIEW);

    session.setPreview(true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    ReplEvent.Restarted restarted = restarts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(restarted).isNotNull();
    assertThat(restarted.reason())
        .isEqualTo(
            "Restarted with the preview features of Java "
                + release
                + " enabled (--enable-preview).");
    assertThat(restarted.replayed()).isEqualTo(1);
    assertThat(session.preview()).isTrue();

    Evaluation ran = session.evaluate(preview[0]).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(ran.last().problems()).isEmpty();
    assertThat(ran.last().status()).isNotEqualTo(Status.COMPILE_ERROR);
    assertThat(ran.last().value()).isEqualTo(preview[1]);
    // The definitions made before the restart are there, in the JVM with preview features.
    assertThat(session.evaluate("kept").get(WAIT.toSeconds(), TimeUnit.SECONDS).last().value())
        .isEqualTo("7");
    assertThat(
            session
                .evaluate(
                    "java.lang.management.ManagementFactory.getRuntimeMXBean()"
                        + ".getInputArguments().contains(\"--enable-preview\")")
                .get(WAIT.toSeconds(), TimeUnit.SECONDS)
                .last()
                .value())
        .isEqualTo("true");

    // Nothing happens when the setting is already so: no second restart.
    session.setPreview(true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(restarts).isEmpty();
  }
}
