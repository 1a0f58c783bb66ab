package dev.talkbook.bench.markdown;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scheduler's account of this process's threads (Linux {@code /proc/self/task/<tid>/schedstat}:
 * nanoseconds on a processor, nanoseconds runnable but waiting for one), for {@link PreviewProbe}'s
 * per-key breakdown: which threads ran while a key was handled, and how long the FX thread waited
 * for a core. JIT compiler and GC threads are listed too (ThreadMXBean does not see them).
 */
final class ThreadTimes {
  private ThreadTimes() {}

  /** Whether the scheduler's account can be read here (Linux). */
  static boolean available() {
    return Files.isReadable(Path.of("/proc/thread-self/schedstat"));
  }

  /** The calling thread's time on a processor and waiting for one, into {@code out[at..at+1]}. */
  static void own(long[] out, int at) {
    long[] t = read(Path.of("/proc/thread-self/schedstat"));
    out[at] = t[0];
    out[at + 1] = t[1];
  }

  /** Every thread of the process: "name/tid" to {on a processor, waiting}, ns. */
  static Map<String, long[]> all() {
    Map<String, long[]> out = new TreeMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        try {
          String name = Files.readString(task.resolve("comm")).trim();
          out.put(name + "/" + task.getFileName(), read(task.resolve("schedstat")));
        } catch (IOException | RuntimeException gone) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  /** The threads that ran between two readings, the busiest first: name cpu/wait ms. */
  static String delta(Map<String, long[]> before, Map<String, long[]> after) {
    record Ran(String name, long cpu, long waited) {}
    java.util.List<Ran> ran = new java.util.ArrayList<>();
    after.forEach(
        (name, t) -> {
          long[] b = before.getOrDefault(name, new long[2]);
          long cpu = t[0] - b[0];
          if (cpu >= 200_000) {
            ran.add(new Ran(name.substring(0, name.lastIndexOf('/')), cpu, t[1] - b[1]));
          }
        });
    ran.sort((x, y) -> Long.compare(y.cpu(), x.cpu()));
    StringBuilder out = new StringBuilder();
    for (Ran r : ran) {
      out.append(
          String.format(Locale.ROOT, "[%s %.1f/%.1f] ", r.name(), r.cpu() / 1e6, r.waited() / 1e6));
    }
    return out.toString().trim();
  }

  private static long[] read(Path schedstat) {
    try {
      String[] f = Files.readString(schedstat).trim().split(" ");
      return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
