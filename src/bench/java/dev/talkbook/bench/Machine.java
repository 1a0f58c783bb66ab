package dev.talkbook.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The machine a run measured: the figures mean little without it. */
public record Machine(
    int cores, String cpu, Optional<Long> memoryBytes, String os, String jdk, String vm) {

  public static Machine describe() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        procField("/proc/cpuinfo", "model name").orElse("unknown CPU (no /proc/cpuinfo)"),
        procField("/proc/meminfo", "MemTotal").flatMap(Machine::kilobytes),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " ("
            + System.getProperty("os.arch")
            + ")",
        System.getProperty("java.runtime.version", Runtime.version().toString()),
        System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor"));
  }

  /** One line: cores, CPU, memory, OS, JDK. */
  public String summary() {
    String memory =
        memoryBytes.map(b -> String.format(Locale.ROOT, ", %.1f GB RAM", b / 1e9)).orElse("");
    return cores
        + " cores (Runtime.availableProcessors), "
        + cpu
        + memory
        + "; "
        + os
        + "; JDK "
        + jdk
        + " ("
        + vm
        + ")";
  }

  /** The 1-minute load average from /proc/loadavg, if it can be read. */
  public static Optional<String> loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return parts.length > 0 && !parts[0].isEmpty() ? Optional.of(parts[0]) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The value of the first {@code name : value} line of a /proc file, if it can be read. */
  private static Optional<String> procField(String file, String name) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).strip().equals(name)) {
          String value = line.substring(colon + 1).strip();
          return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: the summary says so instead.
    }
    return Optional.empty();
  }

  private static Optional<Long> kilobytes(String value) {
    String[] parts = value.split("\\s+");
    try {
      return Optional.of(Long.parseLong(parts[0]) * 1024);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
