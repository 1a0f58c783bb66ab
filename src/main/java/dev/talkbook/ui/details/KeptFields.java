package dev.talkbook.ui.details;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What the details' fields held that the notebook could not take (a link without its scheme, a time
 * half typed) or did not have yet (typed just before a kill), per talk: shown again when the talk
 * is shown again, so no typing is lost to a switch of talks or a crash. Each text goes with its
 * bases: what the notebook held of that field when it was typed (and what a save under way was
 * storing), so that a change made elsewhere since (the command line, an import, another window) is
 * not overwritten by it ({@link #sort}). A text not put back for that reason is set aside ({@link
 * #setAside}): kept until the user dismisses what the status bar says of it, or stores it, so a
 * notice closed with the window, or a second kill, does not lose it. Written out as one line of
 * text (talk id, field, text, bases; each URL-encoded; "aside:" before a text set aside) on every
 * change, so a restart, or a kill, keeps it too.
 */
final class KeptFields {
  /**
   * A field's text kept, and the field's stored texts (as the field shows them) it was typed on;
   * none known for a text an older Talkbook kept, which wrote no bases.
   */
  record Kept(String text, List<String> bases) {
    Kept {
      bases = List.copyOf(bases);
    }
  }

  /** Talk id → field name → the text it held. */
  private final Map<Long, Map<String, Kept>> kept = new LinkedHashMap<>();

  /** The talks whose texts were read from the settings (kept before this window opened). */
  private final Set<Long> fromBefore = new LinkedHashSet<>();

  /**
   * Talk id → field name → the text typed there that was not put back, its field changed since:
   * kept until the user dismisses the notice that says it ({@link #dropAside}) or stores it.
   */
  private final Map<Long, Map<String, Kept>> aside = new LinkedHashMap<>();

  /** The talks whose texts set aside were read from the settings (not said since the start). */
  private final Set<Long> asideFromBefore = new LinkedHashSet<>();

  private final Consumer<String> store;

  /** What comes before an entry set aside in the line. */
  private static final String ASIDE = "aside:";

  /** Kept from {@code saved} (the text {@link #toString} made, or ""), told to {@code store}. */
  KeptFields(String saved, Consumer<String> store) {
    this.store = store;
    for (String entry : saved.split(" ")) {
      // id:field:text, then :base for each base (an older Talkbook wrote none); the texts are
      // URL-encoded, so a colon in one is %3A. "aside:" first: set aside (an older Talkbook
      // skips it, its id not a number)
      boolean setAside = entry.startsWith(ASIDE);
      String[] parts = (setAside ? entry.substring(ASIDE.length()) : entry).split(":", -1);
      if (parts.length >= 3) {
        try {
          long id = Long.parseLong(parts[0]);
          List<String> bases = new java.util.ArrayList<>();
          for (int i = 3; i < parts.length; i++) {
            bases.add(decode(parts[i]));
          }
          (setAside ? aside : kept)
              .computeIfAbsent(id, key -> new LinkedHashMap<>())
              .put(parts[1], new Kept(decode(parts[2]), bases));
          (setAside ? asideFromBefore : fromBefore).add(id);
        } catch (IllegalArgumentException e) {
          // a line that is not this class's: nothing kept of it
        }
      }
    }
  }

  /** Kept in memory only (for a pane on its own, in tests). */
  KeptFields() {
    this("", text -> {});
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /**
   * What talk {@code id}'s fields held that could not be saved: field name → text; may be empty.
   */
  Map<String, String> of(long id) {
    Map<String, String> texts = new LinkedHashMap<>();
    kept.getOrDefault(id, Map.of()).forEach((name, k) -> texts.put(name, k.text()));
    return texts;
  }

  /** Talk {@code id}'s kept texts with their bases: field name → kept; may be empty. */
  Map<String, Kept> kept(long id) {
    return new LinkedHashMap<>(kept.getOrDefault(id, Map.of()));
  }

  /**
   * Talk {@code id}'s fields hold {@code texts} the notebook does not have, typed on the stored
   * texts {@code bases} gives for each field's name (none: forgets the talk).
   */
  void put(
      long id, Map<String, String> texts, java.util.function.Function<String, List<String>> bases) {
    Map<String, Kept> entries = new LinkedHashMap<>();
    texts.forEach((name, text) -> entries.put(name, new Kept(text, bases.apply(name))));
    put(id, entries);
  }

  /** Talk {@code id}'s fields hold {@code entries} (none: forgets the talk). */
  void put(long id, Map<String, Kept> entries) {
    Map<String, Kept> before = kept.getOrDefault(id, Map.of());
    if (before.equals(entries)) {
      return;
    }
    if (entries.isEmpty()) {
      kept.remove(id);
    } else {
      kept.put(id, new LinkedHashMap<>(entries));
    }
    store.accept(toString());
  }

  /** The talks whose fields have text kept, or set aside. */
  Set<Long> talks() {
    Set<Long> talks = new LinkedHashSet<>(kept.keySet());
    talks.addAll(aside.keySet());
    return Set.copyOf(talks);
  }

  /**
   * Talk {@code id}'s {@code entries} were not put back, their fields changed since they were
   * typed: kept aside (no longer put back, nor replaced by what is typed in the field next) until
   * {@link #dropAside} or {@link #takenAside}; an entry of a field set aside before replaces it.
   */
  void setAside(long id, Map<String, Kept> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Map<String, Kept> now = aside.computeIfAbsent(id, key -> new LinkedHashMap<>());
    Map<String, Kept> before = new LinkedHashMap<>(now);
    now.putAll(entries);
    if (!now.equals(before)) {
      store.accept(toString());
    }
  }

  /** Talk {@code id}'s texts set aside: field name → kept; may be empty. */
  Map<String, Kept> aside(long id) {
    return new LinkedHashMap<>(aside.getOrDefault(id, Map.of()));
  }

  /**
   * Whether talk {@code id}'s texts set aside were read from the settings (set aside before this
   * window opened, not yet said since): its first show says them again. Asked once: false after.
   */
  boolean asideFirstShownSinceStart(long id) {
    return asideFromBefore.remove(id);
  }

  /**
   * The user dismissed what was said of talk {@code id}'s {@code said} texts set aside: those still
   * set aside as said are no longer kept (a text set aside since in their place stays).
   */
  void dropAside(long id, Map<String, Kept> said) {
    Map<String, Kept> now = aside.get(id);
    if (now == null) {
      return;
    }
    boolean changed = now.entrySet().removeIf(e -> e.getValue().equals(said.get(e.getKey())));
    if (now.isEmpty()) {
      aside.remove(id);
    }
    if (changed) {
      store.accept(toString());
    }
  }

  /**
   * Talk {@code id}'s texts set aside that its fields now store ({@code holds}: field name, text;
   * the user typed them again): no longer kept.
   */
  void takenAside(long id, BiPredicate<String, String> holds) {
    Map<String, Kept> now = aside.get(id);
    if (now == null) {
      return;
    }
    boolean changed = now.entrySet().removeIf(e -> holds.test(e.getKey(), e.getValue().text()));
    if (now.isEmpty()) {
      aside.remove(id);
    }
    if (changed) {
      store.accept(toString());
    }
  }

  /**
   * Whether talk {@code id}'s texts were kept before this window opened (not yet shown since): a
   * window's first show of them says what it put back. Asked once: false after.
   */
  boolean firstShownSinceStart(long id) {
    return fromBefore.remove(id);
  }

  /**
   * Forgets what is kept, and set aside, of the talks {@code ids} (deleted ones); returns it, for
   * {@link #putBack}.
   */
  Forgotten forget(Collection<Long> ids) {
    Map<Long, Map<String, Kept>> texts = new LinkedHashMap<>();
    Map<Long, Map<String, Kept>> setAside = new LinkedHashMap<>();
    for (Long id : ids) {
      Map<String, Kept> k = kept.remove(id);
      if (k != null) {
        texts.put(id, k);
      }
      Map<String, Kept> a = aside.remove(id);
      if (a != null) {
        setAside.put(id, a);
      }
    }
    if (!texts.isEmpty() || !setAside.isEmpty()) {
      store.accept(toString());
    }
    return new Forgotten(texts, setAside);
  }

  /**
   * What {@link #forget} forgot: talk id → field name → kept, of the texts kept and of those set
   * aside.
   */
  record Forgotten(Map<Long, Map<String, Kept>> kept, Map<Long, Map<String, Kept>> aside) {}

  /**
   * Keeps again what {@link #forget} returned (the talks are back); a talk that has texts kept (or
   * set aside) again meanwhile keeps those.
   */
  void putBack(Forgotten forgotten) {
    boolean changed = false;
    for (var e : forgotten.kept().entrySet()) {
      if (!kept.containsKey(e.getKey())) {
        kept.put(e.getKey(), new LinkedHashMap<>(e.getValue()));
        changed = true;
      }
    }
    for (var e : forgotten.aside().entrySet()) {
      if (!aside.containsKey(e.getKey())) {
        aside.put(e.getKey(), new LinkedHashMap<>(e.getValue()));
        changed = true;
      }
    }
    if (changed) {
      store.accept(toString());
    }
  }

  /**
   * What becomes of a talk's kept texts ({@code entries}) when it is shown again, field by field:
   * {@code putBack}, the texts typed on what the field still stores (or kept by an older Talkbook,
   * which wrote no bases: put back, as it did); {@code changedSince}, those whose field the
   * notebook changed since they were typed (not put back: a change made elsewhere is not
   * overwritten); those the field stores already ({@code holds}: field name, text) are neither.
   * {@code stored} gives a field's stored text as the field shows it.
   */
  static Sorted sort(
      Map<String, Kept> entries, UnaryOperator<String> stored, BiPredicate<String, String> holds) {
    Map<String, String> putBack = new LinkedHashMap<>();
    Map<String, Kept> changedSince = new LinkedHashMap<>();
    entries.forEach(
        (name, k) -> {
          if (holds.test(name, k.text())) {
            return; // stored already (however spelled): nothing to put back
          }
          if (k.bases().isEmpty() || k.bases().contains(stored.apply(name))) {
            putBack.put(name, k.text());
          } else {
            changedSince.put(name, k);
          }
        });
    return new Sorted(putBack, changedSince);
  }

  /** See {@link #sort}. */
  record Sorted(Map<String, String> putBack, Map<String, Kept> changedSince) {}

  /**
   * One line: "id:field:text:base…" entries, each URL-encoded, separated by spaces; "aside:" before
   * those set aside.
   */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder();
    append(line, "", kept);
    append(line, ASIDE, aside);
    return line.toString();
  }

  private static void append(StringBuilder line, String prefix, Map<Long, Map<String, Kept>> all) {
    all.forEach(
        (id, texts) ->
            texts.forEach(
                (field, k) -> {
                  if (line.length() > 0) {
                    line.append(' ');
                  }
                  line.append(prefix).append(id).append(':').append(field).append(':');
                  line.append(encode(k.text()));
                  for (String base : k.bases()) {
                    line.append(':').append(encode(base));
                  }
                }));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
