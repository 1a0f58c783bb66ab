package dev.talkbook.cli;

import dev.talkbook.core.common.AppVersion;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotebookLocation;
import dev.talkbook.core.store.NotebookOpenException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code talkbook}: the notebook from the command line, over the same core as the window. */
@Command(
    name = "talkbook",
    versionProvider = TalkbookCommand.Version.class,
    description = {
      "Notes at talks, kept in one notebook file. Without a command, opens the window.",
      "",
      "The notebook is --notebook PATH, else $"
          + NotebookLocation.ENV_VARIABLE
          + ", else the default file in your data folder (the window: the notebook it had open"
          + " last, while that file is there).",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:the notebook refused (the message says why)", "2:wrong usage"})
public final class TalkbookCommand implements Callable<Integer> {
  /** Exit code for a refusal the user can act on: the message is on stderr, without a trace. */
  public static final int USER_ERROR = 1;

  /** Exit code for wrong usage (picocli's own for a bad option): the message says what is wrong. */
  public static final int WRONG_USAGE = CommandLine.ExitCode.USAGE;

  @Spec CommandSpec spec;

  private Path notebookPath;
  private boolean readOnly;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Print version information and exit.")
  boolean version;

  @Option(
      names = "--notebook",
      paramLabel = "PATH",
      scope = ScopeType.INHERIT,
      converter = NotebookPathConverter.class,
      description =
          "The notebook file to use. When it is missing, the window and the commands that"
              + " write (event add, sample, import) create it; reading commands (events, talks,"
              + " show, search, export, …) need an existing one.")
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

  /**
   * The commands, in the order the help lists them. A command line gets only the one its arguments
   * name ({@link #forArguments}): picocli reads a command's annotations by reflection when it is
   * added, and adding all of them took about 60 ms of processor time, a third of what a quick
   * command like {@code info} needs before it does anything (docs/benchmarks.md).
   */
  private static final List<String> COMMANDS =
      List.of(
          "events", "event", "talks", "talk", "show", "search", "history", "restore", "tags", "tag",
          "sample", "info", "check", "backup", "export", "import", "run", "share", "help");

  /**
   * A new command object. A switch rather than a map of constructor references: with such a map,
   * one of them then picocli's {@code HelpCommand} (compiled for Java 5, a class the AOT cache
   * cannot keep), JDK 25.0.3 crashed writing the packaged app's AOT cache (a guarantee in
   * archiveHeapWriter.cpp).
   */
  private static Object command(String name) {
    return switch (name) {
      case "events" -> new EventsCommand();
      case "event" -> new EventCommand();
      case "talks" -> new TalksCommand();
      case "talk" -> new TalkCommand();
      case "show" -> new ShowCommand();
      case "search" -> new SearchCommand();
      case "history" -> new HistoryCommand();
      case "restore" -> new RestoreCommand();
      case "tags" -> new TagsCommand();
      case "tag" -> new TagCommand();
      case "sample" -> new SampleCommand();
      case "info" -> new InfoCommand();
      case "check" -> new CheckCommand();
      case "backup" -> new BackupCommand();
      case "export" -> new ExportCommand();
      case "import" -> new ImportCommand();
      case "run" -> new RunCommand();
      case "share" -> new ShareCommand();
      case "help" -> new HelpCommand();
      default -> throw new IllegalArgumentException("no command " + name);
    };
  }

  /** Runs the command line and returns the process exit code; everything printed is flushed. */
  public static int run(String... args) {
    String[] readable = Values.readableArguments(args);
    return execute(forArguments(readable), readable);
  }

  /**
   * Runs {@code cl} and flushes its output and error writers before returning, whatever happened:
   * picocli's writers buffer 8 KB and flush only on a line end, and {@code System.exit} flushes
   * nothing, so without this a note that ends in a newline (or the last part of any longer output)
   * never arrives.
   */
  public static int execute(CommandLine cl, String... args) {
    int code;
    try {
      code = cl.execute(args);
    } finally {
      cl.getOut().flush();
      cl.getErr().flush();
    }
    if (cl.getOut() instanceof CommandOutput out && out.failure().isPresent()) {
      // PrintWriter swallowed it: without this a full disk under "show 1 > notes.md" exits 0.
      cl.getErr()
          .println(
              "talkbook: the output could not be written ("
                  + out.failure().get().getMessage()
                  + "), so what it holds is incomplete. Make room or choose another file, and run"
                  + " the command again.");
      cl.getErr().flush();
      return code == 0 ? USER_ERROR : code;
    }
    return code;
  }

  /** The command line with every command, for the help and for tests that capture its output. */
  public static CommandLine commandLine() {
    return configured(withCommands(Set.copyOf(COMMANDS)));
  }

  /**
   * The command line for these arguments: with only the command they name, or with every command
   * when they name none (the help, a mistake, no command at all), so the usage and the suggestions
   * for a mistyped command are whole.
   */
  public static CommandLine forArguments(String... args) {
    CommandLine cl = new CommandLine(new TalkbookCommand());
    Set<String> names =
        commandIn(cl.getCommandSpec(), args).map(Set::of).orElse(Set.copyOf(COMMANDS));
    return configured(withCommands(cl, names));
  }

  /** The command line without its commands: enough to read the options that open the window. */
  public static CommandLine withoutCommands() {
    return configured(withCommands(Set.of()));
  }

  /**
   * The command the arguments name: the first argument that is neither an option of {@code
   * talkbook} itself nor an option's value, if it is a command's name ({@code help} is left out: it
   * needs every command).
   */
  public static Optional<String> commandIn(String... args) {
    return commandIn(new CommandLine(new TalkbookCommand()).getCommandSpec(), args);
  }

  private static Optional<String> commandIn(CommandSpec root, String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("-") && !arg.equals("-") && !arg.equals("--")) {
        int eq = arg.indexOf('=');
        OptionSpec option = root.findOption(eq < 0 ? arg : arg.substring(0, eq));
        if (option != null && eq < 0 && option.arity().min() > 0) {
          i++; // its value
        }
        continue;
      }
      return COMMANDS.contains(arg) && !arg.equals("help") ? Optional.of(arg) : Optional.empty();
    }
    return Optional.empty();
  }

  private static CommandLine withCommands(Set<String> names) {
    return withCommands(new CommandLine(new TalkbookCommand()), names);
  }

  private static CommandLine withCommands(CommandLine cl, Set<String> names) {
    for (String name : COMMANDS) {
      if (names.contains(name)) {
        cl.addSubcommand(name, command(name));
      }
    }
    return cl;
  }

  /**
   * The settings for the whole tree: picocli applies them to the commands there at the time, so
   * this comes after the commands are added (and before any of them is run).
   */
  private static CommandLine configured(CommandLine cl) {
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.registerConverter(java.time.LocalDate.class, Values::date);
    cl.registerConverter(java.time.LocalDateTime.class, Values::dateTime);
    cl.setExecutionExceptionHandler(TalkbookCommand::handle);
    cl.setExecutionStrategy(TalkbookCommand::runUnlessUnreadable);
    cl.setParameterExceptionHandler(new UsageMistakes());
    // One writer each for output and errors, shared by every subcommand (set before any of them
    // makes its own), so that execute() flushes everything that was printed.
    boolean terminal = System.console() != null;
    // Standard output straight to its file descriptor: System.out would swallow a write's error
    // (CommandOutput keeps it, so a full disk is said and the exit code is 1).
    cl.setOut(
        CommandOutput.on(
            new java.io.FileOutputStream(java.io.FileDescriptor.out),
            stream -> encoded(stream, "stdout", terminal),
            terminal));
    cl.setErr(writer(System.err, "stderr", terminal));
    if (terminal) {
      // Control characters are shown, not sent (TerminalWriter), so help goes without colours.
      cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    }
    withHelpOptions(cl);
    CommandLine search = cl.getSubcommands().get("search");
    if (search != null) {
      // "-word" in a search excludes a word; it is not an option.
      search.setUnmatchedOptionsArePositionalParams(true);
    }
    return cl;
  }

  /**
   * Runs the command, unless it would store an argument whose bytes were not text in the terminal's
   * encoding: the JVM hands those over as U+FFFD, so {@code event add $'bad\xff'} would keep "bad�"
   * for good. Refused (exit 2, nothing changed) for the commands that store their arguments; {@code
   * search} says so and goes on; the other commands only look things up, which a "�" cannot harm.
   */
  private static int runUnlessUnreadable(ParseResult parsed) {
    ParseResult command = parsed.subcommand();
    if (command != null && STORES_ARGUMENTS.contains(command.commandSpec().name())) {
      for (String arg : parsed.originalArgs()) {
        if (arg.indexOf(Values.UNREADABLE) >= 0) {
          parsed
              .commandSpec()
              .commandLine()
              .getErr()
              .println(
                  "talkbook: the argument \""
                      + arg
                      + "\" has bytes that are not "
                      + Values.argumentEncoding()
                      + " text (shown as \"\uFFFD\"); nothing was changed. Check the terminal's"
                      + " encoding (LANG).");
          return WRONG_USAGE;
        }
      }
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  /** The commands that keep what they are given (titles, names, tags) in the notebook. */
  private static final Set<String> STORES_ARGUMENTS = Set.of("event", "talk", "tag");

  /**
   * Gives every command below {@code cl} a {@code --help} of its own, so {@code talkbook event add
   * --help} shows that command's usage, as users try, instead of "Unknown option". Not {@code -h}:
   * picocli takes any argument that starts with a short option's letter for an option, so
   * "-hibernate" (a word left out of a search) or "--title -hello" would no longer reach the
   * command. Not an inherited option of {@code talkbook} either: that would bring its {@code -h}
   * along.
   */
  private static void withHelpOptions(CommandLine cl) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      if (spec.findOption("--help") == null) {
        spec.addOption(
            OptionSpec.builder("--help")
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build());
      }
      withHelpOptions(sub);
    }
  }

  /** A writer on {@code stream} in the terminal's encoding, as picocli would choose it. */
  private static PrintWriter writer(java.io.PrintStream stream, String name, boolean terminal) {
    return new PrintWriter(encoded(stream, name, terminal), true);
  }

  /**
   * A buffered writer on {@code stream} in {@link #charset}; on a terminal with control characters
   * shown ({@link TerminalWriter}).
   */
  private static java.io.Writer encoded(
      java.io.OutputStream stream, String name, boolean terminal) {
    java.io.Writer writer = new java.io.OutputStreamWriter(stream, charset(name, terminal));
    if (terminal) {
      writer = new TerminalWriter(writer);
    }
    return new java.io.BufferedWriter(writer);
  }

  /**
   * The encoding {@code name} (stdout, stderr) is written in: on a terminal, the terminal's, as
   * picocli would choose it; standard output into a file or a pipe, UTF-8, the one encoding {@code
   * --notes-file} and the imports read. In a C or POSIX locale (LANG unset: cron, a container, ssh
   * without a locale) the terminal's encoding is ASCII, and {@code talkbook show 1 > notes.md}
   * wrote a question mark for every other character: put back with {@code talk edit --notes-file},
   * as the cut-notes banner has it done, the notes lost them all.
   */
  static java.nio.charset.Charset charset(String name, boolean terminal) {
    if (!terminal && name.equals("stdout")) {
      return java.nio.charset.StandardCharsets.UTF_8;
    }
    String encoding =
        System.getProperty(name + ".encoding", System.getProperty("sun." + name + ".encoding"));
    try {
      return encoding == null
          ? java.nio.charset.Charset.defaultCharset()
          : java.nio.charset.Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      return java.nio.charset.Charset.defaultCharset();
    }
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

  /** The notebook the user named (option or environment); null when neither names one. */
  public Path namedNotebook() {
    return NotebookLocation.named(notebookPath).orElse(null);
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
    refuseAMissingFolder();
    try {
      return Notebook.open(
          notebookPath(),
          options().withReadOnly(readOnly).withCreate(!readOnly).withLockWait(LOCK_WAIT));
    } catch (NotebookOpenException e) {
      throw sayingWhatToDo(e, null);
    }
  }

  /**
   * A notebook the user named (option or environment) that is not there, in a folder that is not
   * there either, is refused: a typo in a script's path ({@code --notebook nodir/x.talkbook event
   * add X}) would quietly make a new folder and notebook. A new notebook in a folder that exists is
   * created as before, and so is the default one, whose data folder is made on first use.
   */
  private void refuseAMissingFolder() {
    Path named = namedNotebook();
    if (named == null || readOnly) {
      return;
    }
    Path file = named.toAbsolutePath().normalize();
    Path folder = file.getParent();
    if (folder == null || Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.exists(folder)) {
      return; // a file where the folder should be is the core's to say ("is a file, not a folder")
    }
    for (Path above = folder.getParent(); above != null; above = above.getParent()) {
      if (Files.exists(above)) {
        if (!Files.isDirectory(above)) {
          return; // the same, higher up
        }
        break;
      }
    }
    throw new NotebookOpenException(
        file,
        NotebookOpenException.Problem.NOT_FOUND,
        "its folder "
            + folder
            + " does not exist, and a new notebook is made only in a folder"
            + " that does.",
        "Check the path for a typo, or make the folder first (mkdir -p "
            + shellWord(folder.toString())
            + ") and run the command again; nothing was created.");
  }

  /**
   * Opens the chosen notebook to read it: read-only, without its lock, so reading works beside a
   * window (or another command) that has it open for writing; SQLite's write-ahead log gives the
   * reader a consistent snapshot. A notebook from an older Talkbook is opened for writing once, to
   * upgrade it. Never creates one.
   */
  Notebook openToRead() {
    if (readOnly) {
      return openExisting();
    }
    try {
      return Notebook.open(
          notebookPath(), Notebook.Options.defaults().withReadOnly(true).withCreate(false));
    } catch (NotebookOpenException e) {
      if (e.problem() == NotebookOpenException.Problem.NEEDS_UPGRADE) {
        return openExisting();
      }
      throw sayingHowToCreate(e);
    }
  }

  /**
   * Opens the chosen notebook to follow it for a long while ({@code share}): read-only and without
   * its lock, like {@link #openToRead()}, but never upgraded, since that would hold the writer's
   * lock for as long as it is followed. Never creates one.
   */
  Notebook openToFollow() {
    try {
      return Notebook.open(
          notebookPath(), Notebook.Options.defaults().withReadOnly(true).withCreate(false));
    } catch (NotebookOpenException e) {
      throw sayingHowToCreate(e);
    }
  }

  /** Opens the chosen notebook only if it exists: reading never creates an empty notebook. */
  Notebook openExisting() {
    return openExisting(null);
  }

  /**
   * The same, for a command whose change the window makes with {@code inTheWindow} (its menu item,
   * "Edit → Move to event…"; null: none): while another Talkbook has the notebook, the message
   * names it.
   */
  Notebook openExisting(String inTheWindow) {
    try {
      return Notebook.open(
          notebookPath(),
          options().withReadOnly(readOnly).withCreate(false).withLockWait(LOCK_WAIT));
    } catch (NotebookOpenException e) {
      throw sayingWhatToDo(e, inTheWindow);
    }
  }

  /**
   * The message of an open that failed, said for the command line: how to create a notebook that is
   * not there, and for a command that writes a notebook another Talkbook holds, to make the change
   * there or close it. (The core's advice, to open it read-only meanwhile, is for a window or a
   * reading command; it cannot help a command that writes.)
   */
  private NotebookOpenException sayingWhatToDo(NotebookOpenException e, String inTheWindow) {
    if (e.problem() != NotebookOpenException.Problem.LOCKED || readOnly) {
      return sayingHowToCreate(e);
    }
    return new NotebookOpenException(
        e.file(),
        e.problem(),
        e.whatIsWrong(),
        "This command changes the notebook, and one Talkbook at a time may (--read-only would"
            + " only read it): if that is the window, make the change there"
            + (inTheWindow == null ? "" : " (" + inTheWindow + ")")
            + " or close it, then run the command again.",
        e);
  }

  /**
   * The options every open of a command starts from: an upgrade of an older notebook (seconds for a
   * large one) is told on standard error, a line before and one after, so the command does not seem
   * to hang; standard output stays the command's own.
   */
  private Notebook.Options options() {
    PrintWriter err = spec.commandLine().getErr();
    return Notebook.Options.defaults()
        .withUpgrading(
            new Notebook.Upgrading() {
              @Override
              public void starting(Path file, int fromFormat, int toFormat) {
                err.println(Notebook.Upgrading.startingLine(file, fromFormat, toFormat));
                err.flush();
              }

              @Override
              public void done(Path file, java.time.Duration took) {
                err.println(Notebook.Upgrading.doneLine(file, took));
                err.flush();
              }

              @Override
              public void waitingForClose(Path file) {
                err.println(Notebook.Upgrading.waitingLine(file));
                err.flush();
              }
            });
  }

  /**
   * How long a command that writes waits for another Talkbook to let go of the notebook: commands
   * run side by side (a script's loop, a scheduled export beside an edit) take their turns instead
   * of failing at random; a window that keeps the notebook open is still named after this.
   */
  static final java.time.Duration LOCK_WAIT = java.time.Duration.ofSeconds(3);

  /**
   * A notebook that is not there, told with the commands that make one: the core's message says to
   * "create a notebook", which on the command line only a writing command does.
   */
  private NotebookOpenException sayingHowToCreate(NotebookOpenException e) {
    if (e.problem() != NotebookOpenException.Problem.NOT_FOUND) {
      return e;
    }
    String talkbook = "talkbook --notebook " + shellWord(e.file().toString());
    return new NotebookOpenException(
        e.file(),
        e.problem(),
        "there is no such file.",
        (readOnly
                ? "A read-only notebook is never created; create it without --read-only: "
                : "This command needs an existing notebook; check the path, or create one with: ")
            + talkbook
            + " event add \"Its title\" (or: "
            + talkbook
            + " sample, for a sample meetup).",
        e);
  }

  /**
   * {@code text} as one word to paste into a shell: as it is when it holds only plain signs, else
   * in double quotes (which a POSIX shell and Windows' cmd both take) unless it holds something
   * double quotes do not protect in a POSIX shell; then in single quotes.
   */
  static String shellWord(String text) {
    if (text.matches("[A-Za-z0-9_./:@%+=,~-]+")) {
      return text;
    }
    if (!text.matches(".*[\"$`!].*")) {
      return "\"" + text + "\"";
    }
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /**
   * A deletion asked for without {@code --yes}: says what it would delete and to confirm with
   * {@code --yes}; exit code 2, wrong usage, so a script tells it apart from a refusal (exit 1).
   */
  static int unconfirmed(CommandSpec spec, String whatItDeletes) {
    spec.commandLine()
        .getErr()
        .println("talkbook: " + whatItDeletes + " Run again with --yes to confirm.");
    return WRONG_USAGE;
  }

  static TalkbookCommand of(CommandSpec spec) {
    return (TalkbookCommand) spec.root().userObject();
  }

  /**
   * The {@code --notebook} value as a path. An empty one (or one of only spaces, as an unset shell
   * variable in {@code --notebook "$NB"} gives) is refused as a usage mistake: as a path it would
   * be the current folder, which the user never named, and the refusal would then be about a
   * folder.
   */
  static final class NotebookPathConverter implements CommandLine.ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      if (value.isBlank()) {
        throw new CommandLine.TypeConversionException(
            "it is empty; name the notebook file (--notebook PATH), or leave the option out for"
                + " the default notebook.");
      }
      try {
        return Path.of(value);
      } catch (java.nio.file.InvalidPathException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a path: " + e.getReason());
      }
    }
  }

  /** The version from the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"Talkbook " + AppVersion.version(), AppVersion.java()};
    }
  }
}
