package dev.talkbook;

import dev.talkbook.cli.TalkbookCommand;
import dev.talkbook.cli.TrainingRun;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotebookLocation;
import dev.talkbook.ui.App;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * The program's entry point. {@code talkbook} alone (or with only {@code --notebook PATH} and
 * {@code --read-only}) opens the window; with a command it runs the command line. A plain class,
 * not a JavaFX {@code Application}, so JavaFX on the classpath starts.
 */
public final class Launcher {
  private Launcher() {}

  /**
   * What the window opens: the notebook the user named (the option, else the environment's; null
   * for none: the window then takes the last one it opened, else the default) and the mode.
   */
  record Window(Path notebookPath, boolean readOnly) {}

  public static void main(String[] rawArgs) {
    // picocli is used before it is known whether the arguments are a command (windowOptions)
    System.getProperties().putIfAbsent(NO_GROOVY, "true");
    if (Boolean.getBoolean(TrainingRun.PROPERTY)) {
      forCommands();
      warmUpNotebook(); // so that the AOT cache holds its thread's classes
      TrainingRun.main(rawArgs); // packaging/build.sh: several commands in one JVM
      return;
    }
    String[] args = withOpenedFile(rawArgs);
    // Before picocli reads the arguments (~0.1 s in a cold JVM, while C2 compiles): the sooner the
    // directive, the fewer of C2's compiles. A word that only looks like a long command (a
    // notebook named "export", a search for "import") costs a short command a thread's ~40 ms on
    // the other core, and the window asks for the directive anyway.
    boolean quick = mayRunLong(args);
    if (quick) {
      QuickCompiler.begin();
    }
    boolean command = mayOpenNotebook(args);
    if (command) {
      forCommands(); // before the warm-up's sqlite-jdbc looks for a logger
      warmUpNotebook();
    }
    Optional<Window> window = windowOptions(args);
    if (window.isEmpty()) {
      forCommands();
      int code = TalkbookCommand.run(args);
      if (code != 0 || otherThreadsKeepTheJvm()) {
        System.exit(code);
      }
      // Returning ends the JVM with exit code 0 as System.exit(0) would, shutdown hooks included,
      // without its first step: System.exit looks up a System.Logger to record the exit with,
      // which searches every jar of the class path for a logging service (see forCommands).
      return;
    }
    Optional<String> noDisplay =
        noDisplay(System.getenv(), System.getProperty("os.name", ""), System.getProperties());
    if (noDisplay.isPresent()) {
      System.err.println("talkbook: " + noDisplay.get());
      System.exit(TalkbookCommand.USER_ERROR);
    }
    if (!quick) {
      QuickCompiler.begin();
    }
    try {
      App.launch(window.get().notebookPath(), window.get().readOnly());
    } catch (UnsupportedOperationException e) {
      // GTK could not open the display DISPLAY names (an X server gone, a forwarding refused)
      if (String.valueOf(e.getMessage()).contains("DISPLAY")) {
        String display = System.getenv("DISPLAY");
        System.err.println(
            "talkbook: the window cannot open on "
                + (display == null || display.isBlank()
                    ? "this display (DISPLAY is not set)"
                    : "display " + display)
                + " ("
                + e.getMessage()
                + "). "
                + COMMANDS_WITHOUT_A_WINDOW);
        System.exit(TalkbookCommand.USER_ERROR);
      }
      throw e;
    }
  }

  private static final String COMMANDS_WITHOUT_A_WINDOW =
      "Commands work without one: talkbook --help lists them.";

  /**
   * Why the window cannot open here, said before JavaFX tries (it would end in a stack trace): on
   * Linux and the BSDs, a session with no display at all (neither {@code DISPLAY} nor {@code
   * WAYLAND_DISPLAY}: a login over SSH, a terminal on a server). Empty where a window may open, and
   * for JavaFX's headless Monocle platform (the tests').
   */
  static Optional<String> noDisplay(
      java.util.Map<String, String> env, String osName, java.util.Properties properties) {
    String os = osName.toLowerCase(java.util.Locale.ROOT);
    if (os.startsWith("windows")
        || os.startsWith("mac")
        || "Monocle".equalsIgnoreCase(properties.getProperty("glass.platform"))) {
      return Optional.empty();
    }
    boolean display = !env.getOrDefault("DISPLAY", "").isBlank();
    boolean wayland = !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    return display || wayland
        ? Optional.empty()
        : Optional.of(
            "there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is"
                + " set: a terminal over SSH, say). "
                + COMMANDS_WITHOUT_A_WINDOW);
  }

