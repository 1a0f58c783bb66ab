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
 * not overwritten by it ({@link #sort}). Written out as one line of text (talk id, field, text,
 * bases; each URL-encoded) on every change, so a restart, or a kill, keeps it too.
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

  private final Consumer<String> store;

  /** Kept from {@code saved} (the text {@link #toString} made, or ""), told to {@code store}. */
  KeptFields(String saved, Consumer<String> store) {
    this.store = store;
    for (String entry : saved.split(" ")) {
      // id:field:text, then :base for each base (an older Talkbook wrote none); the texts are
      // URL-encoded, so a colon in one is %3A
      String[] parts = entry.split(":", -1);
      if (parts.length >= 3) {
        try {
          long id = Long.parseLong(parts[0]);
          List<String> bases = new java.util.ArrayList<>();
          for (int i = 3; i < parts.length; i++) {
            bases.add(decode(parts[i]));
          }
          kept.computeIfAbsent(id, key -> new LinkedHashMap<>())
              .put(parts[1], new Kept(decode(parts[2]), bases));
          fromBefore.add(id);
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

  /** The talks whose fields have text kept. */
  Set<Long> talks() {
    return Set.copyOf(kept.keySet());
  }

  /**
   * Whether talk {@code id}'s texts were kept before this window opened (not yet shown since): a
   * window's first show of them says what it put back. Asked once: false after.
   */
  boolean firstShownSinceStart(long id) {
    return fromBefore.remove(id);
  }

  /**
   * Forgets what is kept of the talks {@code ids} (deleted ones); returns it, talk id → field name
   * → kept, for {@link #putBack}.
   */
  Map<Long, Map<String, Kept>> forget(Collection<Long> ids) {
    Map<Long, Map<String, Kept>> forgotten = new LinkedHashMap<>();
    for (Long id : ids) {
      Map<String, Kept> texts = kept.remove(id);
      if (texts != null) {
        forgotten.put(id, texts);
      }
    }
    if (!forgotten.isEmpty()) {
      store.accept(toString());
    }
    return forgotten;
  }

  /**
   * Keeps again what {@link #forget} returned (the talks are back); a talk that has texts kept
   * again meanwhile keeps those.
   */
  void putBack(Map<Long, Map<String, Kept>> forgotten) {
    boolean changed = false;
    for (Map.Entry<Long, Map<String, Kept>> e : forgotten.entrySet()) {
      if (!kept.containsKey(e.getKey())) {
        kept.put(e.getKey(), new LinkedHashMap<>(e.getValue()));
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

  /** One line: "id:field:text:base…" entries, each URL-encoded, separated by spaces. */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder();
    kept.forEach(
        (id, texts) ->
            texts.forEach(
                (field, k) -> {
                  if (line.length() > 0) {
                    line.append(' ');
                  }
                  line.append(id).append(':').append(field).append(':').append(encode(k.text()));
                  for (String base : k.bases()) {
                    line.append(':').append(encode(base));
                  }
                }));
    return line.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
