package dev.talkbook.core.markdown;

import java.util.Locale;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list for raw HTML in notes (ADR 0007): the elements commonmark itself writes plus a few
 * harmless ones people type into notes ({@code kbd}, {@code sub}, {@code details}, ...). No
 * scripts, styles, frames, forms, event handlers or {@code style} attributes; links only to web,
 * mail, in-page, relative and {@code attachment:} addresses; images also from {@code
 * data:image/...;base64}.
 */
final class NoteHtmlPolicy {
  private NoteHtmlPolicy() {}

  private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
  private static final Pattern LANGUAGE_CLASS = Pattern.compile("language-[\\w+#.-]{1,40}");
  private static final Pattern ALIGN = Pattern.compile("left|right|center");
  private static final Pattern SAFE_IMAGE_DATA =
      Pattern.compile("data:image/(png|jpeg|gif|webp|svg\\+xml);base64,[A-Za-z0-9+/=\\s]*");

  static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "ul",
              "ol",
              "li",
              "blockquote",
              "pre",
              "code",
              "em",
              "strong",
              "del",
              "s",
              "a",
              "img",
              "table",
              "thead",
              "tbody",
              "tfoot",
              "tr",
              "th",
              "td",
              "caption",
              "hr",
              "br",
              "span",
              "div",
              "sub",
              "sup",
              "kbd",
              "mark",
              "details",
              "summary",
              "dl",
              "dt",
              "dd",
              "abbr",
              "ins",
              "small",
              "b",
              "i",
              "u",
              "q",
              "figure",
              "figcaption",
              "input")
          .allowUrlProtocols("http", "https", "mailto", "attachment", "data")
          .allowAttributes("href")
          .matching(
              (element, attribute, value) -> MarkdownRenderer.SafeUrls.safe(value) ? value : null)
          .onElements("a")
          .allowAttributes("rel")
          .matching(Pattern.compile("nofollow"))
          .onElements("a")
          .allowAttributes("src")
          .matching(
              (element, attribute, value) ->
                  MarkdownRenderer.SafeUrls.safe(value) || SAFE_IMAGE_DATA.matcher(value).matches()
                      ? value
                      : null)
          .onElements("img")
          .allowAttributes("alt", "width", "height")
          .onElements("img")
          .allowAttributes("title")
          .globally()
          .allowAttributes("id")
          .matching(Pattern.compile("[\\w-]{1,200}"))
          .globally()
          .allowAttributes("data-line", "data-rel")
          .matching(DIGITS)
          .globally()
          .allowAttributes("class")
          .matching(LANGUAGE_CLASS)
          .onElements("code")
          .allowAttributes("align")
          .matching(ALIGN)
          .onElements("th", "td")
          .allowAttributes("start")
          .matching(DIGITS)
          .onElements("ol")
          .allowAttributes("open")
          .onElements("details")
          // Task list check boxes only, never enabled.
          .allowAttributes("type")
          .matching(
              (element, attribute, value) ->
                  value.toLowerCase(Locale.ROOT).equals("checkbox") ? "checkbox" : null)
          .onElements("input")
          .allowAttributes("checked", "disabled")
          .onElements("input")
          .allowElements(NoteHtmlPolicy::checkBoxOnly, "input")
          .allowWithoutAttributes("span", "div")
          .toFactory();

  /** An {@code input} stays only as a disabled check box (a task list item). */
  private static String checkBoxOnly(String element, java.util.List<String> attributes) {
    boolean checkBox = false;
    for (int i = 0; i + 1 < attributes.size(); i += 2) {
      if (attributes.get(i).equals("type") && attributes.get(i + 1).equals("checkbox")) {
        checkBox = true;
      }
    }
    if (!checkBox) {
      return null;
    }
    if (!attributes.contains("disabled")) {
      attributes.add("disabled");
      attributes.add("disabled");
    }
    return element;
  }

  static String sanitize(String html) {
    return POLICY.sanitize(html);
  }
}
