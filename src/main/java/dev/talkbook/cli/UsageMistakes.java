package dev.talkbook.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Tells a usage mistake (exit code 2) in the user's words where picocli's own are the parser's: an
 * unknown command ("Unmatched argument at index 0: 'frobnicate'"), an argument too many, a word
 * that is not a number ("'abc' is not a long"), a command group named without its command ("Missing
 * required subcommand"). Any other mistake keeps its message. As picocli does, the message is
 * followed by suggestions for a mistyped name when there are some, else by the command's usage; an
 * unknown command gets no usage, only where to find the commands.
 */
final class UsageMistakes implements CommandLine.IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println(cl.getColorScheme().errorText(message(ex)));
    if (isUnknownCommand(ex)) {
      // picocli's suggestions name a group's commands without "talkbook" ("event add")
      List<String> similar = ((UnmatchedArgumentException) ex).getSuggestions();
      if (!similar.isEmpty()) {
        String command = cl.getCommandSpec().qualifiedName();
        err.println(
            "Did you mean: "
                + similar.stream().map(s -> command + " " + s).collect(Collectors.joining(" or "))
                + "?");
      }
    } else if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
      usageFor(cl, args).usage(err, cl.getColorScheme());
    }
    err.flush();
    return cl.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * The command whose usage follows a mistake in {@code cl}: the command the arguments name, when
   * the mistake was in {@code talkbook}'s own options before it ({@code --notebook "" talks}). The
   * command line then holds that command alone ({@link TalkbookCommand#forArguments}), and its
   * usage listed only it under "Commands:", as if talkbook had no other; the command's usage, which
   * says {@code --notebook} too, is the one {@code talks --notebook ""} shows.
   */
  private static CommandLine usageFor(CommandLine cl, String[] args) {
    if (cl.getParent() != null) {
      return cl;
    }
    return TalkbookCommand.commandIn(args).map(cl.getSubcommands()::get).orElse(cl);
  }

  /** The sentence that says what is wrong. */
  static String message(ParameterException ex) {
    CommandLine cl = ex.getCommandLine();
    String command = cl.getCommandSpec().qualifiedName();
    if (ex instanceof UnmatchedArgumentException u
        && !u.isUnknownOption()
        && !u.getUnmatched().isEmpty()) {
      List<String> unmatched = u.getUnmatched();
      if (isUnknownCommand(ex)) {
        String path = cl.getParent() == null ? "" : cl.getCommandSpec().name() + " ";
        return "Unknown command '"
            + path
            + unmatched.get(0)
            + "'. Run "
            + command
            + " --help for "
            + (cl.getParent() == null ? "the commands." : "its commands.");
      }
      return tooMany(cl, unmatched);
    }
    if (ex instanceof UnmatchedArgumentException u
        && u.isUnknownOption()
        && u.getUnmatched().size() == 1
        && u.getUnmatched().get(0).strip().contains(" ")
        && cl.getCommandSpec().findOption("--title") != null) {
      // A quoted title starting with a dash ("-dash title") is no option name anyone types.
      String title = u.getUnmatched().get(0);
      return "Unknown option: '"
          + title
          + "': a title that starts with - goes after --title: "
          + command
          + " --title '"
          + title.replace("'", "'\\''")
          + "' …";
    }
    if (ex.getCause() instanceof CommandLine.TypeConversionException
        && ex.getArgSpec() != null
        && isWholeNumber(ex.getArgSpec().type())) {
      return notANumber(ex.getArgSpec(), ex.getValue());
    }
    if (ex instanceof CommandLine.MissingParameterException missing
        && missing.getMissing().stream().anyMatch(a -> "REVISION".equals(a.paramLabel()))
        && "restore".equals(cl.getCommandSpec().name())) {
      // "restore 6" after "history 6": the one number is the talk's; the revision is still to come
      return "Name the talk and then its revision: talkbook restore TALK REVISION ("
          + "talkbook history TALK lists a talk's revisions).";
    }
    if ("Missing required subcommand".equals(ex.getMessage()) && !cl.getSubcommands().isEmpty()) {
      return command + " needs a command: " + orList(new ArrayList<>(cl.getSubcommands().keySet()));
    }
    return ex.getMessage();
  }

  /** A word where a command was expected: the command named has commands and this is none. */
  private static boolean isUnknownCommand(ParameterException ex) {
    return ex instanceof UnmatchedArgumentException u
        && !u.isUnknownOption()
        && !u.getUnmatched().isEmpty()
        && !ex.getCommandLine().getSubcommands().isEmpty()
        && ex.getCommandLine().getCommandSpec().positionalParameters().isEmpty();
  }

  /**
   * Words after all that the command takes. When it takes one value and got more words, those were
   * most likely one title typed without quotes.
   */
  private static String tooMany(CommandLine cl, List<String> unmatched) {
    String command = cl.getCommandSpec().qualifiedName();
    String quoted = unmatched.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", "));
    String start =
        (unmatched.size() == 1 ? "Unexpected argument " : "Unexpected arguments ") + quoted;
    List<PositionalParamSpec> positionals = cl.getCommandSpec().positionalParameters();
    if (positionals.isEmpty()) {
      return start + ": " + command + " takes none.";
    }
    if (positionals.size() == 1 && positionals.get(0).arity().max() == 1) {
      PositionalParamSpec p = positionals.get(0);
      String takes = start + ": " + command + " takes one " + p.paramLabel();
      List<String> given = p.stringValues();
      if (given.size() == 1 && TITLED.contains(p.paramLabel())) {
        List<String> words = new ArrayList<>(given);
        words.addAll(unmatched);
        return takes
            + ", so a title of several words goes in quotes: \""
            + String.join(" ", words)
            + "\".";
      }
      return takes + ".";
    }
    return start + ". Run " + command + " --help for what it takes.";
  }

  /** The values that may be a title, which a user may type without quotes. */
  private static final java.util.Set<String> TITLED = java.util.Set.of("TALK", "EVENT", "TITLE");

  private static boolean isWholeNumber(Class<?> type) {
    return type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == short.class
        || type == Short.class;
  }

  /** A word given where a whole number goes: what that number is, and an example. */
  private static String notANumber(ArgSpec arg, String value) {
    if ("REVISION".equals(arg.paramLabel())) {
      return "'"
          + value
          + "' is not a revision number; talkbook history TALK lists a talk's revisions.";
    }
    String name = arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    String what = "SECONDS".equals(arg.paramLabel()) ? "a number of seconds" : "a number";
    String takes = " (" + name + " takes a whole number" + exampleOf(arg) + ")";
    if (value != null && value.strip().matches("[-+]?\\d+")) {
      return "'"
          + value
          + "' is too "
          + (value.strip().startsWith("-") ? "small" : "large")
          + takes
          + ".";
    }
    return "'" + value + "' is not " + what + takes + ".";
  }

  /** ", like 30" from the default value, when that is a useful example (not 0). */
  private static String exampleOf(ArgSpec arg) {
    String d = arg.defaultValue();
    return d == null || !d.matches("[1-9]\\d*") ? "" : ", like " + d;
  }

  /** "add, edit or delete". */
  private static String orList(List<String> names) {
    names.remove("help");
    if (names.size() == 1) {
      return names.get(0) + ".";
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1)
        + ".";
  }
}
