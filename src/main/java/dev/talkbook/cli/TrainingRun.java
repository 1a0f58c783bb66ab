package dev.talkbook.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs several commands one after another in one JVM: the training run of the packaged app's
 * command-line AOT cache ({@code packaging/build.sh}), so that the cache holds what each of them
 * loads (a search, and an export of the site with its Markdown renderer) and not only one command's
 * classes. Arguments: the commands' arguments, separated by {@code --then}. The packaged launcher
 * runs it in place of the command line when {@code -D}{@value #PROPERTY}{@code =true} is among its
 * JVM options. Not for users; the exit code is the first failing command's, else 0.
 */
public final class TrainingRun {
  /** The system property that makes {@code dev.talkbook.Launcher} run this. */
  public static final String PROPERTY = "talkbook.trainingRun";

  private TrainingRun() {}

  public static void main(String[] args) {
    int exit = 0;
    for (String[] command : split(args)) {
      int code = TalkbookCommand.run(command);
      if (exit == 0) {
        exit = code;
      }
    }
    System.exit(exit);
  }

  /** The arguments between {@code --then}s, each run as one command (empty runs dropped). */
  static List<String[]> split(String[] args) {
    List<String[]> commands = new ArrayList<>();
    int from = 0;
    for (int i = 0; i <= args.length; i++) {
      if (i == args.length || args[i].equals("--then")) {
        if (i > from) {
          commands.add(Arrays.copyOfRange(args, from, i));
        }
        from = i + 1;
      }
    }
    return commands;
  }
}
