package dev.talkbook.bench.store;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A generated notebook's content: events, and talks with speakers, tags and about 5 KB of Markdown
 * notes each (headings, nested bullets, inline code, bold, code blocks). The same size and seed
 * always give the same corpus, byte for byte.
 */
public final class TalkCorpus {
  /** The benchmark's seed. Change it and the figures are no longer comparable with earlier runs. */
  public static final long SEED = 20_261_124L;

  /** One talk to create: the index of its event in {@link #events()}, its details and notes. */
  public record TalkSpec(int eventIndex, Talk.Details details, String body) {}

  private static final String[] CITIES = {
    "Oslo",
    "Antwerp",
    "Atlanta",
    "St. Louis",
    "Portland",
    "Amsterdam",
    "Brussels",
    "Aarhus",
    "Oslo",
    "Berlin"
  };
  private static final int[] MONTHS = {9, 10, 3, 9, 8, 4, 2, 10, 6, 6};

  private final List<Event.Details> events;
  private final List<TalkSpec> talks;

  private TalkCorpus(List<Event.Details> events, List<TalkSpec> talks) {
    this.events = events;
    this.talks = talks;
  }

  public List<Event.Details> events() {
    return events;
  }

  public List<TalkSpec> talks() {
    return talks;
  }

  /** The same events with only the first {@code count} talks. */
  public TalkCorpus first(int count) {
    return new TalkCorpus(events, talks.subList(0, count));
  }

  /** Total characters of notes. */
  public long bodyChars() {
    return talks.stream().mapToLong(t -> t.body().length()).sum();
  }

  /**
   * {@code talkCount} talks spread evenly over {@code eventCount} events (ten conference series,
   * one event a year), in the order they are inserted: event by event.
   */
  public static TalkCorpus generate(int eventCount, int talkCount, long seed) {
    List<Event.Details> events = new ArrayList<>();
    for (int i = 0; i < eventCount; i++) {
      int series = i % Vocabulary.EVENT_SERIES.size();
      int year = 2015 + i / Vocabulary.EVENT_SERIES.size();
      LocalDate start = LocalDate.of(year, MONTHS[series], 10 + series);
      String name = Vocabulary.EVENT_SERIES.get(series);
      events.add(
          new Event.Details(
              name + " " + year,
              start,
              start.plusDays(2),
              CITIES[series],
              "https://" + slug(name) + ".example.org/" + year + "/"));
    }
    Writer writer = new Writer(seed);
    List<TalkSpec> talks = new ArrayList<>(talkCount);
    for (int k = 0; k < talkCount; k++) {
      int eventIndex = (int) ((long) k * eventCount / talkCount);
      int firstOfEvent = (int) (((long) eventIndex * talkCount + eventCount - 1) / eventCount);
      talks.add(writer.talk(k, eventIndex, k - firstOfEvent, events.get(eventIndex)));
    }
    return new TalkCorpus(List.copyOf(events), List.copyOf(talks));
  }

  static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  /** Writes talks; holds the vocabulary and its samplers. */
  private static final class Writer {
    private final long seed;
    private final Zipf<String> words;
    private final Zipf<String> techTerms;
    private final Zipf<String> speakers;
    private final Zipf<String> tags;
    private final List<String> identifiers;

    Writer(long seed) {
      this.seed = seed;
      this.words = new Zipf<>(Vocabulary.rankedWords(seed), 1.07, 2.7);
      List<String> tech = new ArrayList<>(Vocabulary.TECH_TERMS);
      Collections.shuffle(tech, new Random(seed + 2));
      this.techTerms = new Zipf<>(tech, 1.0, 10);
      List<String> names = new ArrayList<>();
      for (String first : Vocabulary.FIRST_NAMES) {
        for (String last : Vocabulary.LAST_NAMES) {
          names.add(first + " " + last);
        }
      }
      Collections.shuffle(names, new Random(seed + 3));
      this.speakers = new Zipf<>(names.subList(0, 800), 0.6, 10);
      List<String> tagList = new ArrayList<>(Vocabulary.TAGS);
      Collections.shuffle(tagList, new Random(seed + 4));
      this.tags = new Zipf<>(tagList, 0.8, 3);
      List<String> ids = new ArrayList<>();
      for (List<String> list : List.of(Vocabulary.GENERAL_WORDS, Vocabulary.TECH_TERMS)) {
        for (String w : list) {
          if (w.matches("[a-z]{3,}")) {
            ids.add(w);
          }
        }
      }
      this.identifiers = List.copyOf(ids);
    }