  /**
   * The commands that run long enough (seconds, with a large notebook) for C2's compiles to cost
   * more than they give back, and for {@link QuickCompiler}'s 0.1 s to pay: on the class path a
   * 10,000-talk re-export took 1.51–1.88 s of processor time with C2 and 1.14–1.62 s without. A
   * short command ({@code info}, {@code search}) would only pay for it (+0.1 s).
   */
  static final Set<String> LONG_COMMANDS = Set.of("export", "import");

  /**
   * Whether the arguments may name a command of {@link #LONG_COMMANDS}: one of them is such a name
   * (as a command, or as an option's value or a command's argument, which only picocli tells
   * apart).
   */
  static boolean mayRunLong(String[] args) {
    for (String arg : args) {
      if (LONG_COMMANDS.contains(arg)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the arguments are for a command that may open a notebook: not the window's plain start
   * ({@link #plainWindowOptions}), nor the help or the version alone. The command's notebook then
   * opens after picocli has read the arguments (~40–60 ms of the main thread in the packaged app,
   * more on a class path), and the part of that open that does not depend on the file (SQLite's
   * native library, the driver's set-up: 20–60 ms) can be done beside it ({@link #warmUpNotebook}).
   */
  static boolean mayOpenNotebook(String[] args) {
    if (plainWindowOptions(args).isPresent()) {
      return false;
    }
    for (String arg : args) {
      if (HELP_OR_VERSION.contains(arg)) {
        return false;
      }
    }
    return true;
  }

  private static final Set<String> HELP_OR_VERSION =
      Set.of("-h", "--help", "-V", "--version", "help");

  /** {@link Notebook#warmUp} on a daemon thread of its own; returns at once. */
  static void warmUpNotebook() {
    Thread t = new Thread(Notebook::warmUp, "talkbook-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** picocli's switch for its look-up of Groovy's closure class, which Talkbook never uses. */
  static final String NO_GROOVY = "picocli.disable.closures";

  /**
   * Spares a command the searches of the whole class path that libraries make at their start. A
   * class or resource that is not on the class path, or a service looked up by {@code
   * ServiceLoader}, is searched for in every jar, which opens each one and reads its directory: the
   * packaged app's 66 jars cost 20–40 ms of the start of every command, where its AOT cache
   * otherwise opens none but the few that resources are read from. Here: picocli's look-up of
   * Groovy ({@link #NO_GROOVY}, set in {@link #main} already) and SLF4J's of its provider (for
   * sqlite-jdbc, which logs through it: slf4j-nop, the only provider on the class path, is named;
   * on a class path Maven makes, its jar and SLF4J's come right after sqlite-jdbc's, see pom.xml).
   * Options the user gives ({@code -D}) stay. Elsewhere: the time zone is looked up only when it is
   * used ({@code RevisionPolicy.standard}), and a successful command ends without {@code
   * System.exit} ({@link #main}).
   */
  static void forCommands() {
    java.util.Properties p = System.getProperties();
    p.putIfAbsent(NO_GROOVY, "true");
    if (p.putIfAbsent("slf4j.provider", "org.slf4j.nop.NOPServiceProvider") == null) {
      // else SLF4J says on standard error which provider it was told to use
      p.putIfAbsent("slf4j.internal.verbosity", "WARN");
    }
  }

  /**
   * Whether a thread that is not a daemon, other than this one, is still running: the JVM would
   * wait for it if {@link #main} just returned, so the command line ends with {@code System.exit}
   * then. (Or when there are too many threads to tell.)
   */
  static boolean otherThreadsKeepTheJvm() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int count = root.enumerate(threads, true);
    for (int i = 0; i < count; i++) {
      Thread t = threads[i];
      if (t != Thread.currentThread() && t.isAlive() && !t.isDaemon()) {
        return true;
      }
    }
    return count == threads.length;
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
      return Optional.of(new Window(options.namedNotebook(), options.readOnly()));
    } catch (CommandLine.ParameterException e) {
      return Optional.empty();
    }
  }

  /**
   * The window's options when the arguments are only {@code --notebook PATH} (or {@code
   * --notebook=PATH}) and {@code --read-only}, each at most once, in any order: read here, because
   * picocli's classes (compiled for Java 5: verified the slow way, and kept by no class-data
   * archive) cost a tenth of a second before the window could start. Anything else (a command, an
   * option given twice, a value that looks like an option, an empty or blank path) is left to
   * picocli, which reads it the same way or explains the mistake; {@code LauncherTest} checks both
   * agree.
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
      if (notebook != null || value.isBlank() || value.startsWith("-")) {
        return Optional.empty();
      }
      notebook = value;
    }
    try {
      Path explicit = notebook == null ? null : Path.of(notebook);
      return Optional.of(new Window(NotebookLocation.named(explicit).orElse(null), readOnly));
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
