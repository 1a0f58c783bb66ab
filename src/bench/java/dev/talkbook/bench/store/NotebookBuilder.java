package dev.talkbook.bench.store;

import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.TalkStore;
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

  /**
   * Creates every talk in one bulk transaction ({@code inBulk}: the full-text index takes them in
   * one go at the end) through {@code talks().createAll}, as an import does.
   */
  public static void createTalks(Notebook notebook, TalkCorpus corpus, List<Long> eventIds) {
    notebook.inBulk(
        () -> {
          List<TalkStore.NewTalk> talks = new ArrayList<>(corpus.talks().size());
          for (TalkCorpus.TalkSpec talk : corpus.talks()) {
            talks.add(
                new TalkStore.NewTalk(
                    eventIds.get(talk.eventIndex()), talk.details(), talk.body(), null));
          }
          return notebook.talks().createAll(talks);
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
