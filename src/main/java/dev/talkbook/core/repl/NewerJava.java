package dev.talkbook.core.repl;

import dev.talkbook.core.common.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure: tells when a compiler error comes from code written for a newer Java than the REPL's, and
 * says so ("… needs Java 21; this REPL runs Java 17"). It knows the {@code java.*} API that Java 17
 * lacks, generated from the newest JDK's {@code ct.sym} by {@code tools/NewerJavaApis.java}
 * (resource {@code newer-java-apis.txt}), and the messages with which javac 17 to 24 refuse the
 * newer language features.
 */
public final class NewerJava {

  /** The Java feature release of this JVM, which is the REPL's (JShell compiles here). */
  public static int runningRelease() {
    return Runtime.version().feature();
  }

  private final int running;

  /** Advice for a REPL that runs Java {@code running}. */
  public NewerJava(int running) {
    this.running = running;
  }

  /** For this JVM's Java. */
  public NewerJava() {
    this(runningRelease());
  }

  /**
   * A sentence for the user when a compiler error (its message, and the snippet's source) means
   * that the code needs a newer Java than this REPL's; empty when it does not.
   */
  public Optional<String> advice(String message, String source) {
    if (PREVIEW_OFF.matcher(message).find()) {
      // javac's "(use --enable-preview …)" names an option nobody can give the window's REPL.
      String first = firstLine(message).strip();
      return Optional.of(
          (first.endsWith(".") ? first.substring(0, first.length() - 1) : first)
              + " in Java "
              + running
              + ". "
              + HOW_TO_ENABLE_PREVIEW
              + finalIn(message, source));
    }
    Optional<String> feature = feature(message, source);
    if (feature.isPresent()) {
      return feature;
    }
    Matcher symbol = SYMBOL.matcher(message);
    if (symbol.find()) {
      String kind = symbol.group(1);
      String name = symbol.group(2);
      Matcher location = LOCATION.matcher(message);
      String owner = location.find() ? location.group(1) : "";
      return kind.equals("class") || kind.equals("interface") || owner.isEmpty()
          ? type(name).or(() -> member(owner, name, kind))
          : member(owner, name, kind);
    }
    Matcher pkg = PACKAGE.matcher(message);
    if (pkg.find()) {
      return packageOf(pkg.group(1));
    }
    return Optional.empty();
  }

  /** How the user enables preview features, in the window and in a script. */
  public static final String HOW_TO_ENABLE_PREVIEW =
      "To use it, turn on Java › Enable preview features (in a script: talkbook run --enable-preview).";

  /** javac's refusal of a preview language feature or API while preview features are off. */
  private static final Pattern PREVIEW_OFF =
      Pattern.compile("(?:is|are) a preview (?:feature|API) and (?:is|are) disabled by default");

  /** " It is final in Java N." when the refused feature is final in a newer Java, else "". */
  private String finalIn(String message, String source) {
    for (Feature f : FEATURES) {
      if (f.release > running
          && f.message.matcher(message).find()
          && (f.source == null || (source != null && f.source.matcher(source).find()))) {
        return " It is final in Java " + f.release + ".";
      }
    }
    return "";
  }

  // ---- the API table ---------------------------------------------------------------------------

  /** "TYPE" or "TYPE MEMBER" to when: "21", "19-21" (preview, then final), "21p" (preview). */
  private static final class Table {
    static final Map<String, String> WHEN = new HashMap<>();
    static final Map<String, List<String>> TYPES_BY_SIMPLE_NAME = new HashMap<>();
    static final Map<String, List<String>> MEMBERS_BY_NAME = new HashMap<>();

    static {
      for (String line : Resources.text(NewerJava.class, "newer-java-apis.txt").split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.strip().split(" ");
        String key = parts.length > 2 ? parts[1] + " " + parts[2] : parts[1];
        WHEN.put(key, parts[0]);
        if (parts.length == 2) {
          String type = parts[1];
          String simple = type.substring(type.lastIndexOf('.') + 1);
          TYPES_BY_SIMPLE_NAME.computeIfAbsent(simple, k -> new ArrayList<>()).add(type);
        } else {
          MEMBERS_BY_NAME.computeIfAbsent(parts[2], k -> new ArrayList<>()).add(key);
        }
      }
    }
  }

  private static final Pattern SYMBOL =
      Pattern.compile(
          "symbol:\\s+(class|interface|enum|record|method|variable|static)\\s+([\\w$]+)");
  private static final Pattern LOCATION =
      Pattern.compile(
          "location:\\s+(?:class|interface|enum|record|variable [\\w$]+ of type)\\s+([\\w$.]+)");
  private static final Pattern PACKAGE = Pattern.compile("package ([\\w.]+) does not exist");

  /** Packages the REPL imports by default, and java.lang: where a simple type name is looked up. */
  private static final List<String> IMPORTED;

  static {
    List<String> packages = new ArrayList<>(List.of("java.lang"));
    for (String imp : ReplSession.DEFAULT_IMPORTS) {
      packages.add(imp.substring(0, imp.length() - 2));
    }
    IMPORTED = List.copyOf(packages);
  }

