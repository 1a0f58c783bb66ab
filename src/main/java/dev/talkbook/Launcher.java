package dev.talkbook;

import dev.talkbook.cli.TalkbookCommand;
import dev.talkbook.cli.TrainingRun;
import dev.talkbook.core.store.NotebookLocation;
import dev.talkbook.ui.App;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The program's entry point. {@code talkbook} alone (or with only {@code --notebook PATH} and
 * {@code --read-only}) opens the window; with a command it runs the command line. A plain class,
 * not a JavaFX {@code Application}, so JavaFX on the classpath starts.
 */
public final class Launcher {
  private Launcher() {}

  /** What the window opens: the notebook (resolved: the option, else the default) and the mode. */
  record Window(Path notebookPath, boolean readOnly) {}

  public static void main(String[] rawArgs) {
    if (Boolean.getBoolean(TrainingRun.PROPERTY)) {
      TrainingRun.main(rawArgs); // packaging/build.sh: several commands in one JVM
      return;
    }
    String[] args = withOpenedFile(rawArgs);
    Optional<Window> window = windowOptions(args);
    if (window.isEmpty()) {
      System.exit(TalkbookCommand.run(args));
      return;
    }
    App.launch(window.get().notebookPath(), window.get().readOnly());
  }

  /**
   * The options the window opens with, or nothing when the arguments are for the command line: a
   * command, {@code --help}, {@code --version}, or a mistake (which the command line explains). The
   * plain forms a desktop or a user starts the window with are read without picocli ({@link
   * #plainWindowOptions}); anything else is read by the command line's own options, without making
   * its commands: a start of the window, or of one command, does not pay for all of them.
   */
  static Optional<Window> windowOptions(String[] args) {
    Optional<Window> plain = plainWindowOptions(args);
    if (plain.isPresent()) {
      return plain;
    }
    if (TalkbookCommand.commandIn(args).isPresent()) {
      return Optional.empty();
    }
    CommandLine root = TalkbookCommand.withoutCommands();
    try {
      CommandLine.ParseResult parsed = root.parseArgs(args);
      if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
        return Optional.empty();
      }
      TalkbookCommand options = root.getCommand();
      return Optional.of(new Window(options.notebookPath(), options.readOnly()));
    } catch (CommandLine.ParameterException e) {
      return Optional.empty();
    }
  }

  /**
   * The window's options when the arguments are only {@code --notebook PATH} (or {@code
   * --notebook=PATH}) and {@code --read-only}, each at most once, in any order: read here, because
   * picocli's classes (compiled for Java 5: verified the slow way, and kept by no class-data
   * archive) cost a tenth of a second before the window could start. Anything else (a command, an
   * option given twice, a value that looks like an option) is left to picocli, which reads it the
   * same way or explains the mistake; {@code LauncherTest} checks both agree.
   */
  static Optional<Window> plainWindowOptions(String[] args) {
    String notebook = null;
    boolean readOnly = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value;
      if (arg.equals("--read-only") && !readOnly) {
        readOnly = true;
        continue;
      } else if (arg.equals("--notebook") && i + 1 < args.length) {
        value = args[++i];
      } else if (arg.startsWith("--notebook=")) {
        value = arg.substring("--notebook=".length());
      } else {
        return Optional.empty();
      }
      if (notebook != null || value.isEmpty() || value.startsWith("-")) {
        return Optional.empty();
      }
      notebook = value;
    }
    try {
      Path explicit = notebook == null ? null : Path.of(notebook);
      return Optional.of(new Window(NotebookLocation.resolve(explicit), readOnly));
    } catch (InvalidPathException e) {
      return Optional.empty(); // picocli says what is wrong with it
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
