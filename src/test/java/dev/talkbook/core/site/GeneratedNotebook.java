package dev.talkbook.core.site;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

/** A notebook of many made-up talks with varied notes, the same every time (seeded). */
final class GeneratedNotebook {
  private static final String[] WORDS = {
    "virtual",
    "threads",
    "records",
    "sealed",
    "pattern",
    "matching",
    "garbage",
    "collector",
    "latency",
    "throughput",
    "sqlite",
    "index",
    "query",
    "planner",
    "javafx",
    "layout",
    "render",
    "outline",
    "markdown",
    "parser",
    "compiler",
    "bytecode",
    "jit",
    "profiling",
    "heap",
    "stack",
    "module",
    "service",
    "cloud",
    "native",
    "image",
    "über",
    "café",
    "naïve",
    "日本語",
    "Привет"
  };
  private static final String[] TAGS = {
    "java", "jvm", "databases", "ui", "performance", "tools", "C#"
  };

  private GeneratedNotebook() {}

  /** Adds {@code talks} talks in events of {@code perEvent} talks each. */
  static void fill(Notebook notebook, int talks, int perEvent) {
    Random random = new Random(42);
    notebook.inTransaction(
        () -> {
          Event event = null;
          for (int i = 0; i < talks; i++) {
            if (i % perEvent == 0) {
              LocalDate day = LocalDate.of(2020, 1, 1).plusDays(i / perEvent * 7L);
              event =
                  notebook
                      .events()
                      .create(
                          new Event.Details(
                              "Meetup " + (i / perEvent + 1), day, day, "Hall " + (i % 3), null));
            }
            LocalDate day = event.startDate();
            String title =
                word(random) + " " + word(random) + " " + (i % 7 == 0 ? "" : "talk " + i);
            notebook
                .talks()
                .create(
                    event.id(),
                    new Talk.Details(
                        title,
                        List.of("Speaker " + random.nextInt(200)),
                        LocalDateTime.of(day, java.time.LocalTime.of(18 + i % 4, (i % 2) * 30)),
                        i % 2 == 0 ? "Room A" : null,
                        i % 5 == 0 ? "https://example.org/slides/" + i : null,
                        null,
                        List.of(TAGS[i % TAGS.length], TAGS[(i * 3 + 1) % TAGS.length])),
                    body(random, i));
          }
          return null;
        });
  }

  static String body(Random random, int i) {
    StringBuilder b = new StringBuilder("# Notes " + i + "\n\n");
    for (int s = 0; s < 3; s++) {
      b.append("## Section ").append(s + 1).append("\n\n");
      for (int l = 0; l < 5; l++) {
        b.append("- ");
        for (int w = 0; w < 8; w++) {
          b.append(word(random)).append(' ');
        }
        b.append("\n  - ").append(word(random)).append(" `code` **bold**\n");
      }
      b.append('\n');
    }
    if (i % 4 == 0) {
      b.append("```java\nSystem.out.println(\"talk ")
          .append(i)
          .append("\");\n```\n\n```output\ntalk ")
          .append(i)
          .append("\n```\n");
    }
    return b.toString();
  }

  private static String word(Random random) {
    return WORDS[random.nextInt(WORDS.length)];
  }
}
