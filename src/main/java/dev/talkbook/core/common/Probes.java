package dev.talkbook.core.common;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable lines the app prints for its benchmarks and the packaged app's smoke test
 * ({@code talkbook-shown 1234}, {@code talkbook-typed …}), each flushed at once: standard output is
 * their channel, and this is the one place the window writes to it.
 */
public final class Probes {
  private Probes() {}

  /**
   * The system property that turns on {@link #mark}: {@code -Dtalkbook.startupProbe.timeline=true}
   * prints a line for each step of the REPL's start and first evaluation (in both JVMs).
   */
  public static final String TIMELINE = "talkbook.startupProbe.timeline";

  private static final boolean MARKS = Boolean.getBoolean(TIMELINE);

  /** Prints {@code line} on standard output and flushes it. */
  public static void report(String line) {
    System.out.println(line);
    System.out.flush();
  }

  /** Whether {@link #mark} prints. */
  public static boolean marking() {
    return MARKS;
  }

  /**
   * With {@link #TIMELINE} on, prints {@code talkbook-mark STEP MICROS THREAD_CPU_MICROS THREAD
   * PROCESS_CPU_MS}: the wall-clock time in microseconds since the epoch (comparable between the
   * app's JVM and the REPL's, whose marks the app passes on with {@code agent} as the thread), the
   * processor time of the calling thread and of the whole process so far. On a 2-core machine the
   * REPL's first result is mostly a matter of who gets the processor; these tell.
   */
  public static void mark(String step) {
    if (MARKS) {
      var threads = ManagementFactory.getThreadMXBean();
      report(
          "talkbook-mark "
              + step
              + " "
              + epochMicros()
              + " "
              + threads.getCurrentThreadCpuTime() / 1000
              + " "
              + Thread.currentThread().getName().replace(' ', '_')
              + " "
              + ProcessHandle.current()
                  .info()
                  .totalCpuDuration()
                  .map(d -> d.toMillis())
                  .orElse(-1L));
    }
  }

  private static Map<String, Long> threadCpu = new HashMap<>();

  /**
   * With {@link #TIMELINE} on, prints the processor time each thread of the process (the JVM's own
   * too, from /proc) used since the last call, those above 5 ms: {@code talkbook-threads STEP
   * name=ms ...}.
   */
  public static synchronized void threads(String step) {
    if (!MARKS) {
      return;
    }
    StringBuilder line = new StringBuilder("talkbook-threads " + step);
    Map<String, Long> now = new HashMap<>();
    Map<String, Long> byName = new TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (var task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
          String key = task.getFileName() + "/" + name;
          now.put(key, ticks);
          long used = (ticks - threadCpu.getOrDefault(key, 0L)) * 10;
          byName.merge(name.replaceAll("[0-9#]+$", "").replace(' ', '_'), used, Long::sum);
        } catch (IOException | RuntimeException e) {
          // The thread ended.
        }
      }
    } catch (IOException e) {
      return;
    }
    byName.forEach(
        (name, used) -> {
          if (used > 5) {
            line.append(' ').append(name).append('=').append(used);
          }
        });
    threadCpu = now;
    report(line.toString());
  }

  /** The wall-clock time in microseconds since the epoch. */
  public static long epochMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
  }
}