    TalkSpec talk(int k, int eventIndex, int indexInEvent, Event.Details event) {
      Random r = new Random(seed * 1_000_003L + k);
      List<String> topic = new ArrayList<>();
      while (topic.size() < 3) {
        String t = techTerms.next(r);
        if (!topic.contains(t)) {
          topic.add(t);
        }
      }
      topic.add(pick(r, Vocabulary.TECH_PHRASES));
      String title = title(r, topic);
      int speakerCount = r.nextInt(100) < 80 ? 1 : r.nextInt(100) < 85 ? 2 : 3;
      List<String> talkSpeakers = new ArrayList<>();
      while (talkSpeakers.size() < speakerCount) {
        String s = speakers.next(r);
        if (!talkSpeakers.contains(s)) {
          talkSpeakers.add(s);
        }
      }
      int tagCount = 1 + r.nextInt(3);
      List<String> talkTags = new ArrayList<>();
      while (talkTags.size() < tagCount) {
        String t = tags.next(r);
        if (!talkTags.contains(t)) {
          talkTags.add(t);
        }
      }
      int day = indexInEvent / 96;
      int slot = (indexInEvent % 96) / 8;
      LocalDateTime startsAt = event.startDate().plusDays(day).atTime(9, 0).plusMinutes(45L * slot);
      String room = Vocabulary.ROOMS.get(indexInEvent % Vocabulary.ROOMS.size());
      String slides =
          r.nextInt(100) < 60
              ? "https://slides.example.org/" + slug(event.title()) + "/" + indexInEvent
              : null;
      String video =
          r.nextInt(100) < 40 ? "https://video.example.org/watch?v=" + Long.toHexString(k) : null;
      Talk.Details details =
          new Talk.Details(title, talkSpeakers, startsAt, room, slides, video, talkTags);
      return new TalkSpec(eventIndex, details, notes(r, title, talkSpeakers, topic));
    }

    private String title(Random r, List<String> topic) {
      String a = topic.get(0);
      String b = topic.get(1);
      String phrase = topic.get(3);
      return switch (r.nextInt(10)) {
        case 0 -> capitalize(a) + " in practice";
        case 1 -> pick(r, Vocabulary.TITLE_ADJECTIVES) + " " + a + " with " + b;
        case 2 -> "What we learned running " + a + " at scale";
        case 3 -> "From " + a + " to " + b + ": a migration story";
        case 4 -> capitalize(phrase) + " without tears";
        case 5 -> "Debugging " + a + " in production";
        case 6 -> "A tour of " + a + " and the " + phrase;
        case 7 -> (3 + r.nextInt(10)) + " lessons from " + a;
        case 8 -> "Why your " + phrase + " is slow";
        default -> "Building " + a + " on " + b;
      };
    }

    private String notes(Random r, String title, List<String> talkSpeakers, List<String> topic) {
      StringBuilder sb = new StringBuilder(6_000);
      sb.append("# ").append(title).append("\n\n");
      sb.append("Speaker: ")
          .append(String.join(", ", talkSpeakers))
          .append(". ")
          .append(sentence(r, topic))
          .append("\n\n");
      int target = 4_100 + r.nextInt(800);
      while (sb.length() < target) {
        section(r, sb, topic);
      }
      return sb.toString();
    }

    private void section(Random r, StringBuilder sb, List<String> topic) {
      sb.append("## ").append(heading(r, topic)).append("\n\n");
      int bullets = 2 + r.nextInt(4);
      for (int i = 0; i < bullets; i++) {
        sb.append("- ").append(sentence(r, topic)).append('\n');
        int children = r.nextInt(4);
        for (int j = 0; j < children; j++) {
          sb.append("  - ").append(sentence(r, topic)).append('\n');
          int grandchildren = r.nextInt(100) < 30 ? 1 + r.nextInt(2) : 0;
          for (int g = 0; g < grandchildren; g++) {
            sb.append("    - ").append(sentence(r, topic)).append('\n');
          }
        }
      }
      sb.append('\n');
      if (r.nextInt(100) < 25) {
        sb.append(sentence(r, topic)).append(' ').append(sentence(r, topic)).append("\n\n");
      }
      if (r.nextInt(100) < 30) {
        codeBlock(r, sb);
      }
    }

    private String heading(Random r, List<String> topic) {
      return switch (r.nextInt(12)) {
        case 0 -> "Key points";
        case 1 -> "Demo";
        case 2 -> "Takeaways";
        case 3 -> "Q&A";
        case 4 -> "Open questions";
        case 5 -> "How " + topic.get(r.nextInt(3)) + " works";
        case 6 -> capitalize(topic.get(3)) + " in detail";
        case 7 -> "Lessons learned";
        case 8 -> "Numbers";
        case 9 -> "Pitfalls";
        case 10 -> pick(r, Vocabulary.TITLE_ADJECTIVES) + " " + topic.get(r.nextInt(3));
        default -> "Notes on " + words.next(r) + " and " + topic.get(r.nextInt(4));
      };
    }

