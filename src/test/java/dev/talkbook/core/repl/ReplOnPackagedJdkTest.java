package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The REPL on the packaged app's Java (JDK 25 or newer, found as packaging finds it), while the
 * test run itself is on Java 17: JShell's bugs differ between them, and the one behind a restart
 * that left every value's type named {@code java.lang.Object} shows only with Java 25's.
 * ReplRestartTest's two scenarios run in a child JVM of that JDK ({@link RestartTypeNamesHost});
 * skipped, with a message, on a machine without one.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ReplOnPackagedJdkTest {
  /** A limit for the child on a loaded machine (it takes seconds; nothing waits it out). */
  private static final long CHILD_LIMIT_SECONDS = 180;

  @Test
  void afterARestartValuesKeepTheirTypesOnThePackagedAppsJava() throws Exception {
    Path java = packagingJdk().resolve("bin").resolve("java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                RestartTypeNamesHost.class.getName())
            .redirectErrorStream(true)
            .start();
    child.getOutputStream().close();
    CompletableFuture<String> output = drain(child.getInputStream());
    try {
      if (!child.waitFor(CHILD_LIMIT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError(
            "the REPL scenarios on " + java + " did not end in " + CHILD_LIMIT_SECONDS + " s");
      }
    } finally {
      child.descendants().forEach(ProcessHandle::destroyForcibly);
      child.destroyForcibly();
    }
    String out = output.get(30, TimeUnit.SECONDS);
    assertThat(out).as("the child's Java").containsPattern("(?m)^java (2[5-9]|[3-9][0-9])");
    assertThat(child.exitValue()).as("the child's exit code; it printed:%n%s", out).isZero();
    assertThat(out).contains("ok restored hierarchy", "ok stopped re-run");
  }

  /**
   * The JDK that packaging/find-jdk.sh finds (the packaged app's runtime is made with it: JDK 25 or
   * newer); the test is skipped, with the script's message, when there is none.
   */
  private static Path packagingJdk() throws Exception {
    Path script = Path.of("packaging", "find-jdk.sh");
    assertThat(script)
        .as("packaging's JDK lookup (the test runs in the project's folder)")
        .exists();
    Process find;
    try {
      find = new ProcessBuilder(List.of("bash", script.toString())).start();
    } catch (IOException noBash) {
      assumeTrue(false, () -> "No bash to run " + script + " with: " + noBash.getMessage());
      throw noBash;
    }
    find.getOutputStream().close();
    CompletableFuture<String> err = drain(find.getErrorStream());
    CompletableFuture<String> out = drain(find.getInputStream());
    if (!find.waitFor(30, TimeUnit.SECONDS)) {
      find.destroyForcibly();
      throw new AssertionError(script + " did not end in 30 s");
    }
    assumeTrue(
        find.exitValue() == 0,
        () ->
            "packaging/find-jdk.sh finds no JDK 25 or newer, so the REPL is not tested on the"
                + " packaged app's Java (.ci/run installs one; elsewhere install one, or set"
                + " TALKBOOK_PACKAGE_JDK to its folder). "
                + script
                + " said: "
                + err.join().strip());
    Path jdk = Path.of(out.get(10, TimeUnit.SECONDS).strip());
    assertThat(jdk.resolve("bin").resolve("java")).as("the JDK %s finds", script).exists();
    return jdk;
  }

  private static CompletableFuture<String> drain(InputStream in) {
    // A thread of its own for each stream: a child blocked on a full pipe would never end.
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try (in) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                in.transferTo(all);
                text.complete(all.toString(StandardCharsets.UTF_8));
              } catch (IOException | RuntimeException e) {
                text.completeExceptionally(e);
              }
            },
            "packaged-jdk-repl-drain");
    t.setDaemon(true);
    t.start();
    return text;
  }
}
