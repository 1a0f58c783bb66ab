package dev.talkbook;

import dev.talkbook.core.common.JvmCommands;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a JVM started with the JDK's defaults (the class path: {@code java -cp …
 * dev.talkbook.Launcher}) to the quick compiler, C1, as the packaged launcher does with {@code
 * -XX:TieredStopAtLevel=1}: for the window, and for the commands that run long ({@link
 * Launcher#LONG_COMMANDS}). ({@code ./mvnw exec:java} runs in Maven's JVM, which has the option
 * from {@code .mvn/jvm.config}.)
 *
 * <p>On two cores the optimizing compiler (C2) took ~2 s of processor time before the window's
 * notes showed, beside the FX thread's 0.7–0.9 s (docs/benchmarks.md): the start paid for compiles
 * whose code then ran for milliseconds. A window edited by hand does not need C2's code: the
 * packaged window runs without it, and user code runs in the REPL's own JVM, which keeps C2.
 *
 * <p>A started JVM cannot change its compilation options, but it takes compiler directives (what
 * {@code jcmd PID Compiler.directives_add FILE} sends, here through the platform's diagnostic
 * command bean): one that excludes every method from C2. HotSpot then compiles each method that
 * would have gone to C2 with C1's full optimization instead, as with {@code TieredStopAtLevel=1}
 * (methods already compiled keep their code). The platform MBean server this needs costs ~0.1 s of
 * processor time, on a thread of its own. Nothing is done when the JVM already runs without C2,
 * when the user chose the compiler options ({@code TieredStopAtLevel}, {@code TieredCompilation}),
 * with {@code -Dtalkbook.quickCompiler=false}, or when the JVM has no such command (a runtime
 * without {@code jdk.management}, as the packaged one, or not HotSpot).
 */
final class QuickCompiler {
  /** {@code -Dtalkbook.quickCompiler=false} leaves the JVM's compilers as they are. */
  static final String PROPERTY = "talkbook.quickCompiler";

  /** Every method, never by C2. */
  static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

  private QuickCompiler() {}

  /** Starts on a daemon thread and returns at once. */
  static void begin() {
    if (!wanted()) {
      return;
    }
    Thread t = new Thread(QuickCompiler::choose, "talkbook-quick-compiler");
    t.setDaemon(true);
    t.start();
  }

  /** Whether to try: not turned off, and a JVM with {@code jdk.management}. */
  static boolean wanted() {
    return Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))
        && ModuleLayer.boot().findModule("jdk.management").isPresent();
  }

  /** Adds the directive when C2 runs by default; whether it was added. */
  static boolean choose() {
    try {
      var vm =
          ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
      if (vm == null || !c2ByDefault(vm)) {
        return false;
      }
      Path file = Files.createTempFile("talkbook-compiler-", ".json");
      try {
        Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
        return JvmCommands.run("compilerDirectivesAdd", file.toString())
            .filter(said -> said.contains("1 compiler directives added"))
            .isPresent();
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException | LinkageError | RuntimeException cannot) {
      return false; // the JVM keeps its compilers
    }
  }

  private static boolean c2ByDefault(com.sun.management.HotSpotDiagnosticMXBean vm) {
    var tiered = vm.getVMOption("TieredCompilation");
    var stop = vm.getVMOption("TieredStopAtLevel");
    return "true".equals(tiered.getValue())
        && "4".equals(stop.getValue())
        && tiered.getOrigin() == com.sun.management.VMOption.Origin.DEFAULT
        && stop.getOrigin() == com.sun.management.VMOption.Origin.DEFAULT;
  }
}
