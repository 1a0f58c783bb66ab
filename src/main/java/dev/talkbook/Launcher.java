package dev.talkbook;

import dev.talkbook.cli.TalkbookCommand;

/** The program's entry point: the command line (the window arrives with the desktop shell). */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    System.exit(TalkbookCommand.run(args));
  }
}
