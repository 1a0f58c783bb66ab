package dev.talkbook.ui.details;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the details' fields held that the notebook could not take (a link without its scheme, a time
 * half typed), per talk: shown again, with its problem, when the talk is shown again, so no typing
 * is lost to a switch of talks. Written out as one line of text (talk id, field, text; the text
 * URL-encoded) on every change, so a restart, or a kill, keeps it too.
 */
final class KeptFields {
  /** Talk id → field name → the text it held. */
  private final Map<Long, Map<String, String>> kept = new LinkedHashMap<>();

  private final Consumer<String> store;

  /** Kept from {@code saved} (the text {@link #toString} made, or ""), told to {@code store}. */
  KeptFields(String saved, Consumer<String> store) {
    this.store = store;
    for (String entry : saved.split(" ")) {
      String[] parts = entry.split(":", 3);
      if (parts.length == 3) {
        try {
          kept.computeIfAbsent(Long.parseLong(parts[0]), id -> new LinkedHashMap<>())
              .put(parts[1], URLDecoder.decode(parts[2], StandardCharsets.UTF_8));
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

  /**
   * What talk {@code id}'s fields held that could not be saved: field name → text; may be empty.
   */
  Map<String, String> of(long id) {
    return Map.copyOf(kept.getOrDefault(id, Map.of()));
  }

  /** Talk {@code id}'s fields hold {@code texts} that cannot be saved (none: forgets the talk). */
  void put(long id, Map<String, String> texts) {
    Map<String, String> before = kept.getOrDefault(id, Map.of());
    if (before.equals(texts)) {
      return;
    }
    if (texts.isEmpty()) {
      kept.remove(id);
    } else {
      kept.put(id, new LinkedHashMap<>(texts));
    }
    store.accept(toString());
  }

  /** The talks whose fields have text kept. */
  java.util.Set<Long> talks() {
    return java.util.Set.copyOf(kept.keySet());
  }

  /**
   * Forgets what is kept of the talks {@code ids} (deleted ones); returns it, talk id → field name
   * → text, for {@link #putBack}.
   */
  Map<Long, Map<String, String>> forget(java.util.Collection<Long> ids) {
    Map<Long, Map<String, String>> forgotten = new LinkedHashMap<>();
    for (Long id : ids) {
      Map<String, String> texts = kept.remove(id);
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
  void putBack(Map<Long, Map<String, String>> forgotten) {
    boolean changed = false;
    for (Map.Entry<Long, Map<String, String>> e : forgotten.entrySet()) {
      if (!kept.containsKey(e.getKey())) {
        kept.put(e.getKey(), new LinkedHashMap<>(e.getValue()));
        changed = true;
      }
    }
    if (changed) {
      store.accept(toString());
    }
  }

  /** One line: "id:field:text" entries, the text URL-encoded, separated by spaces. */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder();
    kept.forEach(
        (id, texts) ->
            texts.forEach(
                (field, text) -> {
                  if (line.length() > 0) {
                    line.append(' ');
                  }
                  line.append(id)
                      .append(':')
                      .append(field)
                      .append(':')
                      .append(URLEncoder.encode(text, StandardCharsets.UTF_8));
                }));
    return line.toString();
  }
}
