package dev.talkbook.core.site;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Talks with titles like real conference talks (inflected words, stop words, punctuation such as
 * {@code ' + = @ & : ?}, accents, other scripts) and notes that use the titles' words in other
 * forms, for replaying searches against the exported site. Seeded: the same every time.
 */
final class SearchCorpus {
  private static final String[] TOPICS = {
    "testing",
    "deployment",
    "diversity",
    "keynote",
    "microservices",
    "observability",
    "concurrency",
    "accessibility",
    "security",
    "refactoring",
    "performance",
    "databases",
    "containers",
    "monitoring",
    "debugging",
    "onboarding",
    "documentation",
    "migrations",
    "caching",
    "streaming",
    "profiling",
    "benchmarks",
    "compilers",
    "generics",
    "records",
    "modules",
    "serialization",
    "logging",
    "localization",
    "inclusion",
    "mentoring",
    "architecture",
    "scalability",
    "reliability",
    "experiments",
    "queries",
    "indexes",
  };
  private static final String[] TECH = {
    "Java", "Kotlin", "GraalVM", "Spring", "Quarkus", "SQLite", "PostgreSQL", "Kafka", "JavaFX",
    "Gradle", "Maven", "Kubernetes", "Docker", "C++", "C#", "Node.js", "TypeScript", "Rust",
    "WebAssembly", "JShell", "Loom", "Valhalla", "Panama", "OpenJDK", "Jakarta EE",
  };
  private static final String[] TEMPLATES = {
    "%T in practice: what we learned",
    "How we do %t with %X",
    "Keynote: the future of %t",
    "%T and %t — a love story",
    "Don't fear the %s",
    "What's new in %X %n?",
    "A gentle introduction to %t",
    "%X for people who hate %t",
    "%X's %t, explained",
    "Lessons from %n years of %t at O'Reilly",
    "@%X: %t + %t = %s",
    "Diversity & inclusion in the %X community",
    "Café talk: naïve %t über alles",
    "Testing %X applications without tears",
    "Deploying %X on a Friday",
    "Why %t matters (and why it doesn't)",
    "From zero to %t with %X and %X",
    "Обзор %X: %t",
    "Ship it! Continuous %t for %X teams",
    "%T, %t & %t: a panel",
  };
  private static final String[] FORMS = {
    "tested",
    "tests",
    "deployed",
    "deploys",
    "diverse",
    "keynotes",
    "microservice",
    "observe",
    "concurrent",
    "accessible",
    "secure",
    "refactored",
    "performant",
    "database",
    "container",
    "monitored",
    "debugged",
    "documented",
    "migrated",
    "cached",
    "streamed",
    "profiled",
    "benchmark",
    "compiler",
    "generic",
    "recorded",
    "module",
    "serialize",
    "logged",
    "localized",
    "inclusive",
    "mentors",
    "architectures",
    "scaling",
    "reliable",
    "experiment",
    "query",
    "index",
  };
  private static final String[] FILLER = {
    "the",
    "team",
    "started",
    "with",
    "a",
    "small",
    "service",
    "and",
    "then",
    "it",
    "grew",
    "faster",
    "than",
    "anyone",
    "expected",
    "we",
    "measured",
    "everything",
    "twice",
    "before",
    "shipping",
    "people",
    "asked",
    "questions",
    "about",
    "tooling",
    "costs",
    "trade-offs",
    "naïve",
    "résumé",
    "Straße",
    "日本語",
    "Привет",
    "x²",
    "well-known",
    "don't",
  };

  private SearchCorpus() {}

  /** A talk made: its id and title. */
  record Made(long id, String title) {}

  /** Adds {@code talks} talks over events of 25 talks; returns them in order. */
  static List<Made> fill(Notebook notebook, int talks) {
    Random random = new Random(13);
    List<Made> made = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    notebook.inTransaction(
        () -> {
          Event event = null;
          for (int i = 0; i < talks; i++) {
            if (i % 25 == 0) {
              LocalDate day = LocalDate.of(2024, 1, 10).plusDays(i / 25 * 14L);
              event =
                  notebook
                      .events()
                      .create(
                          new Event.Details(
                              "Conference "
                                  + (i / 25 + 1)
                                  + " ("
                                  + TECH[i / 25 % TECH.length]
                                  + ")",
                              day,
                              day.plusDays(1),
                              null,
                              null));
            }
            String title = title(random);
            while (!titles.add(title.toLowerCase(java.util.Locale.ROOT))) {
              title = title(random);
            }
            Talk t =
                notebook
                    .talks()
                    .create(
                        event.id(),
                        new Talk.Details(
                            title,
                            List.of(
                                "Speaker "
                                    + (char) ('A' + random.nextInt(26))
                                    + random.nextInt(90)),
                            null,
                            null,
                            null,
                            null,
                            List.of(pick(random, TOPICS), pick(random, TECH).toLowerCase())),
                        body(random, title));
            made.add(new Made(t.id(), title));
          }
          return null;
        });
    return made;
  }

  private static String title(Random random) {
    String template = pick(random, TEMPLATES);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '%' && i + 1 < template.length()) {
        char kind = template.charAt(++i);
        String topic = pick(random, TOPICS);
        b.append(
            switch (kind) {
              case 'T' -> Character.toUpperCase(topic.charAt(0)) + topic.substring(1);
              case 't' -> topic;
              case 's' -> topic.replaceAll("s$", "");
              case 'X' -> pick(random, TECH);
              case 'n' -> String.valueOf(2 + random.nextInt(20));
              default -> throw new IllegalStateException("template " + template);
            });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String body(Random random, String title) {
    StringBuilder b = new StringBuilder("# " + title + "\n\n");
    for (int s = 0; s < 3; s++) {
      b.append("## ").append(pick(random, FORMS)).append(' ').append(pick(random, FILLER));
      b.append("\n\n");
      for (int l = 0; l < 6; l++) {
        b.append("- ");
        for (int w = 0; w < 9; w++) {
          b.append(random.nextInt(3) == 0 ? pick(random, FORMS) : pick(random, FILLER));
          b.append(' ');
        }
        b.append("[link](https://example.org/").append(pick(random, FORMS)).append(")\n");
      }
      b.append('\n');
    }
    b.append("```java\nvar ").append(pick(random, FORMS)).append(" = List.of();\n```\n");
    return b.toString();
  }

  private static String pick(Random random, String[] words) {
    return words[random.nextInt(words.length)];
  }
}
