package dev.talkbook.core.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Loads the app's own resources; a missing one is a broken build, so it fails loudly. */
public final class Resources {
  private Resources() {}

  /** The UTF-8 text of a resource, relative to {@code anchor}'s package or absolute with '/'. */
  public static String text(Class<?> anchor, String name) {
    return find(anchor, name)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "resource " + name + " (next to " + anchor.getName() + ") is missing"));
  }

  /** The UTF-8 text of a resource, or empty when there is none by that name. */
  public static Optional<String> find(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }
}
