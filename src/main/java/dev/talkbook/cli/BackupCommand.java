package dev.talkbook.cli;

import dev.talkbook.core.store.Notebook;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "backup",
    description =
        "Write a copy of the notebook to a new file: everything saved, as one plain file. Works"
            + " while the window has the notebook open.")
final class BackupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The new file (one that exists, or a folder, is refused).")
  Path out;

  @Override
  public Integer call() throws Exception {
    TalkbookCommand root = TalkbookCommand.of(spec);
    PrintWriter print = spec.commandLine().getOut();
    try (Notebook notebook = root.openToRead()) {
      notebook.backupTo(out);
      Path copy = out.toAbsolutePath().normalize();
      print.println(
          "Backed up "
              + notebook.file()
              + " to "
              + copy
              + " ("
              + Files.size(copy) / 1024
              + " KB).");
      return 0;
    }
  }
}
