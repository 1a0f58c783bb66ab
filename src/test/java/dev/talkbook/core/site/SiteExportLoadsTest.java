package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What a talk's page costs a cold {@code export site} besides its own work: the HTML sanitizer
 * (OWASP's policy, tens of milliseconds to build on a cold JVM, with the other core waiting for it)
 * only when some notes hold raw HTML. Each case runs in a class loader of its own, so the classes
 * it loads are those of a fresh process.
 */
class SiteExportLoadsTest {

  private static final String NOTES =
      """
      # Caching at scale

      Speaker: Ada. Some *emphasis*, `code` and a [link](https://example.org/).

      ## Questions

      - Why **now**?
      - Where next?
      """;

  private static final String SANITIZER = "org.owasp.html.HtmlPolicyBuilder";

  @Test
  void notesWithoutRawHtmlLeaveTheSanitizerUnbuilt() throws Exception {
    try (Fresh loader = new Fresh()) {
      String html = renderPage(loader, NOTES);
      String words = searchWords(loader, NOTES);

      assertThat(html).contains("<em>emphasis</em>").contains("<h2");
      assertThat(words).startsWith("caching at scale speaker ada");
      assertThat(loader.loaded(SANITIZER)).isFalse();
    }
  }

  @Test
  void notesWithRawHtmlAreStillSanitized() throws Exception {
    try (Fresh loader = new Fresh()) {
      String notes = NOTES + "\nPress <kbd>Ctrl</kbd>.<script>alert(1)</script>\n";
      String html = renderPage(loader, notes);
      String words = searchWords(loader, notes);

      assertThat(html).contains("<kbd>Ctrl</kbd>").doesNotContain("script").doesNotContain("alert");
      assertThat(words).contains("ctrl").doesNotContain("alert");
      assertThat(loader.loaded(SANITIZER)).isTrue();
    }
  }

  /** A talk page's HTML as the export renders it (with a feed summary), in {@code loader}. */
  private static String renderPage(Fresh loader, String notes) throws Exception {
    Class<?> renderer = Class.forName("dev.talkbook.core.markdown.MarkdownRenderer", true, loader);
    Object markdown = renderer.getConstructor().newInstance();
    Method renderPage =
        renderer.getMethod("renderPage", String.class, Function.class, String.class, int.class);
    Function<Object, Optional<String>> noAttachments = ref -> Optional.empty();
    Object page = renderPage.invoke(markdown, notes, noAttachments, "Caching at scale", 400);
    return (String) page.getClass().getMethod("html").invoke(page);
  }

  /** The talk's search words ({@link SearchText#words}), in {@code loader}. */
  private static String searchWords(Fresh loader, String notes) throws Exception {
    Method words =
        Class.forName(SearchText.class.getName(), true, loader)
            .getDeclaredMethod("words", String.class);
    words.setAccessible(true);
    return (String) words.invoke(null, notes);
  }

  /** The test's class path in a loader of its own (the platform's classes shared). */
  private static final class Fresh extends URLClassLoader {
    Fresh() {
      super(classPath(), ClassLoader.getPlatformClassLoader());
    }

    boolean loaded(String name) {
      return findLoadedClass(name) != null;
    }

    private static URL[] classPath() {
      // Surefire runs the tests from a jar whose manifest holds the class path; it also gives it
      // here
      String path = System.getProperty("surefire.test.class.path");
      if (path == null || path.isBlank()) {
        path = System.getProperty("java.class.path");
      }
      List<URL> urls = new ArrayList<>();
      for (String entry : path.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          try {
            urls.add(Path.of(entry).toUri().toURL());
          } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      return urls.toArray(URL[]::new);
    }
  }
}
