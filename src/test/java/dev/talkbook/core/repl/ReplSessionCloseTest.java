package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closing a session, and the app ending without closing it: no JVM it started is left behind. A
 * session closed before its engine was due to start (the app quit before its window was up) never
 * starts the engine's JVM, and its first start counts as ended.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ReplSessionCloseTest {
  @Test
  void closedBeforeItsStartItNeverStartsAnEngine() throws Exception {
    ReplSession session = ReplSession.start(ReplOptions.defaults(), new CompletableFuture<Void>());
    List<ReplEvent> events = new CopyOnWriteArrayList<>();
    session.addListener(events::add);
    session.close();
    session.ready().get(30, TimeUnit.SECONDS);
    assertThat(events).noneMatch(e -> e instanceof ReplEvent.Starting);
    assertThat(session.evaluate("1 + 1"))
        .failsWithin(30, TimeUnit.SECONDS)
        .withThrowableThat()
        .withMessageContaining("closed");
  }

  /** The processes this JVM started, and theirs, now. */
  private static Set<ProcessHandle> descendants() {
    return ProcessHandle.current().descendants().collect(Collectors.toSet());
  }

  @Test
  void afterACloseNoProcessItStartedIsLeftEvenWhenItsCodeWouldNotStop() throws Exception {
    Set<ProcessHandle> before = descendants();
    ReplSession session = ReplSession.start(ReplOptions.defaults().withoutInput());
    // A process of the code's own, then a loop that ignores being interrupted.
    session.evaluate(
        "var child = new ProcessBuilder(\"sleep\", \"120\").start();\n"
            + "while (true) { try { Thread.sleep(10); } catch (InterruptedException e) {} }");
    Set<ProcessHandle> started = new HashSet<>();
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () -> {
          started.clear();
          started.addAll(descendants());
          started.removeAll(before);
          return session.isRunning() && started.size() >= 2; // the JVM and its sleep
        });

    session.close();

    assertThat(started).noneMatch(ProcessHandle::isAlive);
    Set<ProcessHandle> after = descendants();
    after.removeAll(before);
    assertThat(after).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void aProcessTheCodeStartedEndsWhenItsJvmExitsByItself() throws Exception {
    // The JVM that ran the code may end itself (System.exit in the code; a closed session's JVM
    // exits or halts on its own): what the code started went on, orphaned, for its full 120 s.
    Set<ProcessHandle> before = descendants();
    try (ReplSession session = ReplSession.start(ReplOptions.defaults().withoutInput())) {
      assertThat(session.evaluate("var child = new ProcessBuilder(\"sleep\", \"120\").start();"))
          .succeedsWithin(60, TimeUnit.SECONDS);
      Set<ProcessHandle> started = descendants();
      started.removeAll(before);
      List<ProcessHandle> sleeps =
          started.stream()
              .filter(h -> h.info().command().map(c -> c.endsWith("sleep")).orElse(false))
              .toList();
      assertThat(sleeps).hasSize(1);

      session.evaluate("System.exit(0);");

      // Ended by the exiting JVM: waited for here, which without that ending takes 120 s.
      sleeps.get(0).onExit().get(60, TimeUnit.SECONDS);
      assertThat(sleeps.get(0).isAlive()).isFalse();
    }
  }

  @Test
  void whenTheAppIsTerminatedItsRunawayJvmEndsWithIt() throws Exception {
    assertTheRunawayJvmEndsWhenTheAppEnds(false);
  }

  @Test
  void whenTheAppIsKilledItsRunawayJvmEndsWithinSeconds() throws Exception {
    assertTheRunawayJvmEndsWhenTheAppEnds(true);
  }

  /**
   * An app (another JVM) runs an endless loop in its REPL and is ended from outside, by SIGTERM
   * (logout, {@code kill}: its shutdown hook ends the JVM before the app is gone) or by SIGKILL
   * (the JVM running the code sees the connection close and ends itself). Either way the loop's JVM
   * spun on at ~84 % of a core, re-parented to init.
   */
  private static void assertTheRunawayJvmEndsWhenTheAppEnds(boolean kill) throws Exception {
    Process app =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                RunawayHost.class.getName())
            .redirectErrorStream(true)
            .start();
    Set<ProcessHandle> itsJvms = new HashSet<>();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<String> running =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  for (String line; (line = out.readLine()) != null; ) {
                    if (line.equals("running")) {
                      return line;
                    }
                  }
                  return "ended";
                } catch (java.io.IOException e) {
                  return e.toString();
                }
              });
      assertThat(running.get(90, TimeUnit.SECONDS)).isEqualTo("running");
      app.descendants().forEach(itsJvms::add);
      assertThat(itsJvms).isNotEmpty();

      if (kill) {
        app.destroyForcibly();
      } else {
        app.destroy();
      }
      app.onExit().get(30, TimeUnit.SECONDS);

      if (!kill) {
        // The app's shutdown hook waited for it: gone with the app (a second of slack for the
        // system to reap it).
        WaitForAsyncUtils.waitFor(
            1, TimeUnit.SECONDS, () -> itsJvms.stream().noneMatch(ProcessHandle::isAlive));
      } else {
        WaitForAsyncUtils.waitFor(
            10, TimeUnit.SECONDS, () -> itsJvms.stream().noneMatch(ProcessHandle::isAlive));
      }
    } finally {
      app.destroyForcibly();
      itsJvms.forEach(ProcessHandle::destroyForcibly); // never left spinning by a failed test
    }
  }
}
