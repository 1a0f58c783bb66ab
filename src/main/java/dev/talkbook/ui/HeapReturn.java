package dev.talkbook.ui;

import dev.talkbook.core.common.JvmCommands;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gives the heap a start grew back once the window is idle, when the JVM runs G1 (its default on
 * the class path; the packaged app runs the serial collector with a small first heap instead).
 *
 * <p>A start allocates a few hundred MB of short-lived objects (the first CSS pass, the REPL's
 * compiler warm-up), and G1, sized for the machine (a quarter of its memory at most), grows the
 * heap for them and keeps it: 220–250 MB committed for a live heap of about 75 MB with the
 * 10,000-talk notebook open (docs/benchmarks.md). G1's own way to give memory back is a periodic
 * collection when no collection ran for a while (JEP 346), after which it shrinks the heap to what
 * {@code MaxHeapFreeRatio} allows. Both are "manageable" options, set here as the window starts: a
 * concurrent cycle once the app was idle for {@value #FIRST_IDLE_SECONDS} s, then at most every
 * {@value #LATER_IDLE_SECONDS} s of idleness, and at most 30 % of the heap kept free. No pause of
 * the application's own (the cycle runs beside it), no options a user set are changed, and nothing
 * happens on a JVM without them.
 *
 * <p>The native heap too ({@link #trimNativeHeapAfter}): glibc keeps the memory threads freed in
 * its arenas (the JIT compilers', javac's for the REPL, WebKit's as it starts), and on the class
 * path (JDK 17, G1) 30 MB of the 10,000-talk window's resident memory was such free memory
 * (docs/benchmarks.md). Once the start has settled the window asks the JVM to give it back ({@code
 * System.trim_native_heap}, the diagnostic command {@code jcmd} sends), then once a minute. The
 * packaged runtime has no {@code jdk.management}, where that command lives: nothing happens there.
 */
final class HeapReturn {
  static final long FIRST_IDLE_SECONDS = 15;
  static final long LATER_IDLE_SECONDS = 300;
  private static final long SWITCH_AFTER_SECONDS = 120;

  private HeapReturn() {}

  /**
   * Sets the options (when G1 runs and they are the JVM's defaults); {@code timer} relaxes them.
   */
  static void install(ScheduledExecutorService timer) {
    try {
      var vm =
          ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
      if (vm == null || !"true".equals(vm.getVMOption("UseG1GC").getValue())) {
        return;
      }
      // Min before Max: the JVM refuses a MaxHeapFreeRatio under MinHeapFreeRatio.
      setIfDefault(vm, "MinHeapFreeRatio", "10");
      setIfDefault(vm, "MaxHeapFreeRatio", "30");
      if (setIfDefault(vm, "G1PeriodicGCInterval", String.valueOf(FIRST_IDLE_SECONDS * 1000))) {
        timer.schedule(
            () -> set(vm, "G1PeriodicGCInterval", String.valueOf(LATER_IDLE_SECONDS * 1000)),
            SWITCH_AFTER_SECONDS,
            TimeUnit.SECONDS);
      }
    } catch (LinkageError | RuntimeException e) {
      // No jdk.management (a runtime without it) or not HotSpot: the JVM sizes its heap itself.
    }
  }

  /** How often the native heap is trimmed after the first time. */
  static final long TRIM_EVERY_SECONDS = 60;

  /**
   * Once {@code settled} completes (however it does), trims the native heap on {@code timer}, then
   * every {@value #TRIM_EVERY_SECONDS} s; nothing where the JVM cannot (not Linux, no {@code
   * jdk.management}, a JVM without the command).
   */
  static void trimNativeHeapAfter(CompletionStage<?> settled, ScheduledExecutorService timer) {
    if (!System.getProperty("os.name", "").startsWith("Linux")
        || ModuleLayer.boot().findModule("jdk.management").isEmpty()) {
      return; // glibc's heap only; and no platform MBean server made for nothing
    }
    settled.whenComplete(
        (done, failed) ->
            timer.execute(
                () -> {
                  if (trimNativeHeap()) {
                    timer.scheduleWithFixedDelay(
                        HeapReturn::trimNativeHeap,
                        TRIM_EVERY_SECONDS,
                        TRIM_EVERY_SECONDS,
                        TimeUnit.SECONDS);
                  }
                }));
  }

  /**
   * Gives the native heap's free pages back to the system (glibc's {@code malloc_trim}, through the
   * JVM's {@code System.trim_native_heap}); false when this JVM has no such command.
   */
  static boolean trimNativeHeap() {
    // false on an older JVM without the command, or not HotSpot
    return JvmCommands.run("systemTrimNativeHeap").isPresent();
  }

  private static boolean setIfDefault(
      com.sun.management.HotSpotDiagnosticMXBean vm, String name, String value) {
    if (vm.getVMOption(name).getOrigin() != com.sun.management.VMOption.Origin.DEFAULT) {
      return false; // the user chose it
    }
    return set(vm, name, value);
  }

  private static boolean set(com.sun.management.HotSpotDiagnosticMXBean vm, String name, String v) {
    try {
      vm.setVMOption(name, v);
      return true;
    } catch (RuntimeException refused) {
      return false;
    }
  }
}
