package dev.talkbook.bench;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * What every section states about its run: when, on which machine, with which command, and how busy
 * the machine was.
 *
 * @param loadAtStart the 1-minute load average when the group started, if known
 */
public record RunInfo(
    ZonedDateTime startedAt, Machine machine, String command, Optional<String> loadAtStart) {

  /** A run of a group starting now. */
  public static RunInfo startingNow(Machine machine, String command) {
    return new RunInfo(ZonedDateTime.now(), machine, command, Machine.loadAverage());
  }

  /**
   * The date, machine, load and command, as Markdown lines. Call it when the group's run is over:
   * it reads the load average at the end.
   */
  public String preamble() {
    Optional<String> loadAtEnd = Machine.loadAverage();
    String load =
        loadAtStart.isPresent() && loadAtEnd.isPresent()
            ? "\n- **Load:** 1-minute load average "
                + loadAtStart.get()
                + " at the start, "
                + loadAtEnd.get()
                + " at the end (`/proc/loadavg`; the benchmark itself adds about 1, more means"
                + " other work shared the machine and slowed the figures down)"
            : "";
    return "- **Date:** "
        + startedAt
            .withZoneSameInstant(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
        + "\n- **Machine:** "
        + machine.summary()
        + load
        + "\n- **Command:** `"
        + command
        + "`\n";
  }
}
