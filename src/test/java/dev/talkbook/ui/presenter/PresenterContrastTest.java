package dev.talkbook.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.common.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text colour presenter mode shows, light and dark, has a contrast ratio of at least 4.5:1
 * (WCAG AA) against every background it shows: computed from the style sheets themselves, the
 * window's (the app's sheet, the REPL's, the editor's, presenter mode's) and the preview page's.
 */
public class PresenterContrastTest {

  static final double AA = 4.5;

  /** The window's backgrounds that text is drawn on in presenter mode. */
  static final List<String> BACKGROUNDS =
      List.of(
          "-tb-bg",
          "-tb-subtle",
          "-tb-editor-bg",
          "-tb-code-bg",
          "-tb-match",
          "-tb-problem-bg",
          "-color-bg-default",
          "-color-bg-subtle");

  /** AtlantaFX's text colours, which its controls (labels, menus, buttons) use. */
  static final List<String> CONTROL_TEXTS =
      List.of(
          "-color-fg-default",
          "-color-fg-muted",
          "-color-fg-subtle",
          "-color-accent-fg",
          "-color-danger-fg",
          "-color-success-fg",
          "-color-warning-fg");

  /**
   * Fills that are not text: the selection and caret, the search and diff marks (shapes behind
   * text), and the history window's diff (a dialog, not dressed for presenter mode).
   */
  static boolean notText(String selector) {
    return selector.contains(".selection")
        || selector.contains(".caret")
        || selector.contains("-mark")
        || selector.contains("-match")
        || selector.contains("tb-diff");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void everyTextInTheWindowIsReadable(boolean dark) {
    Sheet app = Sheet.read("/dev/talkbook/ui/talkbook.css");
    Sheet presenter = Sheet.read("/dev/talkbook/ui/presenter/presenter.css");
    Sheet repl = Sheet.read("/dev/talkbook/ui/repl/repl.css");
    Sheet outliner = Sheet.read("/dev/talkbook/ui/editor/outliner.css");
    // The cascade: the app's root, its dark root, presenter mode's (a later sheet, so it wins at
    // the
    // same specificity), then the REPL's own sheet (a parent's sheet: it wins over the scene's).
    Map<String, String> vars = new LinkedHashMap<>();
    vars.putAll(app.definitions(".root"));
    if (dark) {
      vars.putAll(app.definitions(".root.tb-dark"));
    }
    vars.putAll(presenter.definitions(".root.tb-presenter"));
    if (dark) {
      vars.putAll(presenter.definitions(".root.tb-presenter.tb-dark"));
    }
    vars.putAll(repl.definitions(".tb-repl"));
    if (dark) {
      vars.putAll(repl.definitions(".root.tb-dark .tb-repl"));
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (Sheet sheet : List.of(app, repl, presenter, outliner)) {
      for (Rule rule : sheet.rules()) {
        if (notText(rule.selector())) {
          continue;
        }
        for (String property : List.of("-fx-text-fill", "-fx-fill")) {
          String value = rule.declarations().get(property);
          if (value != null) {
            texts.put(sheet.name() + " " + rule.selector() + " " + property, value);
          }
        }
      }
    }
    CONTROL_TEXTS.forEach(name -> texts.put("AtlantaFX " + name, name));
    assertThat(texts).hasSizeGreaterThan(40);

    List<String> failures = new ArrayList<>();
    for (String background : BACKGROUNDS) {
      Color bg = resolve(background, vars);
      texts.forEach(
          (where, value) -> {
            Color fg = resolve(value, vars);
            if (fg.getOpacity() == 0) {
              return; // drawn invisible on purpose (the outliner's hanging indent)
            }
            double ratio = contrast(fg, bg);
            if (ratio < AA) {
              failures.add(String.format("%s = %s on %s: %.2f:1", where, value, background, ratio));
            }
          });
    }
    assertThat(failures).as(dark ? "dark" : "light").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void everyTextInThePreviewIsReadable(boolean dark) {
    Sheet page = Sheet.read("/dev/talkbook/ui/preview/preview.css");
    Map<String, String> vars = new LinkedHashMap<>();
    vars.putAll(page.definitions(":root"));
    if (dark) {
      vars.putAll(page.definitions(":root.dark"));
    }
    vars.putAll(page.definitions(":root.presenter"));
    if (dark) {
      vars.putAll(page.definitions(":root.presenter.dark"));
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (Rule rule : page.rules()) {
      String value = rule.declarations().get("color");
      if (value != null) {
        texts.put(rule.selector(), value);
      }
    }
    assertThat(texts).hasSizeGreaterThan(10);
    List<String> failures = new ArrayList<>();
    for (String background : List.of("var(--bg)", "var(--code-bg)", "var(--error-bg)")) {
      Color bg = resolve(background, vars);
      texts.forEach(
          (where, value) -> {
            double ratio = contrast(resolve(value, vars), bg);
            if (ratio < AA) {
              failures.add(
                  String.format("%s {color: %s} on %s: %.2f:1", where, value, background, ratio));
            }
          });
    }
    assertThat(failures).as(dark ? "dark" : "light").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"#000000 #ffffff 21", "#ffffff #ffffff 1", "#767676 #ffffff 4.54"})
  void theRatioIsWcags(String row) {
    String[] c = row.split(" ");
    assertThat(contrast(Color.web(c[0]), Color.web(c[1])))
        .isCloseTo(Double.parseDouble(c[2]), org.assertj.core.data.Offset.offset(0.01));
  }

  /** A looked-up colour, a {@code var(--x)} or a literal, to its colour. */
  static Color resolve(String value, Map<String, String> vars) {
    String v = value.trim();
    Set<String> seen = new LinkedHashSet<>();
    while (true) {
      Matcher var = Pattern.compile("var\\((--[\\w-]+)\\)").matcher(v);
      String name = var.matches() ? var.group(1) : v.startsWith("-") ? v : null;
      if (name == null) {
        break;
      }
      if (!seen.add(name)) {
        throw new AssertionError("a cycle of colour variables: " + seen);
      }
      String next = vars.get(name);
      if (next == null) {
        throw new AssertionError(name + " (from " + value + ") is not defined in presenter mode");
      }
      v = next.trim();
    }
    return Color.web(v);
  }

  /** WCAG 2's contrast ratio (also the window's own, {@code ui.common.ThemeContrastTest}). */
  public static double contrast(Color a, Color b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  static double luminance(Color c) {
    return 0.2126 * linear(c.getRed())
        + 0.7152 * linear(c.getGreen())
        + 0.0722 * linear(c.getBlue());
  }

  static double linear(double channel) {
    return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
  }

  record Rule(String selector, Map<String, String> declarations) {}

  /** A style sheet read into rules: one per selector of a group, comments removed. */
  record Sheet(String name, List<Rule> rules) {
    static Sheet read(String resource) {
      String css =
          Resources.text(PresenterContrastTest.class, resource).replaceAll("(?s)/\\*.*?\\*/", "");
      List<Rule> rules = new ArrayList<>();
      Matcher m = Pattern.compile("([^{}]+)\\{([^}]*)}").matcher(css);
      while (m.find()) {
        Map<String, String> declarations = new LinkedHashMap<>();
        for (String d : m.group(2).split(";")) {
          int colon = d.indexOf(':');
          if (colon > 0) {
            declarations.put(d.substring(0, colon).trim(), d.substring(colon + 1).trim());
          }
        }
        for (String selector : m.group(1).split(",")) {
          rules.add(new Rule(selector.trim().replaceAll("\\s+", " "), declarations));
        }
      }
      return new Sheet(resource.substring(resource.lastIndexOf('/') + 1), rules);
    }

    /** The variables the rules with exactly this selector define, in order. */
    Map<String, String> definitions(String selector) {
      Map<String, String> out = new LinkedHashMap<>();
      for (Rule rule : rules) {
        if (rule.selector().equals(selector)) {
          rule.declarations()
              .forEach(
                  (k, v) -> {
                    if (k.startsWith("-")) {
                      out.put(k, v);
                    }
                  });
        }
      }
      assertThat(out).as(name + " defines " + selector).isNotEmpty();
      return out;
    }
  }
}
