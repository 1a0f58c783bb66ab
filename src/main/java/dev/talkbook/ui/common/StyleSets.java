package dev.talkbook.ui.common;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A text area's style-class sets with one class more, made once each: a restyle at every keystroke
 * then makes no new set, and its comparison with the styles shown finds the very same set where
 * nothing changed. There are a few dozen combinations of the highlighter's classes.
 */
public final class StyleSets {
  private static final Map<String, Map<Set<String>, Set<String>>> WITH = new ConcurrentHashMap<>();

  private StyleSets() {}

  /** {@code classes} and {@code extra}, the same set for equal arguments. */
  public static Set<String> with(Set<String> classes, String extra) {
    return WITH.computeIfAbsent(extra, e -> new ConcurrentHashMap<>())
        .computeIfAbsent(
            classes,
            c -> {
              Set<String> with = new HashSet<>(c);
              with.add(extra);
              return Set.copyOf(with);
            });
  }
}
