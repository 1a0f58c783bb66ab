package dev.talkbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A line of tools/primer-left-out.txt: a style class whose Primer rules the build leaves out (a
 * prefix when it ends in *), and the controls that carry it. The tests' one reading of the list
 * (they run in the project's folder); the build reads it in tools/BinaryStylesheets.java, a
 * single-file program that they cannot call.
 */
public record PrimerLeftOut(String styleClass, List<String> controls) {
  public static final Path FILE = Path.of("tools", "primer-left-out.txt");

  /** The list's lines, without its comments and blank lines. */
  public static List<PrimerLeftOut> lines() {
    try {
      List<PrimerLeftOut> lines = new ArrayList<>();
      for (String line : Files.readAllLines(FILE)) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          List<String> words = List.of(l.split("\\s+"));
          lines.add(new PrimerLeftOut(words.get(0), words.subList(1, words.size())));
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The style classes left out. */
  public static List<String> styleClasses() {
    return lines().stream().map(PrimerLeftOut::styleClass).toList();
  }

  /** The control classes named, each once. */
  public static Set<String> allControls() {
    Set<String> controls = new TreeSet<>();
    lines().forEach(l -> controls.addAll(l.controls()));
    return controls;
  }
}
