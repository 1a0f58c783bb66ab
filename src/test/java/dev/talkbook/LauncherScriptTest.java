package dev.talkbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app's Linux launcher (packaging/linux/launcher.sh, written into the app image's
 * bin/talkbook by packaging/build.sh) starts the runtime's java with the options each mode needs.
 * The runtime here is a script that prints the arguments it was given.
 */
@EnabledOnOs(OS.LINUX)
class LauncherScriptTest {
  @TempDir Path image;

  /** An app image with the launcher, a java that prints its arguments, and the given caches. */
  private Path imageWith(String... caches) throws IOException {
    Path bin = Files.createDirectories(image.resolve("bin"));
    Path app = Files.createDirectories(image.resolve("lib/app"));
    Path runtime = Files.createDirectories(image.resolve("lib/runtime/bin"));
    for (String cache : caches) {
      Files.write(app.resolve(cache), new byte[] {1});
    }
    Path java = runtime.resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
    String script =
        Files.readString(Path.of("packaging", "linux", "launcher.sh"))
            .replace("@CLASS_PATH@", "$APPDIR/talkbook.jar")
            .replace("@JAVA_OPTIONS@", "\"-Xss2m\"");
    Path launcher = bin.resolve("talkbook");
    Files.writeString(launcher, script);
    for (Path p : List.of(java, launcher)) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return launcher;
  }

  private static List<String> javaArguments(Path launcher, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("TALKBOOK_JAVA_OPTIONS");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  @Test
  void theWindowWithItsCacheDoesNotPreloadTheClassesTheCacheLoads() throws Exception {
    Path launcher = imageWith("window.aot", "cli.aot");
    List<String> window = javaArguments(launcher, "--notebook", "/tmp/x.talkbook");
    assertThat(window)
        .contains("-Dtalkbook.preload=false", "dev.talkbook.Launcher")
        .anyMatch(a -> a.startsWith("-XX:AOTCache=") && a.endsWith("window.aot"));
    // before the class name: a JVM option, not an argument of the app's
    assertThat(window.indexOf("-Dtalkbook.preload=false"))
        .isLessThan(window.indexOf("dev.talkbook.Launcher"));
  }

  @Test
  void withoutItsCacheTheWindowPreloadsAsOnAClassPath() throws Exception {
    Path launcher = imageWith("cli.aot");
    assertThat(javaArguments(launcher, "--notebook", "/tmp/x.talkbook"))
        .contains("dev.talkbook.Launcher")
        .doesNotContain("-Dtalkbook.preload=false")
        .noneMatch(a -> a.startsWith("-XX:AOTCache="));
  }

  @Test
  void aCommandIsNotToldAboutTheWindowsPreload() throws Exception {
    Path launcher = imageWith("window.aot", "cli.aot");
    assertThat(javaArguments(launcher, "--notebook", "/tmp/x.talkbook", "info"))
        .doesNotContain("-Dtalkbook.preload=false")
        .anyMatch(a -> a.startsWith("-XX:AOTCache=") && a.endsWith("cli.aot"));
  }
}
