package dev.talkbook.ui.common;

import java.util.Arrays;
import java.util.List;

/** A field where several names are typed comma separated: speakers, tags. */
public final class CommaList {
  private CommaList() {}

  /**
   * The names typed, trimmed, the empty ones left out: {@code "Ada, , Grace "} is Ada and Grace.
   */
  public static List<String> split(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
