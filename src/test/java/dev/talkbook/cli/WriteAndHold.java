package dev.talkbook.cli;

import dev.talkbook.core.store.Notebook;
import java.nio.file.Path;

/**
 * Run in a child JVM by tests, as a window would be: opens a notebook for writing (taking its
 * lock), saves {@code args[1]} as talk 1's notes (in the write-ahead log only, not yet folded into
 * the file), says "open", and holds the notebook until its standard input closes.
 */
public final class WriteAndHold {
  private WriteAndHold() {}

  public static void main(String[] args) throws Exception {
    try (Notebook notebook = Notebook.open(Path.of(args[0]))) {
      notebook.talks().saveBody(1, args[1]);
      System.out.println("open");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold it until the parent closes our standard input
      }
    }
  }
}
