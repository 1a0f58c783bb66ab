package dev.talkbook;

import dev.talkbook.cli.TalkbookCommand;
import dev.talkbook.ui.App;
import javafx.application.Application;
import picocli.CommandLine;

/**
 * The program's entry point. {@code talkbook} alone (or with only {@code --notebook PATH} and
 * {@code --read-only}) opens the window; with a command it runs the command line. A plain class,
 * not an {@link Application}, so JavaFX on the classpath starts.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] rawArgs) {
    String[] args = withOpenedFile(rawArgs);
    CommandLine cl = TalkbookCommand.commandLine();
    CommandLine.ParseResult parsed;
    try {
      parsed = cl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      System.exit(TalkbookCommand.execute(cl, args)); // the command line explains the mistake
      return;
    }
    if (parsed.hasSubcommand()
        || parsed.isUsageHelpRequested()
        || parsed.isVersionHelpRequested()) {
      System.exit(TalkbookCommand.execute(cl, args));
      return;
    }
    TalkbookCommand root = cl.getCommand();
    Application.launch(App.class, App.parameters(root.notebookPath(), root.readOnly()));
  }

  /**
   * A desktop opens a notebook file by passing its path alone ({@code talkbook
   * /home/me/notebook.talkbook}, from the desktop entry's {@code %f}); that means {@code --notebook
   * PATH}. Anything else is left to the command line.
   */
  static String[] withOpenedFile(String[] args) {
    if (args.length == 1 && !args[0].startsWith("-") && args[0].endsWith(".talkbook")) {
      return new String[] {"--notebook", args[0]};
    }
    return args;
  }
}
