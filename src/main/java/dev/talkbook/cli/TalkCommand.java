package dev.talkbook.cli;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.site.MarkdownImporter;
import dev.talkbook.core.store.Notebook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "talk",
    description = "Add, edit, move or delete a talk.",
    subcommands = {
      TalkCommand.Add.class,
      TalkCommand.Edit.class,
      TalkCommand.Move.class,
      TalkCommand.Delete.class,
      TalkCommand.Star.class,
      TalkCommand.Unstar.class
    })
final class TalkCommand {

  /** The talk fields, each optional on edit. An empty value clears a field. */
  static final class Fields {
    @Option(names = "--title", paramLabel = "TEXT", description = "The talk's title.")
    String title;

    @Option(
        names = "--speaker",
        paramLabel = "NAME",
        description = "A speaker (repeat for several; replaces the list).")
    List<String> speakers;

    @Option(
        names = "--at",
        paramLabel = "TIME",
        converter = TimeOrNone.class,
        description = "Start, like 2026-11-24T14:30 (--at '' clears it).")
    LocalDateTime startsAt;

    @Option(names = "--room", paramLabel = "TEXT", description = "The room.")
    String room;

    @Option(names = "--slides", paramLabel = "URL", description = "Link to the slides.")
    String slides;

    @Option(names = "--video", paramLabel = "URL", description = "Link to the recording.")
    String video;

    @Option(
        names = "--tag",
        paramLabel = "TAG",
        description = "A tag (repeat for several; replaces the list; --tag '' clears it).")
    List<String> tags;

    @Option(
        names = "--notes-file",
        paramLabel = "FILE",
        description = "Read the notes (Markdown, UTF-8) from FILE, or from standard input for -.")
    Path notesFile;

    Talk.Details over(Talk.Details old) {
      return new Talk.Details(
          title != null ? title : old.title(),
          speakers != null ? speakers : old.speakers(),
          startsAt == null ? old.startsAt() : startsAt.equals(NO_TIME) ? null : startsAt,
          room != null ? room : old.room(),
          slides != null ? slides : old.slidesUrl(),
          video != null ? video : old.videoUrl(),
          tags != null ? tags : old.tags());
    }

    String notes() {
      return notesFile == null ? null : Values.readNotes(notesFile);
    }

    /**
     * The files the notes from {@code --notes-file} link to by a relative path (images, say), read
     * as {@code import markdown} reads them; null for no notes file or standard input.
     */
    MarkdownImporter.LinkedFiles linkedFiles(String notes) {
      if (notes == null || notesFile.toString().equals("-")) {
        return null;
      }
      MarkdownImporter.LinkedFiles linked = new MarkdownImporter.LinkedFiles(notes, notesFile);
      return linked.files().isEmpty() && linked.missing().isEmpty() && linked.outside().isEmpty()
          ? null
          : linked;
    }

    /**
     * Stores the linked files as the talk's attachments and saves the notes linking to them;
     * whether the notes changed. {@link #sayStored} says what was stored.
     */
    static boolean saveNotes(
        Notebook notebook, long talkId, String notes, MarkdownImporter.LinkedFiles linked) {
      if (linked == null) {
        return notebook.talks().saveBody(talkId, notes);
      }
      return notebook.inTransaction(
          () -> notebook.talks().saveBody(talkId, linked.store(notebook, talkId, notes)));
    }

    /**
     * Says on standard error what {@link #saveNotes} stored of the files the notes link to, and
     * what it did not: once the outermost transaction has committed (a transaction's work may run
     * twice, and a failed commit stores nothing).
     */
    static void sayStored(CommandSpec spec, MarkdownImporter.LinkedFiles linked) {
      if (linked == null) {
        return;
      }
      PrintWriter err = spec.commandLine().getErr();
      if (!linked.files().isEmpty()) {
        err.printf(
            "Stored %s the notes link to: %s%n",
            Counts.of(linked.files().size(), "file"), String.join(", ", linked.files()));
      }
      if (!linked.missing().isEmpty()) {
        err.printf(
            "Not found, so not stored (the links are kept as they are): %s%n",
            String.join(", ", linked.missing()));
      }
      if (!linked.outside().isEmpty()) {
        err.printf(
            "Outside the notes file's folder, so not stored (the links are kept as they are): %s%n",
            String.join(", ", linked.outside()));
      }
    }
  }

  /**
   * A talk whose day is not within its event's dates is kept as given (an event's dates may be
   * wrong too) but said, on standard error: a mistyped year is found at once, not on the site.
   */
  static void warnIfOutside(CommandSpec spec, Notebook notebook, Talk t) {
    notebook
        .events()
        .get(t.eventId())
        .dayOutside(t.details().startsAt())
        .ifPresent(
            why ->
                spec.commandLine()
                    .getErr()
                    .printf("Note: talk %d's time, %s. Check the year?%n", t.id(), why));
  }

