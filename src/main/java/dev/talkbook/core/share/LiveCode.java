package dev.talkbook.core.share;

import dev.talkbook.core.repl.Evaluation;
import dev.talkbook.core.repl.KeptOutput;
import dev.talkbook.core.repl.NoteCode;
import dev.talkbook.core.repl.ReplEvent;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.core.repl.SnippetResult;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The code the presenter runs, for the audience: the newest {@value #MAX_SNIPPETS} snippets with
 * their output, pushed to viewers as they change. Feed it by hand ({@link #start}, {@link #output},
 * {@link #finish}) or let it {@link #follow} a {@link ReplSession}. Thread-safe; listeners are told
 * on the thread that made the change (a follow's under this one's lock: they must not wait on a
 * thread that takes it).
 *
 * <p>Code is kept to {@value #MAX_CODE} characters and output to what the notes keep of it: its
 * newest {@value KeptOutput#NOTES_LINES} lines, at most {@value KeptOutput#NOTES_CHARS} characters,
 * after a line that says how many were not kept ({@link KeptOutput#forNotes}); so a runaway loop
 * cannot flood the viewers, and they see what "Run" writes into the notes.
 */
public final class LiveCode {
  static final int MAX_SNIPPETS = 50;
  static final int MAX_CODE = 20_000;

  /** Told of every change. */
  interface Listener {
    void changed(Snippet snippet);

    void cleared();
  }

  private final Map<Long, Snippet> snippets = new LinkedHashMap<>();

  /** The newest output of a running snippet, and what of it was left out so far. */
  private static final class Printed {
    KeptOutput.Tail kept = KeptOutput.Tail.EMPTY;
  }

  /** What each running snippet printed, while it runs. */
  private final Map<Long, Printed> printed = new HashMap<>();

  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private long nextId = 1;

  /**
   * Which snippet each REPL evaluation still running is shown as, for {@link #follow}: kept here,
   * not in one follow, so that a share that moves ({@link #carryOver}) goes on showing it.
   */
  private final Map<Long, Long> running = new HashMap<>();

  /** A snippet starts running; returns its id. */
  public long start(String code) {
    Snippet s;
    synchronized (this) {
      s = new Snippet(nextId++, cut(code, MAX_CODE), "", Snippet.Status.RUNNING);
      snippets.put(s.id(), s);
      while (snippets.size() > MAX_SNIPPETS) {
        long oldest = snippets.keySet().iterator().next();
        snippets.remove(oldest);
        printed.remove(oldest);
      }
    }
    tell(s);
    return s.id();
  }

  /** A running snippet printed {@code text}. Unknown ids (dropped as too old) are ignored. */
  public void output(long id, String text) {
    output(id, text, 0, 0);
  }

  /**
   * A running snippet printed {@code text}, after {@code droppedChars} characters ({@code
   * droppedLines} line breaks among them) that the REPL dropped unseen (it printed faster than they
   * could be shown).
   */
  void output(long id, String text, long droppedLines, long droppedChars) {
    Snippet s;
    synchronized (this) {
      Snippet old = snippets.get(id);
      if (old == null || text.isEmpty()) {
        return;
      }
      Printed p = printed.computeIfAbsent(id, k -> new Printed());
      // what was kept so far came before what was dropped: a gap takes it away too
      p.kept =
          p.kept
              .then(text, droppedChars, droppedLines)
              .within(KeptOutput.NOTES_LINES, KeptOutput.NOTES_CHARS);
      s =
          new Snippet(
              id,
              old.code(),
              KeptOutput.forNotes(p.kept.text(), p.kept.droppedLines(), p.kept.droppedChars()),
              old.status());
      snippets.put(id, s);
    }
    tell(s);
  }

  /** A snippet ended: its whole output (replacing what was printed so far) and how it ended. */
  public void finish(long id, String output, Snippet.Status status) {
    Snippet s;
    synchronized (this) {
      Snippet old = snippets.get(id);
      if (old == null) {
        return;
      }
      String all = output == null ? "" : output;
      printed.remove(id);
      // what NoteCode.outputOf gives is cut already
      String kept = KeptOutput.fitsNotes(all) ? all : KeptOutput.forNotes(all, 0, 0);
      s = new Snippet(id, old.code(), kept, status);
      snippets.put(id, s);
    }
    tell(s);
  }

  /** A snippet that already ran, in one step. */
  public long add(String code, String output, Snippet.Status status) {
    long id = start(code);
    finish(id, output, status);
    return id;
  }

  /** Forgets every snippet (the audience's list empties). */
  public void clear() {
    synchronized (this) {
      snippets.clear();
      printed.clear();
    }
    for (Listener l : listeners) {
      l.cleared();
    }
  }

  /** The snippet with this id as it is now, or null when there is none (any more). */
  synchronized Snippet snippet(long id) {
    return snippets.get(id);
  }

  /** The snippets, oldest first. */
  public synchronized List<Snippet> snippets() {
    return List.copyOf(snippets.values());
  }

  /**
   * Shows what runs in {@code session} from now on: each evaluation as a snippet, its output as it
   * is printed, its result when it ends. Close the returned handle to stop following.
   */
  public AutoCloseable follow(ReplSession session) {
    Consumer<ReplEvent> listener = this::followed;
    return session.addListener(listener);
  }

  /**
   * The share moved on to this one ({@link #carryOver}): what a {@link #follow} of this one sees
   * from then on goes there. Set and read under this one's lock.
   */
  private LiveCode movedTo;

  /**
   * An event of a followed REPL session, applied here or, once this one was carried over, where it
   * went. Under this one's lock, so an event is applied wholly before a carry-over or wholly after
   * it (in the same lock order as {@link #carryOver}: the older first): a snippet that finished
   * between the carry-over and the new share's own follow finished in the old one only, and stayed
   * "running" on the new address's pages.
   */
  private void followed(ReplEvent event) {
    synchronized (this) {
      if (movedTo != null) {
        movedTo.followed(event);
        return;
      }
      apply(event);
    }
  }

  /** {@link #followed}, here; under this one's lock. */
  private void apply(ReplEvent event) {
    if (event instanceof ReplEvent.EvaluationStarted s) {
      running.put(s.evaluation(), start(s.input().strip()));
    } else if (event instanceof ReplEvent.Output o) {
      Long id = running.get(o.evaluation());
      if (id != null) {
        output(id, o.text(), o.droppedLinesBefore(), o.droppedBefore());
      }
    } else if (event instanceof ReplEvent.EvaluationFinished f) {
      Long id = running.remove(f.evaluation().id());
      if (id != null) {
        finish(id, NoteCode.outputOf(f.evaluation()), statusOf(f.evaluation()));
      }
    }
  }

  /**
   * Takes over what {@code older} shows, for a share that moves to another address: its snippets
   * (ids included, so none is told twice), what a running one printed so far, and which REPL
   * evaluation each running one is, so that a {@link #follow} from now on finishes it here. A
   * follow of {@code older} goes on here too (its events from the carry-over on), so nothing the
   * REPL does between the carry-over and a follow of this one is lost. Meant for a new, empty one:
   * what this one held is replaced. Listeners are told of every snippet.
   */
  public void carryOver(LiveCode older) {
    if (older == this) {
      return;
    }
    List<Snippet> taken;
    synchronized (older) {
      synchronized (this) {
        snippets.clear();
        snippets.putAll(older.snippets);
        printed.clear();
        older.printed.forEach(
            (id, p) -> {
              Printed copy = new Printed();
              copy.kept = p.kept;
              printed.put(id, copy);
            });
        running.clear();
        running.putAll(older.running);
        nextId = Math.max(nextId, older.nextId);
        taken = List.copyOf(snippets.values());
        older.movedTo = this; // its follow, until the new share's own, goes on here
      }
    }
    for (Snippet s : taken) {
      tell(s);
    }
  }

  /** How an evaluation ended, for the audience. */
  static Snippet.Status statusOf(Evaluation evaluation) {
    if (evaluation.outcome() != Evaluation.Outcome.COMPLETED) {
      return Snippet.Status.STOPPED;
    }
    for (SnippetResult r : evaluation.results()) {
      if (r.status() == SnippetResult.Status.COMPILE_ERROR
          || r.status() == SnippetResult.Status.EXCEPTION) {
        return Snippet.Status.FAILED;
      }
    }
    return Snippet.Status.DONE;
  }

  void addListener(Listener listener) {
    listeners.add(listener);
  }

  void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  private void tell(Snippet s) {
    for (Listener l : listeners) {
      l.changed(s);
    }
  }

  private static String cut(String code, int max) {
    String c = code == null ? "" : code;
    return c.length() <= max ? c : c.substring(0, max) + "\n… (" + (c.length() - max) + " more)";
  }
}
