package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.css.CompoundSelector;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.ParsedValue;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.SimpleSelector;
import javafx.css.Stylesheet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Primer sheets the theme makes the user-agent sheet: the build's copies of AtlantaFX's, each
 * beside its binary form (tools/BinaryStylesheets.java), which JavaFX loads in place of the CSS;
 * the app's own sheets likewise.
 */
class ThemeStylesheetTest {

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theSheetIsTheBuildsCopyOfAtlantaFxsWithItsBinaryFormBesideIt(boolean dark)
      throws IOException {
    String sheet = Theme.userAgentStylesheet(dark);
    assertThat(sheet)
        .endsWith("/dev/talkbook/ui/common/primer-" + (dark ? "dark" : "light") + ".css");
    // JavaFX's StyleManager looks for the .bss of the same name first.
    URL binary = new URL(sheet.replaceFirst("\\.css$", ".bss"));
    assertThat(read(binary)).isNotEmpty();
  }

  /**
   * The copy is this build's AtlantaFX sheet (not a stale one), rule for rule, without the
   * selectors that name a style class tools/primer-left-out.txt lists: read here with JavaFX's own
   * parser, not as the build tool reads it.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theCopyIsAtlantaFxsSheetWithoutTheRulesForControlsTheAppNeverMakes(boolean dark)
      throws IOException {
    String atlantaFx =
        dark
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet();
    URL originalUrl = Objects.requireNonNull(getClass().getResource(atlantaFx));
    Stylesheet original = new CssParser().parse(originalUrl);
    List<String> leftOut = dev.talkbook.PrimerLeftOut.styleClasses();
    List<String> expected = new ArrayList<>();
    int selectors = 0;
    int selectorsKept = 0;
    for (Rule rule : original.getRules()) {
      List<Selector> kept = new ArrayList<>();
      for (Selector selector : rule.getSelectors()) {
        selectors++;
        if (!namesAny(selector, leftOut)) {
          kept.add(selector);
        }
      }
      selectorsKept += kept.size();
      if (!kept.isEmpty()) {
        // A url()'s value carries the address of its sheet, the base of a relative path.
        expected.add(
            (kept + describeDeclarations(rule)).replace(originalUrl.toExternalForm(), "SHEET"));
      }
    }
    URL copyUrl = new URL(Theme.userAgentStylesheet(dark));
    Stylesheet copy = new CssParser().parse(copyUrl);
    assertThat(
            copy.getRules().stream()
                .map(r -> describe(r).replace(copyUrl.toExternalForm(), "SHEET"))
                .toList())
        .isEqualTo(expected);
    // Rules of the controls the window makes stay (the left-out half is the others').
    assertThat(selectorsKept).isGreaterThan(selectors / 3).isLessThan(selectors * 3 / 4);
    assertThat(copy.getRules().size()).isGreaterThan(450);
  }

  /** Each control tools/primer-left-out.txt names exists (ArchitectureTest checks none is used). */
  @org.junit.jupiter.api.Test
  void theLeftOutListNamesControlsThatExist() {
    List<String> controls = new ArrayList<>();
    for (dev.talkbook.PrimerLeftOut line : dev.talkbook.PrimerLeftOut.lines()) {
      assertThat(line.controls()).as(line.styleClass()).isNotEmpty();
      controls.addAll(line.controls());
    }
    for (String control : controls) {
      try {
        Class.forName(control, false, getClass().getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new AssertionError(control + " (tools/primer-left-out.txt) is not a class", e);
      }
    }
  }

  /** Whether a part of {@code selector} has a style class of {@code leftOut}. */
  private static boolean namesAny(Selector selector, List<String> leftOut) {
    List<SimpleSelector> parts =
        selector instanceof CompoundSelector compound
            ? compound.getSelectors()
            : List.of((SimpleSelector) selector);
    for (SimpleSelector part : parts) {
      for (String styleClass : part.getStyleClasses()) {
        for (String c : leftOut) {
          if (c.endsWith("*")
              ? styleClass.startsWith(c.substring(0, c.length() - 1))
              : styleClass.equals(c)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theBinaryFormHoldsEveryRuleAndValueOfTheCss(boolean dark) throws IOException {
    URL css = new URL(Theme.userAgentStylesheet(dark));
    URL bss = new URL(css.toExternalForm().replaceFirst("\\.css$", ".bss"));
    Stylesheet parsed = new CssParser().parse(css);
    Stylesheet binary = Stylesheet.loadBinary(bss);
    assertThat(binary.getRules()).hasSameSizeAs(parsed.getRules()).hasSizeGreaterThan(450);
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < parsed.getRules().size(); i++) {
      Rule a = parsed.getRules().get(i);
      Rule b = binary.getRules().get(i);
      if (!describe(a).equals(describe(b))) {
        differences.add(a.getSelectors() + " ≠ " + b.getSelectors());
      }
    }
    assertThat(differences).isEmpty();
  }

  /**
   * The app's own JavaFX sheets: the build puts the binary form beside each, which JavaFX loads in
   * place of the CSS, so it must say what the CSS says now (not what an older build's did).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/dev/talkbook/ui/talkbook.css",
        "/dev/talkbook/ui/opaque-popups.css",
        "/dev/talkbook/ui/editor/outliner.css",
        "/dev/talkbook/ui/outline/outline.css",
        "/dev/talkbook/ui/repl/repl.css",
        "/dev/talkbook/ui/share/share.css",
        "/dev/talkbook/ui/presenter/presenter.css"
      })
  void theAppsOwnSheetsHaveTheirBinaryFormBesideThem(String name) throws IOException {
    URL css = Objects.requireNonNull(getClass().getResource(name), name);
    URL bss =
        Objects.requireNonNull(
            getClass().getResource(name.replaceFirst("\\.css$", ".bss")), name + "'s .bss");
    Stylesheet parsed = new CssParser().parse(css);
    Stylesheet binary = Stylesheet.loadBinary(bss);
    assertThat(parsed.getRules()).isNotEmpty();
    assertThat(binary.getRules().stream().map(ThemeStylesheetTest::describe).toList())
        .isEqualTo(parsed.getRules().stream().map(ThemeStylesheetTest::describe).toList());
  }

  /** The preview's sheet is a web page's (WebKit reads it): no binary form beside it. */
  @org.junit.jupiter.api.Test
  void thePreviewsWebSheetHasNoBinaryForm() {
    assertThat(getClass().getResource("/dev/talkbook/ui/preview/preview.css")).isNotNull();
    assertThat(getClass().getResource("/dev/talkbook/ui/preview/preview.bss")).isNull();
  }

  /** A rule as text: selectors, then each declaration with its value tree spelt out. */
  private static String describe(Rule rule) {
    return rule.getSelectors().toString() + describeDeclarations(rule);
  }

  /** A rule's declarations as text, each with its value tree spelt out. */
  private static String describeDeclarations(Rule rule) {
    StringBuilder out = new StringBuilder();
    for (Declaration d : rule.getDeclarations()) {
      out.append('\n').append(d.getProperty()).append(d.isImportant() ? " !important " : " ");
      describe(d.getParsedValue(), out);
    }
    return out.toString();
  }

  private static void describe(Object value, StringBuilder out) {
    if (value instanceof ParsedValue<?, ?> p) {
      out.append(p.isContainsLookups() ? "lookup(" : "(");
      out.append(p.getConverter() == null ? "-" : p.getConverter().getClass().getName())
          .append(' ');
      describe(p.getValue(), out);
      out.append(')');
    } else if (value instanceof Object[] array) {
      out.append('[');
      for (Object o : array) {
        describe(o, out);
        out.append(',');
      }
      out.append(']');
    } else if (value instanceof String s) {
      // A url()'s value carries the sheet's own address, the base of relative paths: the same
      // folder, the binary form's name.
      out.append('"').append(s.replaceFirst("\\.bss$", ".css")).append('"');
    } else {
      out.append(value);
    }
  }

  private static byte[] read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    }
  }
}