  private Optional<String> type(String simpleName) {
    List<String> types = Table.TYPES_BY_SIMPLE_NAME.getOrDefault(simpleName, List.of());
    String best = null;
    for (String type : types) {
      String pkg = packageOf(type, simpleName);
      if (IMPORTED.contains(pkg)) {
        best = type;
        break;
      }
      if (best == null) {
        best = type;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    String where = IMPORTED.contains(packageOf(best, simpleName)) ? "" : " (" + best + ")";
    return needs(simpleName + where, Table.WHEN.get(best));
  }

  private Optional<String> member(String owner, String name, String kind) {
    String shown = simple(owner) + "." + name + (kind.equals("method") ? "()" : "");
    String when = Table.WHEN.get(owner + " " + name);
    if (when != null) {
      return needs(shown, when);
    }
    // Declared in a supertype (List.reversed() called on an ArrayList, say): the earliest.
    String earliest = null;
    String from = null;
    for (String key : Table.MEMBERS_BY_NAME.getOrDefault(name, List.of())) {
      String w = Table.WHEN.get(key);
      if (earliest == null || release(w) < release(earliest)) {
        earliest = w;
        from = key;
      }
    }
    if (earliest == null || owner.isEmpty() || !sameFamily(owner, from)) {
      return Optional.empty();
    }
    String declared = from.substring(0, from.indexOf(' '));
    return needs(
        shown.equals(simple(declared) + "." + name + (kind.equals("method") ? "()" : ""))
            ? shown
            : shown + " (from " + simple(declared) + ")",
        earliest);
  }

  /** Whether a member named on {@code owner} may be the one {@code key} declares: same package. */
  private static boolean sameFamily(String owner, String key) {
    String type = key.substring(0, key.indexOf(' '));
    return type.substring(0, type.lastIndexOf('.'))
        .equals(owner.substring(0, Math.max(0, owner.lastIndexOf('.'))));
  }

  private Optional<String> packageOf(String pkg) {
    String when = null;
    for (var e : Table.WHEN.entrySet()) {
      String key = e.getKey();
      if (key.indexOf(' ') < 0 && key.startsWith(pkg + ".")) {
        if (when == null || release(e.getValue()) < release(when)) {
          when = e.getValue();
        }
      }
    }
    return when == null ? Optional.empty() : needs("package " + pkg, when);
  }

  private Optional<String> needs(String what, String when) {
    if (when == null) {
      return Optional.empty();
    }
    boolean previewOnly = when.endsWith("p");
    int first = release(when);
    int dash = when.indexOf('-');
    int fin = previewOnly ? -1 : dash > 0 ? Integer.parseInt(when.substring(dash + 1)) : first;
    if (fin > 0 && fin <= running) {
      return Optional.empty(); // This Java has it; the error is something else.
    }
    String sentence =
        previewOnly
            ? what + " is a preview API since Java " + first + " (it needs --enable-preview)"
            : what + " needs Java " + fin;
    return Optional.of(sentence + "; this REPL runs Java " + running + ".");
  }

  private static int release(String when) {
    int end = 0;
    while (end < when.length() && Character.isDigit(when.charAt(end))) {
      end++;
    }
    return Integer.parseInt(when.substring(0, end));
  }

  private static String simple(String type) {
    String[] parts = type.split("\\.");
    // Nested types keep their outer type: Thread.Builder.
    int i = parts.length - 1;
    while (i > 0 && Character.isUpperCase(parts[i - 1].charAt(0))) {
      i--;
    }
    return String.join(".", java.util.Arrays.copyOfRange(parts, i, parts.length));
  }

  private static String packageOf(String type, String simpleName) {
    return type.substring(0, type.length() - simpleName.length() - 1);
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  // ---- language features -----------------------------------------------------------------------

  /** A language feature javac refuses with this message: what it is, and when it became final. */
  private record Feature(Pattern message, Pattern source, String what, int release) {}

  private static final List<Feature> FEATURES =
      List.of(
          new Feature(
              Pattern.compile("patterns in switch statements|null in switch cases"),
              null,
              "Pattern matching in switch",
              21),
          new Feature(
              Pattern.compile("record patterns|deconstruction patterns"),
              null,
              "A record pattern",
              21),
          new Feature(
              Pattern.compile("'\\)' expected|-> expected|: or -> expected"),
              Pattern.compile("\\b(instanceof|case)\\s+[\\w.]+(\\s*<[^>]*>)?\\s*\\("),
              "A record pattern",
              21),
          new Feature(
              Pattern.compile("'_' is a keyword|unnamed variables|as an identifier"),
              Pattern.compile("\\b_\\b"),
              "An unnamed variable or pattern (_)",
              22),
          new Feature(
              Pattern.compile("'\\.' expected|module imports"),
              Pattern.compile("^\\s*import\\s+module\\s"),
              "A module import (import module …)",
              25),
          new Feature(
              Pattern.compile(
                  "call to (super|this) must be first statement|statements before super"),
              null,
              "A statement before super(…) in a constructor",
              25),
          new Feature(
              Pattern.compile("unnamed classes|implicitly declared classes"),
              null,
              "An implicitly declared class",
              25));

  private Optional<String> feature(String message, String source) {
    for (Feature f : FEATURES) {
      if (f.release > running
          && f.message.matcher(message).find()
          && (f.source == null || (source != null && f.source.matcher(source).find()))) {
        return Optional.of(
            f.what + " needs Java " + f.release + "; this REPL runs Java " + running + ".");
      }
    }
    return Optional.empty();
  }
}
