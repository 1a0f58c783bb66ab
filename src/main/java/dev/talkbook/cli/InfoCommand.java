package dev.talkbook.cli;

import dev.talkbook.core.store.Notebook;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "info", description = "Say which notebook is used and what it holds.")
final class InfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    TalkbookCommand root = TalkbookCommand.of(spec);
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(root.notebookPath())) {
      out.println("Notebook:    " + root.notebookPath() + " (not created yet)");
      return 0;
    }
    try (Notebook notebook = root.openToRead()) {
      out.println("Notebook:    " + notebook.file());
      out.println("Size:        " + Files.size(notebook.file()) / 1024 + " KB");
      out.println(
          "Format:      "
              + notebook.formatVersion()
              + (root.readOnly() || !Files.isWritable(notebook.file()) ? " (read-only)" : ""));
      out.println("Events:      " + notebook.events().list().size());
      out.println("Talks:       " + notebook.talks().count());
      out.println("Attachments: " + notebook.attachments().count());
      return 0;
    }
  }
}
