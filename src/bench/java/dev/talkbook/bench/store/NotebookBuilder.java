package dev.talkbook.bench.store;

import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Fills a notebook with a {@link TalkCorpus} through the public store API, as the app would. */
public final class NotebookBuilder {
  private NotebookBuilder() {}

  /** Creates the corpus's events; returns their ids, in the corpus's order. */
  public static List<Long> createEvents(Notebook notebook, TalkCorpus corpus) {
    List<Long> ids = new ArrayList<>();
    for (var event : corpus.events()) {
      ids.add(notebook.events().create(event).id());
    }
    return ids;
  }

  /** Creates every talk through {@code talks().create}, in one bulk transaction. */
  public static void createTalks(Notebook notebook, TalkCorpus corpus, List<Long> eventIds) {
    notebook.inBulk(
        () -> {
          for (TalkCorpus.TalkSpec talk : corpus.talks()) {
            notebook.talks().create(eventIds.get(talk.eventIndex()), talk.details(), talk.body());
          }
          return null;
        });
  }

  /** A new notebook at {@code file} holding the whole corpus. */
  public static void build(Path file, TalkCorpus corpus) {
    try (Notebook notebook = Notebook.open(file)) {
      createTalks(notebook, corpus, createEvents(notebook, corpus));
    }
  }

  /** The notebook file's size plus its -wal and -shm files, if any are left. */
  public static long sizeOnDisk(Path file) throws IOException {
    long size = 0;
    for (String suffix : List.of("", "-wal", "-shm")) {
      Path p = file.resolveSibling(file.getFileName() + suffix);
      if (Files.exists(p)) {
        size += Files.size(p);
      }
    }
    return size;
  }

  public static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("Could not delete " + dir + ": " + e.getMessage());
    }
  }
}
