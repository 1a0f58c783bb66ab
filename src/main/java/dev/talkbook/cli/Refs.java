package dev.talkbook.cli;

import dev.talkbook.core.notebook.NotFoundException;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.util.List;
import java.util.stream.Collectors;

/** Finds the talk a user named on the command line: by id, or by (part of) its title. */
final class Refs {
  private Refs() {}

  static Talk talk(Notebook notebook, String ref) {
    String r = ref.strip();
    if (r.matches("\\d{1,18}")) {
      return notebook.talks().get(Long.parseLong(r));
    }
    List<Talk> found = notebook.talks().findByTitle(r);
    if (found.isEmpty()) {
      throw new NotFoundException("No talk has \"" + r + "\" in its title.");
    }
    if (found.size() > 1) {
      throw new NotebookException(
          "\""
              + r
              + "\" matches "
              + found.size()
              + " talks; name one by id:\n"
              + found.stream()
                  .limit(10)
                  .map(t -> String.format("  %5d  %s", t.id(), t.title()))
                  .collect(Collectors.joining("\n")));
    }
    return found.get(0);
  }
}
