package dev.talkbook.core.markdown;

import java.util.List;

/**
 * A note rendered as a published page shows it ({@link MarkdownRenderer#renderPage}): its sanitized
 * HTML, its headings in order, for a table of contents, and its plain-text summary when it was
 * asked for (else null).
 */
public record NotePage(String html, List<Heading> headings, String summary) {
  public NotePage {
    headings = List.copyOf(headings);
  }

  /**
   * A heading of the page: its level as shown, its {@code id}, and its HTML without links (so it
   * can itself be put in a link).
   */
  public record Heading(int level, String id, String html) {}
}
