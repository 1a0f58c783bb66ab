package dev.talkbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherTest {
  @Test
  void aCommandEndsWithSystemExitWhileAnotherThreadWouldKeepTheJvmRunning() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Thread worker = new Thread(() -> awaitQuietly(release), "launcher-test-worker");
    worker.setDaemon(false);
    worker.start();
    try {
      assertThat(Launcher.otherThreadsKeepTheJvm()).isTrue();
    } finally {
      release.countDown();
      worker.join();
    }
  }

  private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void commandsNameTheLoggingProviderUnlessTheUserDid() {
    java.util.Properties saved = (java.util.Properties) System.getProperties().clone();
    try {
      System.clearProperty("slf4j.provider");
      System.clearProperty("slf4j.internal.verbosity");
      System.clearProperty(Launcher.NO_GROOVY);
      Launcher.forCommands();
      assertThat(System.getProperty("slf4j.provider"))
          .isEqualTo("org.slf4j.nop.NOPServiceProvider");
      assertThat(System.getProperty("slf4j.internal.verbosity")).isEqualTo("WARN");
      assertThat(System.getProperty(Launcher.NO_GROOVY)).isEqualTo("true");

      System.setProperty("slf4j.provider", "org.example.Mine");
      System.clearProperty("slf4j.internal.verbosity");
      Launcher.forCommands();
      assertThat(System.getProperty("slf4j.provider")).isEqualTo("org.example.Mine");
      assertThat(System.getProperty("slf4j.internal.verbosity")).isNull();
    } finally {
      System.setProperties(saved);
    }
  }

  /**
   * On the class path Maven makes (this test's, {@code exec:java}'s, the benchmarks'), the jars a
   * command and a site export read come before every other library: each jar in front of the one a
   * class or resource is found in is opened and its directory read. With slf4j-nop last (found by
   * sqlite-jdbc's first logger, at the start of every command that opens a notebook) that was every
   * jar; with the Maven resolver's before commonmark and lunr, an export opened 51 of them.
   */
  @Test
  void theJarsAnExportReadsComeFirstOnTheClassPath() {
    List<String> used =
        List.of(
            "sqlite-jdbc",
            "slf4j-api",
            "slf4j-nop",
            "picocli",
            "java-diff-utils",
            "commonmark",
            "autolink",
            "owasp-java-html-sanitizer",
            "java8-shim",
            "java10-shim",
            "highlightjs",
            "lunr");
    List<String> jars = new java.util.ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (entry.endsWith(".jar")) {
        jars.add(entry.substring(entry.lastIndexOf(java.io.File.separatorChar) + 1));
      }
    }
    int last = -1;
    for (int i = 0; i < jars.size(); i++) {
      String jar = jars.get(i);
      if (used.stream().anyMatch(jar::startsWith)) {
        last = i;
      }
    }
    assertThat(last).as("the export's jars on the class path %s", jars).isNotNegative();
    assertThat(jars.subList(0, last + 1))
        .as("jars on the class path up to the last one an export reads")
        .allMatch(jar -> used.stream().anyMatch(jar::startsWith));
  }

  @Test
  void aNotebookFileAloneOpensIt() {
    assertThat(Launcher.withOpenedFile(new String[] {"/home/me/Talks/notebook.talkbook"}))
        .containsExactly("--notebook", "/home/me/Talks/notebook.talkbook");
  }

  @Test
  void commandsAndOptionsAreLeftToTheCommandLine() {
    assertThat(Launcher.withOpenedFile(new String[] {"events"})).containsExactly("events");
    assertThat(Launcher.withOpenedFile(new String[] {"--version"})).containsExactly("--version");
    assertThat(Launcher.withOpenedFile(new String[] {"show", "x.talkbook"}))
        .containsExactly("show", "x.talkbook");
  }

  @Test
  void noCommandOpensTheWindowWithItsOptions() {
    assertThat(Launcher.windowOptions(new String[] {})).isPresent();
    var window =
        Launcher.windowOptions(new String[] {"--notebook", "/tmp/n.talkbook", "--read-only"});
    assertThat(window).isPresent();
    assertThat(window.get().notebookPath()).isEqualTo(java.nio.file.Path.of("/tmp/n.talkbook"));
    assertThat(window.get().readOnly()).isTrue();
  }

  @Test
  void thePlainWindowOptionsAreReadWithoutPicocliAsPicocliReadsThem() {
    for (String[] args :
        new String[][] {
          {},
          {"--read-only"},
          {"--notebook", "/tmp/n.talkbook"},
          {"--notebook=/tmp/n.talkbook"},
          {"--read-only", "--notebook", "rel/n.talkbook"},
          {"--notebook", "/tmp/with space.talkbook", "--read-only"},
        }) {
      var plain = Launcher.plainWindowOptions(args);
      assertThat(plain).as(String.join(" ", args)).isPresent();
      var root = dev.talkbook.cli.TalkbookCommand.withoutCommands();
      root.parseArgs(args);
      dev.talkbook.cli.TalkbookCommand parsed = root.getCommand();
      assertThat(plain.get())
          .as(String.join(" ", args))
          .isEqualTo(new Launcher.Window(parsed.namedNotebook(), parsed.readOnly()));
    }
  }

  @Test
  void anythingElseIsLeftToPicocli() {
    for (String[] args :
        new String[][] {
          {"info"},
          {"--read-only", "--read-only"},
          {"--notebook", "a.talkbook", "--notebook", "b.talkbook"},
          {"--notebook", "--read-only"},
          {"--notebook="},
          {"--notebook"},
          {"--read-only=true"},
          {"--", "x"},
          {"-h"},
        }) {
      assertThat(Launcher.plainWindowOptions(args)).as(String.join(" ", args)).isEmpty();
    }
  }

  @Test
  void anEmptyOrBlankNotebookGoesToTheCommandLineWhichRefusesIt() {
    for (String[] args :
        new String[][] {
          {"--notebook", ""},
          {"--notebook", "   "},
          {"--notebook=  "},
          {"--read-only", "--notebook", " "},
        }) {
      assertThat(Launcher.plainWindowOptions(args)).as(String.join(" ", args)).isEmpty();
      assertThat(Launcher.windowOptions(args)).as(String.join(" ", args)).isEmpty();
    }
  }

  @Test
  void commandsHelpVersionAndMistakesGoToTheCommandLine() {
    for (String[] args :
        new String[][] {
          {"info"}, {"--notebook", "n.talkbook", "search", "x"}, {"--help"}, {"-V"},
          {"frobnicate"}, {"--notebook"}, {"--colour"}, {"help"}
        }) {
      assertThat(Launcher.windowOptions(args)).as(String.join(" ", args)).isEmpty();
    }
  }

  @Test
  void withNoDisplayOnLinuxTheWindowIsNotTriedAndTheReasonIsSaid() {
    java.util.Properties none = new java.util.Properties();
    assertThat(Launcher.noDisplay(java.util.Map.of(), "Linux", none))
        .get()
        .asString()
        .contains("no display to open the window on")
        .contains("talkbook --help");
    assertThat(Launcher.noDisplay(java.util.Map.of("DISPLAY", ":0"), "Linux", none)).isEmpty();
    assertThat(Launcher.noDisplay(java.util.Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", none))
        .isEmpty();
    assertThat(Launcher.noDisplay(java.util.Map.of(), "Mac OS X", none)).isEmpty();
    assertThat(Launcher.noDisplay(java.util.Map.of(), "Windows 11", none)).isEmpty();
    java.util.Properties monocle = new java.util.Properties();
    monocle.setProperty("glass.platform", "Monocle");
    assertThat(Launcher.noDisplay(java.util.Map.of(), "Linux", monocle)).isEmpty();
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
  void aWindowStartedOverSshSaysWhyInsteadOfAStackTrace(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.talkbook.Launcher",
                "--notebook",
                dir.resolve("n.talkbook").toString())
            .redirectErrorStream(true);
    pb.environment().remove("DISPLAY");
    pb.environment().remove("WAYLAND_DISPLAY");
    Process p = pb.start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(out).isEqualTo(1);
    assertThat(out)
        .contains("talkbook: there is no display to open the window on")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(dir.resolve("n.talkbook")).as("nothing made").doesNotExist();
  }

  @Test
  void aLongCommandIsSeenBeforePicocliReadsTheArguments() {
    assertThat(Launcher.mayRunLong(new String[] {"--notebook", "n.talkbook", "export", "site"}))
        .isTrue();
    assertThat(Launcher.mayRunLong(new String[] {"import", "schedule", "f.xml"})).isTrue();
    assertThat(Launcher.mayRunLong(new String[] {"--notebook", "n.talkbook", "info"})).isFalse();
    assertThat(Launcher.mayRunLong(new String[] {"--notebook", "exports.talkbook"})).isFalse();
    assertThat(Launcher.mayRunLong(new String[] {})).isFalse();
  }

  @Test
  void aCommandsNotebookIsWarmedUpWhilePicocliReadsTheArguments() {
    assertThat(Launcher.mayOpenNotebook(new String[] {"--notebook", "n.talkbook", "info"}))
        .isTrue();
    assertThat(Launcher.mayOpenNotebook(new String[] {"export", "site", "--out", "s"})).isTrue();
    assertThat(Launcher.mayOpenNotebook(new String[] {"search", "--", "-h"})).isFalse();
    // the window's plain start, and what opens no notebook
    assertThat(Launcher.mayOpenNotebook(new String[] {})).isFalse();
    assertThat(Launcher.mayOpenNotebook(new String[] {"--notebook", "n.talkbook", "--read-only"}))
        .isFalse();
    assertThat(Launcher.mayOpenNotebook(new String[] {"--version"})).isFalse();
    assertThat(Launcher.mayOpenNotebook(new String[] {"-h"})).isFalse();
    assertThat(Launcher.mayOpenNotebook(new String[] {"help", "export"})).isFalse();
  }
}