    private String sentence(Random r, List<String> topic) {
      int n = 5 + r.nextInt(12);
      StringBuilder sb = new StringBuilder(n * 8);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          sb.append(' ');
        }
        int roll = r.nextInt(100);
        String w;
        if (roll < 6) {
          w = topic.get(r.nextInt(topic.size()));
        } else if (roll < 7) {
          w = pick(r, Vocabulary.TECH_PHRASES);
        } else if (roll < 10) {
          w = techTerms.next(r);
        } else if (roll < 13) {
          w = number(r);
        } else {
          w = words.next(r);
        }
        int style = r.nextInt(100);
        if (style < 4) {
          w = "`" + identifier(r) + "`";
        } else if (style < 7) {
          w = "**" + w + "**";
        } else if (style < 9) {
          w = "*" + w + "*";
        }
        sb.append(w);
      }
      sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
      int end = r.nextInt(20);
      sb.append(end == 0 ? "?" : end == 1 ? ":" : ".");
      return sb.toString();
    }

    private String number(Random r) {
      return switch (r.nextInt(6)) {
        case 0 -> (1 + r.nextInt(500)) + " ms";
        case 1 -> (2 + r.nextInt(20)) + "x";
        case 2 -> (1 + r.nextInt(100)) + "k";
        case 3 -> "99." + r.nextInt(10) + "%";
        case 4 -> (1 + r.nextInt(64)) + " GB";
        default -> String.valueOf(2000 + r.nextInt(30));
      };
    }

    private String identifier(Random r) {
      String a = pick(r, identifiers);
      String b = pick(r, identifiers);
      return switch (r.nextInt(4)) {
        case 0 -> a + capitalize(b);
        case 1 -> capitalize(a) + capitalize(b);
        case 2 -> a + "_" + b;
        default -> a + capitalize(b) + "()";
      };
    }

    private void codeBlock(Random r, StringBuilder sb) {
      String a = pick(r, identifiers);
      String b = pick(r, identifiers);
      String c = pick(r, identifiers);
      String type = capitalize(pick(r, identifiers)) + capitalize(pick(r, identifiers));
      int n = 1 + r.nextInt(1000);
      switch (r.nextInt(5)) {
        case 0 ->
            sb.append("```java\n")
                .append("var ")
                .append(a)
                .append(" = ")
                .append(type)
                .append(".create(")
                .append(n)
                .append(");\n")
                .append("try (var ")
                .append(b)
                .append(" = ")
                .append(a)
                .append(".open()) {\n")
                .append("    ")
                .append(b)
                .append('.')
                .append(c)
                .append("(\"")
                .append(words.next(r))
                .append("\", Duration.ofMillis(")
                .append(n)
                .append("));\n")
                .append("}\n");
        case 1 ->
            sb.append("```python\n")
                .append("def ")
                .append(a)
                .append('(')
                .append(b)
                .append(", ")
                .append(c)
                .append('=')
                .append(n)
                .append("):\n")
                .append("    for item in ")
                .append(b)
                .append(":\n")
                .append("        if item.")
                .append(c)
                .append(" > ")
                .append(n)
                .append(":\n")
                .append("            yield item\n");
        case 2 ->
            sb.append("```sql\n")
                .append("SELECT ")
                .append(a)
                .append(", count(*) FROM ")
                .append(b)
                .append('\n')
                .append("WHERE ")
                .append(c)
                .append(" > ")
                .append(n)
                .append('\n')
                .append("GROUP BY ")
                .append(a)
                .append(" ORDER BY 2 DESC;\n");
        case 3 ->
            sb.append("```bash\n")
                .append("$ ")
                .append(a)
                .append(' ')
                .append(b)
                .append(" --")
                .append(c)
                .append('=')
                .append(n)
                .append('\n')
                .append(b)
                .append(": ")
                .append(n)
                .append(" ok, 0 failed\n");
        default ->
            sb.append("```yaml\n")
                .append(a)
                .append(":\n  ")
                .append(b)
                .append(": ")
                .append(n)
                .append("\n  ")
                .append(c)
                .append(": true\n");
      }
      sb.append("```\n\n");
    }

    private static String pick(Random r, List<String> list) {
      return list.get(r.nextInt(list.size()));
    }

    private static String capitalize(String s) {
      return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
  }
}
