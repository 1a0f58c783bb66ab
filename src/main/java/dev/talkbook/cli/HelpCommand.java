package dev.talkbook.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code talkbook help [COMMAND…]}: the usage of a command, nested ones too ({@code talkbook help
 * event add}); picocli's own help command takes one name only.
 */
@Command(
    name = "help",
    helpCommand = true,
    description = "Show the help of a command, like: talkbook help event add.")
final class HelpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "COMMAND",
      description = "The command, and its sub-command.")
  List<String> names = List.of();

  @Override
  public Integer call() {
    CommandLine target = spec.parent().commandLine();
    for (String name : names) {
      CommandLine sub = target.getSubcommands().get(name);
      if (sub == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "There is no command \""
                + String.join(" ", names.subList(0, names.indexOf(name) + 1))
                + "\". See: talkbook --help.");
      }
      target = sub;
    }
    target.usage(spec.commandLine().getOut());
    return 0;
  }
}
