package dev.talkbook.core.markdown;

import java.util.List;

/**
 * A note rendered as a published page shows it ({@link MarkdownRenderer#renderPage}): its sanitized
 * HTML, its headings in order, for a table of contents, its plain-text summary when it was asked
 * for (else null), and the file names of the images it shows as missing (the notebook does not hold
 * them), each once.
 */
public record NotePage(
    String html, List<Heading> headings, String summary, List<String> missingImages) {
  public NotePage {
    headings = List.copyOf(headings);
    missingImages = List.copyOf(missingImages);
  }

  /**
   * A heading of the page: its level as shown, its {@code id}, and its HTML without links (so it
   * can itself be put in a link).
   */
  /**
   * Under the time and room of a talk the programme no longer lists, on its published page: the
   * site's and live share's.
   */
  public static final String CANCELLED_NOTE =
      "<p class=\"cancelled-note\"><strong>Cancelled.</strong> This talk is no longer in the"
          + " conference’s programme.</p>\n";

  public record Heading(int level, String id, String html) {}
}
