package dev.talkbook.ui;

import java.lang.management.ManagementFactory;
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
