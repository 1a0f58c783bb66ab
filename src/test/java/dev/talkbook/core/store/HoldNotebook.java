package dev.talkbook.core.store;

import java.nio.file.Path;

/** Run in a child JVM by tests: opens a notebook, says so, and holds it until stdin closes. */
public final class HoldNotebook {
  private HoldNotebook() {}

  public static void main(String[] args) throws Exception {
    try (Notebook notebook = Notebook.open(Path.of(args[0]))) {
      System.out.println("open " + notebook.file());
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the notebook open until the parent closes our stdin
      }
    }
  }
}
