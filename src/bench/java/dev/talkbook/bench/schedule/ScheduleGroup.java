package dev.talkbook.bench.schedule;

import dev.talkbook.bench.BenchmarkGroup;
import dev.talkbook.bench.RunInfo;
import dev.talkbook.core.exchange.Schedule;
import dev.talkbook.core.exchange.ScheduleImporter;
import dev.talkbook.core.exchange.ScheduleReader;
import dev.talkbook.core.store.Notebook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code schedule}: a generated 1,000-session frab schedule XML (4 days, 10 rooms, 25 sessions a
 * room a day, two speakers and a 600-character abstract each, about 1.4 MB) read and imported into
 * an empty notebook in process, then imported again unchanged. Each run reads the bytes (format
 * detection, hardened XML parse, model) and imports them in one transaction; a new notebook file
 * for each first import. Warm-up runs first; medians of {@link #RUNS}.
 */
public final class ScheduleGroup implements BenchmarkGroup {
  private static final int SESSIONS = 1000;
  private static final int WARMUP = 3;
  private static final int RUNS = 7;

  @Override
  public String name() {
    return "schedule";
  }

  @Override
  public String run(RunInfo run) throws Exception {
    byte[] xml = generate(SESSIONS).getBytes(StandardCharsets.UTF_8);
    Path dir = Files.createTempDirectory("talkbook-schedule-bench");
    List<Double> first = new ArrayList<>();
    List<Double> again = new ArrayList<>();
    List<Double> readOnly = new ArrayList<>();
    ScheduleImporter importer = new ScheduleImporter(Clock.systemUTC());
    for (int i = 0; i < WARMUP + RUNS; i++) {
      Path file = dir.resolve("n" + i + ".talkbook");
      try (Notebook notebook = Notebook.open(file)) {
        long t0 = System.nanoTime();
        Schedule s = new ScheduleReader().read(xml, "camp.xml");
        long t1 = System.nanoTime();
        ScheduleImporter.Report r =
            importer.importSchedule(notebook, s, null, null, false, ScheduleImporter.Progress.NONE);
        long t2 = System.nanoTime();
        if (r.count(ScheduleImporter.Kind.ADDED) != SESSIONS) {
          throw new IllegalStateException("imported " + r.summary());
        }
        Schedule s2 = new ScheduleReader().read(xml, "camp.xml");
        ScheduleImporter.Report r2 =
            importer.importSchedule(
                notebook, s2, null, null, false, ScheduleImporter.Progress.NONE);
        long t3 = System.nanoTime();
        if (!r2.nothingChanged()) {
          throw new IllegalStateException("re-import changed: " + r2.summary());
        }
        if (i >= WARMUP) {
          readOnly.add((t1 - t0) / 1e6);
          first.add((t2 - t0) / 1e6);
          again.add((t3 - t2) / 1e6);
        }
        System.out.printf(
            Locale.ROOT,
            "run %d: read %.0f ms, import %.0f ms, re-import %.0f ms%n",
            i,
            (t1 - t0) / 1e6,
            (t2 - t0) / 1e6,
            (t3 - t2) / 1e6);
      }
    }
    StringBuilder b = new StringBuilder(run.preamble());
    b.append(
        String.format(
            Locale.ROOT,
            "%n%d-session frab schedule XML (%d kB), in process, median of %d runs after %d"
                + " warm-up runs (each: a new notebook file):%n%n"
                + "| step | median | target |%n|---|---|---|%n"
                + "| read (detect, parse, model) | %.0f ms | — |%n"
                + "| read + import into an empty notebook | %.0f ms | ≤ 1,000 ms |%n"
                + "| read + re-import, unchanged (nothing written) | %.0f ms | ≤ 500 ms |%n",
            SESSIONS,
            xml.length / 1024,
            RUNS,
            WARMUP,
            median(readOnly),
            median(first),
            median(again)));
    return b.toString();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** A frab schedule XML with {@code n} sessions. */
  static String generate(int n) {
    StringBuilder b = new StringBuilder(n * 1500);
    b.append("<?xml version='1.0' encoding='utf-8' ?>\n<schedule><version>1</version><conference>")
        .append("<title>Bench Camp</title><acronym>bench-camp</acronym>")
        .append("<start>2026-08-18</start><end>2026-08-21</end>")
        .append("<time_zone_name>Europe/Berlin</time_zone_name></conference>\n");
    String lorem =
        "Schedules change during a conference, and attendees take notes on what is on now."
            + " This abstract is long enough to look like a real one, with a few sentences about"
            + " the talk, its speakers and why you should come: parsers, time zones, sqlite,"
            + " search and the odd break between them. ";
    String abstractText = (lorem + lorem + lorem).substring(0, 600);
    int rooms = 10;
    int perRoomDay = 25;
    int id = 0;
    LocalDate day = LocalDate.of(2026, 8, 18);
    for (int d = 0; id < n; d++, day = day.plusDays(1)) {
      b.append("<day index='")
          .append(d + 1)
          .append("' date='")
          .append(day)
          .append("' start='")
          .append(day)
          .append("T04:00:00+02:00' end='")
          .append(day.plusDays(1))
          .append("T03:59:00+02:00'>\n");
      for (int r = 0; r < rooms && id < n; r++) {
        b.append("<room name='Room ").append(r + 1).append("'>\n");
        for (int k = 0; k < perRoomDay && id < n; k++, id++) {
          int minutes = 9 * 60 + k * 35;
          String hhmm = String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
          b.append("<event guid='")
              .append(UUID.nameUUIDFromBytes(("s" + id).getBytes()))
              .append("' id='")
              .append(id + 1)
              .append("'><room>Room ")
              .append(r + 1)
              .append("</room><title>Session ")
              .append(id + 1)
              .append(": on topic ")
              .append(id % 37)
              .append("</title><subtitle></subtitle><type>Talk</type><date>")
              .append(day)
              .append('T')
              .append(hhmm)
              .append(":00+02:00</date><start>")
              .append(hhmm)
              .append("</start><duration>00:30</duration><abstract>")
              .append(abstractText)
              .append("</abstract><track>Track ")
              .append(r % 4)
              .append("</track>")
              .append("<persons><person id='")
              .append(id * 2)
              .append("'>Speaker ")
              .append(id * 2)
              .append("</person><person id='")
              .append(id * 2 + 1)
              .append("'>Speaker ")
              .append(id * 2 + 1)
              .append("</person></persons><language>en</language>")
              .append("<links><link href='https://slides.example.org/")
              .append(id)
              .append(".pdf'>Slides</link></links></event>\n");
        }
        b.append("</room>\n");
      }
      b.append("</day>\n");
    }
    return b.append("</schedule>\n").toString();
  }
}
