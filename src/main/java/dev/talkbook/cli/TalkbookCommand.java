package dev.talkbook.cli;

import dev.talkbook.core.common.Resources;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotebookLocation;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code talkbook}: the notebook from the command line, over the same core as the window. */
@Command(
    name = "talkbook",
    mixinStandardHelpOptions = true,
    versionProvider = TalkbookCommand.Version.class,
    description = {
      "Notes at talks, kept in one notebook file. Without a command, opens the window.",
      "",
      "The notebook is --notebook PATH, else $"
          + NotebookLocation.ENV_VARIABLE
          + ", else the default file in your data folder.",
      ""
    },
    subcommands = {
      EventsCommand.class,
      EventCommand.class,
      TalksCommand.class,
      TalkCommand.class,
      ShowCommand.class,
      SearchCommand.class,
      HistoryCommand.class,
      RestoreCommand.class,
      TagsCommand.class,
      SampleCommand.class,
      InfoCommand.class,
      CheckCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      RunCommand.class,
      ShareCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:the notebook refused (the message says why)", "2:wrong usage"})
public final class TalkbookCommand implements Callable<Integer> {
  /** Exit code for a refusal the user can act on: the message is on stderr, without a trace. */
  public static final int USER_ERROR = 1;

  @Spec CommandSpec spec;

  private Path notebookPath;
  private boolean readOnly;

  @Option(
      names = "--notebook",
      paramLabel = "PATH",
      scope = ScopeType.INHERIT,
      description = "The notebook file to use (created if it does not exist).")
  void setNotebookPath(Path path) {
    this.notebookPath = path;
  }

  @Option(
      names = "--read-only",
      scope = ScopeType.INHERIT,
      description = "Open the notebook without changing it.")
  void setReadOnly(boolean readOnly) {
    this.readOnly = readOnly;
  }

  /** Runs the command line and returns the process exit code; everything printed is flushed. */
  public static int run(String... args) {
    return execute(commandLine(), args);
  }

  /**
   * Runs {@code cl} and flushes its output and error writers before returning, whatever happened:
   * picocli's writers buffer 8 KB and flush only on a line end, and {@code System.exit} flushes
   * nothing, so without this a note that ends in a newline (or the last part of any longer output)
   * never arrives.
   */
  public static int execute(CommandLine cl, String... args) {
    try {
      return cl.execute(args);
    } finally {
      cl.getOut().flush();
      cl.getErr().flush();
    }
  }

  /** The configured command line, for {@link #run} and for tests that capture its output. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new TalkbookCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.registerConverter(java.time.LocalDate.class, Values::date);
    cl.registerConverter(java.time.LocalDateTime.class, Values::dateTime);
    cl.setExecutionExceptionHandler(TalkbookCommand::handle);
    // One writer each for output and errors, shared by every subcommand (set before any of them
    // makes its own), so that execute() flushes everything that was printed.
    cl.setOut(writer(System.out, "stdout"));
    cl.setErr(writer(System.err, "stderr"));
    // "-word" in a search excludes a word; it is not an option.
    cl.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
    return cl;
  }

  /** A writer on {@code stream} in the terminal's encoding, as picocli would choose it. */
  private static PrintWriter writer(java.io.PrintStream stream, String name) {
    String encoding =
        System.getProperty(name + ".encoding", System.getProperty("sun." + name + ".encoding"));
    java.nio.charset.Charset charset;
    try {
      charset =
          encoding == null
              ? java.nio.charset.Charset.defaultCharset()
              : java.nio.charset.Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      charset = java.nio.charset.Charset.defaultCharset();
    }
    return new PrintWriter(
        new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream, charset)), true);
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof NotebookException || e instanceof DateTimeParseException) {
      err.println("talkbook: " + e.getMessage());
    } else {
      err.println("talkbook: internal error, please report it: " + e);
      e.printStackTrace(err);
    }
    err.flush();
    return USER_ERROR;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** The notebook file the user chose (option, environment, or the default location). */
  public Path notebookPath() {
    return NotebookLocation.resolve(notebookPath);
  }

  /** Whether the user asked for read-only. */
  public boolean readOnly() {
    return readOnly;
  }

  /**
   * Opens the chosen notebook, creating it if it does not exist; read-only when asked or when the
   * file cannot be written. A read-only notebook is never created: there would be nothing in it.
   */
  Notebook open() {
    return Notebook.open(
        notebookPath(), Notebook.Options.defaults().withReadOnly(readOnly).withCreate(!readOnly));
  }

  /** Opens the chosen notebook only if it exists: reading never creates an empty notebook. */
  Notebook openExisting() {
    return Notebook.open(
        notebookPath(), Notebook.Options.defaults().withReadOnly(readOnly).withCreate(false));
  }

  static TalkbookCommand of(CommandSpec spec) {
    return (TalkbookCommand) spec.root().userObject();
  }

  /** The version from the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws Exception {
      Properties p = new Properties();
      p.load(new StringReader(Resources.text(Launcher.class, "/dev/talkbook/version.properties")));
      return new String[] {
        "Talkbook " + p.getProperty("version"),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }

  /** Anchor for absolute resource look-ups. */
  private static final class Launcher {}
}
