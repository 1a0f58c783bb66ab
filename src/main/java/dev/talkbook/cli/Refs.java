package dev.talkbook.cli;

import dev.talkbook.core.notebook.NotFoundException;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds the talk a user named on the command line: by id, or by (part of) its title. */
final class Refs {
  private Refs() {}

  static Talk talk(Notebook notebook, String ref) {
    String r = ref.strip();
    if (r.matches("\\d{1,18}")) {
      long id = Long.parseLong(r);
      // A number is an id; only a talk titled exactly that number (a talk called "1984") is found
      // by title instead, never one that merely contains it: "talk delete 5 --yes" run twice must
      // not delete some other talk the second time.
      return notebook
          .talks()
          .find(id)
          .or(() -> exactTitle(notebook, r))
          .orElseGet(() -> notebook.talks().get(id));
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

  private static Optional<Talk> exactTitle(Notebook notebook, String title) {
    List<Talk> exact =
        notebook.talks().findByTitle(title).stream()
            .filter(t -> t.title().equalsIgnoreCase(title))
            .toList();
    return exact.size() == 1 ? Optional.of(exact.get(0)) : Optional.empty();
  }
}
