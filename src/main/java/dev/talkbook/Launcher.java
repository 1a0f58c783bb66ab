package dev.talkbook;

import dev.talkbook.cli.TalkbookCommand;
import dev.talkbook.cli.TrainingRun;
import dev.talkbook.ui.App;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The program's entry point. {@code talkbook} alone (or with only {@code --notebook PATH} and
 * {@code --read-only}) opens the window; with a command it runs the command line. A plain class,
 * not a JavaFX {@code Application}, so JavaFX on the classpath starts.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] rawArgs) {
    if (Boolean.getBoolean(TrainingRun.PROPERTY)) {
      TrainingRun.main(rawArgs); // packaging/build.sh: several commands in one JVM
      return;
    }
    String[] args = withOpenedFile(rawArgs);
    Optional<TalkbookCommand> window = windowOptions(args);
    if (window.isEmpty()) {
      System.exit(TalkbookCommand.run(args));
      return;
    }
    App.launch(window.get().notebookPath(), window.get().readOnly());
  }

  /**
   * The options the window opens with, or nothing when the arguments are for the command line: a
   * command, {@code --help}, {@code --version}, or a mistake (which the command line explains).
   * Reads only the options of {@code talkbook} itself, without making the commands: a start of the
   * window, or of one command, does not pay for all of them.
   */
  static Optional<TalkbookCommand> windowOptions(String[] args) {
    if (TalkbookCommand.commandIn(args).isPresent()) {
      return Optional.empty();
    }
    CommandLine root = TalkbookCommand.withoutCommands();
    try {
      CommandLine.ParseResult parsed = root.parseArgs(args);
      if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
        return Optional.empty();
      }
      return Optional.of(root.getCommand());
    } catch (CommandLine.ParameterException e) {
      return Optional.empty();
    }
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
