package dev.talkbook.core.site;

import dev.talkbook.core.site.MarkdownImporter.Report;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Folders of Markdown notes for the import's tests: written, then imported as the user does. */
final class MarkdownFolders {
  private MarkdownFolders() {}

  /** Writes {@code text} to {@code file}, making the folders it is in. */
  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /**
   * Imports {@code folder} into {@code notebook} as a dry run, then for real: the dry run's report.
   */
  static Report dryRunThenImport(Notebook notebook, Path folder) {
    MarkdownImporter importer = new MarkdownImporter();
    Report dry = importer.importFolder(notebook, folder, true, SiteExporter.Progress.NONE);
    importer.importFolder(notebook, folder, false, SiteExporter.Progress.NONE);
    return dry;
  }
}