  /** What {@code --at ''} converts to: no talk starts at the dawn of time, so it means "none". */
  static final LocalDateTime NO_TIME = LocalDateTime.MIN;

  /** A time like 2026-11-24T14:30, or {@link #NO_TIME} for an empty value. */
  static final class TimeOrNone implements ITypeConverter<LocalDateTime> {
    @Override
    public LocalDateTime convert(String value) {
      return value.isBlank() ? NO_TIME : Values.dateTime(value);
    }
  }

  @Command(name = "add", description = "Add a talk at the end of an event and print its id.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--event",
        required = true,
        paramLabel = "EVENT",
        description = "Its event's id or part of its title.")
    String event;

    @Parameters(
        arity = "0..1",
        paramLabel = "TITLE",
        description = "The talk's title (or --title, which a title starting with - needs).")
    String title;

    @Mixin Fields fields;

    @Override
    public Integer call() {
      String title =
          Values.title(
              spec,
              this.title,
              fields.title,
              "A talk",
              "talkbook talk add --event EVENT \"Its title\" (or --title \"…\")");
      String notes = fields.notes();
      MarkdownImporter.LinkedFiles linked = fields.linkedFiles(notes);
      try (Notebook notebook = TalkbookCommand.of(spec).openExisting()) {
        long eventId = Refs.event(notebook, event).id();
        Talk t =
            notebook.inTransaction(
                () -> {
                  Talk added =
                      notebook
                          .talks()
                          .create(
                              eventId,
                              fields.over(Talk.Details.titled(title)),
                              notes == null || linked != null && !linked.files().isEmpty()
                                  ? ""
                                  : notes);
                  if (linked != null) {
                    // the files stored first, then the notes linking to them, as the import does
                    Fields.saveNotes(notebook, added.id(), notes, linked);
                  }
                  return added;
                });
        Fields.sayStored(spec, linked);
        spec.commandLine().getOut().printf("Added talk %d: %s%n", t.id(), t.title());
        warnIfOutside(spec, notebook, t);
        return 0;
      }
    }
  }

  @Command(
      name = "edit",
      description =
          "Change a talk's fields or notes; the ones not given stay. Notes are versioned.")
  static final class Edit implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "TALK", description = "The talk's id or part of its title.")
    String talk;

    @Mixin Fields fields;

    @Option(
        names = "--allow-empty",
        description =
            "Let empty standard input (--notes-file -) empty the notes; without it, empty input"
                + " is refused, as a pipe that delivered nothing would otherwise wipe them.")
    boolean allowEmpty;

    @Override
    public Integer call() {
      String notes = fields.notes();
      MarkdownImporter.LinkedFiles linked = fields.linkedFiles(notes);
      try (Notebook notebook = TalkbookCommand.of(spec).openExisting()) {
        Talk t = Refs.talk(notebook, talk);
        if (notes != null
            && notes.isBlank()
            && !t.body().isBlank()
            && !allowEmpty
            && fields.notesFile.toString().equals("-")) {
          throw new NotebookException(
              "Standard input was empty"
                  + (notes.isEmpty() ? "" : " (only blank lines)")
                  + ", so the notes of talk "
                  + t.id()
                  + " (\""
                  + t.title()
                  + "\") were left as they are: did the command before the pipe fail? To empty"
                  + " them, run again with --allow-empty. Nothing was changed.");
        }
        Talk.Details details = fields.over(t.details());
        List<String> tagsBefore = t.details().tags();
        if (!details.equals(t.details())) {
          t = notebook.talks().update(t.id(), details);
        }
        boolean notesChanged = notes != null && Fields.saveNotes(notebook, t.id(), notes, linked);
        if (notesChanged) {
          notebook.revisions().keepCommandEdit(t.id());
        }
        if (notes != null) {
          Fields.sayStored(spec, linked);
        }
        spec.commandLine()
            .getOut()
            .printf(
                "Saved talk %d: %s%s%n", t.id(), t.title(), notesChanged ? " (notes changed)" : "");
        sayTagSpellings(spec, tagsBefore, details.tags(), t.details().tags());
        if (fields.startsAt != null) {
          warnIfOutside(spec, notebook, t);
        }
        return 0;
      }
    }
  }

  /**
   * Says where a tag's spelling is not the one given: a tag the talk had, given in another case,
   * was respelled on every talk (TalkStore.update); a tag it did not have kept the notebook's.
   */
  private static void sayTagSpellings(
      CommandSpec spec, List<String> before, List<String> given, List<String> saved) {
    java.util.Map<String, String> had = new java.util.HashMap<>();
    for (String tag : before) {
      had.put(dev.talkbook.core.notebook.Tags.key(tag), tag);
    }
    for (String tag : given) {
      String key = dev.talkbook.core.notebook.Tags.key(tag);
      String old = had.get(key);
      String now =
          saved.stream()
              .filter(s -> dev.talkbook.core.notebook.Tags.key(s).equals(key))
              .findFirst()
              .orElse(tag);
      if (old != null && !old.equals(now)) {
        spec.commandLine()
            .getOut()
            .printf("Tag \"%s\" is now spelled \"%s\" on every talk that has it.%n", old, now);
      } else if (old == null && !now.equals(tag)) {
        spec.commandLine()
            .getOut()
            .printf(
                "Tag \"%s\" kept the notebook's spelling \"%s\" (tags match ignoring case);"
                    + " to respell it on every talk, give the new spelling on a talk that has"
                    + " it.%n",
                tag, now);
      }
    }
  }

  @Command(name = "move", description = "Move a talk to another place or another event.")
  static final class Move implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "TALK", description = "The talk's id or part of its title.")
    String talk;

    @Option(
        names = "--event",
        paramLabel = "EVENT",
        description = "The event to move it to: its id or part of its title.")
    String event;

    @Option(
        names = "--position",
        paramLabel = "N",
        description = "Its place in the event, from 1 (default: last).")
    Integer position;

    @Override
    public Integer call() {
      if (event == null && position == null) {
        throw new ParameterException(
            spec.commandLine(), "Say where to: --event EVENT, --position N, or both.");
      }
      if (position != null && position < 1) {
        throw new ParameterException(spec.commandLine(), "--position counts from 1.");
      }
      try (Notebook notebook =
          TalkbookCommand.of(spec).openExisting("Edit \u2192 Move to event\u2026")) {
        Talk t = Refs.talk(notebook, talk);
        long target = event == null ? t.eventId() : Refs.event(notebook, event).id();
        Talk moved =
            notebook
                .talks()
                .move(t.id(), target, position == null ? Integer.MAX_VALUE : position - 1);
        spec.commandLine()
            .getOut()
            .printf(
                "Moved talk %d to place %d of event %d.%n",
                moved.id(), moved.position() + 1, moved.eventId());
        if (moved.eventId() != t.eventId()) {
          // as the window's move says: the time is kept, and may be wrong for this event
          notebook
              .events()
              .get(moved.eventId())
              .dayOutside(moved.details().startsAt())
              .ifPresent(
                  why ->
                      spec.commandLine()
                          .getErr()
                          .printf("Note: talk %d's time is kept: %s.%n", moved.id(), why));
        }
        return 0;
      }
    }
  }

  @Command(name = "delete", description = "Delete a talk with its notes and their history.")
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "TALK", description = "The talk's id or part of its title.")
    String talk;

    @Option(names = "--yes", description = "Confirm: the notes and their history go too.")
    boolean yes;

    @Override
    public Integer call() {
      try (Notebook notebook = TalkbookCommand.of(spec).openExisting()) {
        Talk t = Refs.talk(notebook, talk);
        if (!yes) {
          return TalkbookCommand.unconfirmed(
              spec,
              "Deleting talk "
                  + t.id()
                  + " (\""
                  + t.title()
                  + "\") also deletes its notes and their history.");
        }
        notebook.talks().delete(t.id());
        spec.commandLine().getOut().printf("Deleted talk %d (%s).%n", t.id(), t.title());
        return 0;
      }
    }
  }

  @Command(name = "star", description = "Put a talk on your agenda (see `export agenda`).")
  static final class Star implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "TALK", description = "The talk's id or part of its title.")
    String talk;

    @Override
    public Integer call() {
      return setStar(spec, talk, true);
    }
  }

  @Command(name = "unstar", description = "Take a talk off your agenda.")
  static final class Unstar implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "TALK", description = "The talk's id or part of its title.")
    String talk;

    @Override
    public Integer call() {
      return setStar(spec, talk, false);
    }
  }

  private static int setStar(CommandSpec spec, String ref, boolean starred) {
    try (Notebook notebook = TalkbookCommand.of(spec).openExisting()) {
      Talk t = Refs.talk(notebook, ref);
      notebook.talks().star(t.id(), starred);
      spec.commandLine()
          .getOut()
          .printf("%s talk %d (%s).%n", starred ? "Starred" : "Unstarred", t.id(), t.title());
      return 0;
    }
  }
}
