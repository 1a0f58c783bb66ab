package dev.talkbook.core.notebook;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How notes link to another talk of the notebook: {@code talk:<id>}, with a heading of its notes
 * after {@code #} when the link names one ({@code [the next talk](talk:12#demo)}). A talk's id is
 * never given twice (migration V005) and stays with the talk through renames and moves, so the link
 * follows the talk. The preview opens that talk on a click; the site links its page; a Markdown
 * export writes the relative path of its file, which an import turns back into this form.
 */
public record TalkLink(long talkId, String fragment) {
  public static final String SCHEME = "talk:";
  private static final Pattern FORM = Pattern.compile("talk:(\\d{1,18})(?:#(\\S*))?");

  public TalkLink {
    if (talkId <= 0) {
      throw new IllegalArgumentException("not a talk id: " + talkId);
    }
    fragment = fragment == null || fragment.isEmpty() ? null : fragment;
  }

  /** A link to the talk itself. */
  public TalkLink(long talkId) {
    this(talkId, null);
  }

  /** The URL to put in Markdown. */
  public String url() {
    return SCHEME + talkId + (fragment == null ? "" : "#" + fragment);
  }

  /** {@code suffix} ("#demo", or "" for none): what follows a page's address for this link. */
  public String suffix() {
    return fragment == null ? "" : "#" + fragment;
  }

  /**
   * The Markdown for a link to a talk called {@code title}: {@code [title](talk:id)}, the title's
   * brackets and backslashes escaped so that the link text reads as the title.
   */
  public static String markdown(long talkId, String title) {
    return new TalkLink(talkId).markdown(title);
  }

  /**
   * The Markdown for this link shown as {@code text}: {@code [text](talk:id#heading)}, the text's
   * brackets and backslashes escaped so that the link reads as {@code text}.
   */
  public String markdown(String text) {
    String label = text.replaceAll("([\\[\\]\\\\])", "\\\\$1");
    return "[" + label + "](" + url() + ")";
  }

  /** Parses a URL of this form (case of the scheme ignored); anything else is empty. */
  public static Optional<TalkLink> parse(String url) {
    if (url == null) {
      return Optional.empty();
    }
    String s = url.strip();
    if (s.length() < SCHEME.length() || !s.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(SCHEME + s.substring(SCHEME.length()));
    if (!m.matches()) {
      return Optional.empty();
    }
    long id = Long.parseLong(m.group(1));
    return id <= 0 ? Optional.empty() : Optional.of(new TalkLink(id, m.group(2)));
  }
}
