package dev.talkbook.core.share;

import dev.talkbook.core.repl.Evaluation;
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
 * on the thread that made the change.
 *
 * <p>Code is kept to {@value #MAX_CODE} characters and output to its newest {@value #MAX_OUTPUT} (a
 * line says how much was left out), so a runaway loop cannot flood the viewers.
 */
public final class LiveCode {
  static final int MAX_SNIPPETS = 50;
  static final int MAX_CODE = 20_000;
  static final int MAX_OUTPUT = 50_000;

  /** Told of every change. */
  interface Listener {
    void changed(Snippet snippet);

    void cleared();
  }

  private final Map<Long, Snippet> snippets = new LinkedHashMap<>();

  /** Characters of output left out so far, per running snippet. */
  private final Map<Long, Long> dropped = new HashMap<>();

  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private long nextId = 1;

  /** A snippet starts running; returns its id. */
  public long start(String code) {
    Snippet s;
    synchronized (this) {
      s = new Snippet(nextId++, cut(code, MAX_CODE), "", Snippet.Status.RUNNING);
      snippets.put(s.id(), s);
      while (snippets.size() > MAX_SNIPPETS) {
        long oldest = snippets.keySet().iterator().next();
        snippets.remove(oldest);
        dropped.remove(oldest);
      }
    }
    tell(s);
    return s.id();
  }

  /** A running snippet printed {@code text}. Unknown ids (dropped as too old) are ignored. */
  public void output(long id, String text) {
    Snippet s;
    synchronized (this) {
      Snippet old = snippets.get(id);
      if (old == null || text.isEmpty()) {
        return;
      }
      String all = withoutNote(old.output(), dropped.getOrDefault(id, 0L)) + text;
      long gone = dropped.getOrDefault(id, 0L) + Math.max(0, all.length() - MAX_OUTPUT);
      dropped.put(id, gone);
      s = new Snippet(id, old.code(), withNote(newest(all), gone), old.status());
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
      dropped.remove(id);
      s =
          new Snippet(
              id, old.code(), withNote(newest(all), all.length() - newest(all).length()), status);
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
      dropped.clear();
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
    Map<Long, Long> ids = new HashMap<>();
    Consumer<ReplEvent> listener =
        event -> {
          if (event instanceof ReplEvent.EvaluationStarted s) {
            synchronized (ids) {
              ids.put(s.evaluation(), start(s.input().strip()));
            }
          } else if (event instanceof ReplEvent.Output o) {
            Long id;
            synchronized (ids) {
              id = ids.get(o.evaluation());
            }
            if (id != null) {
              output(id, o.text());
            }
          } else if (event instanceof ReplEvent.EvaluationFinished f) {
            Long id;
            synchronized (ids) {
              id = ids.remove(f.evaluation().id());
            }
            if (id != null) {
              finish(id, NoteCode.outputOf(f.evaluation()), statusOf(f.evaluation()));
            }
          }
        };
    return session.addListener(listener);
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

  private static String newest(String output) {
    return output.length() <= MAX_OUTPUT ? output : output.substring(output.length() - MAX_OUTPUT);
  }

  private static String note(long gone) {
    return "… " + gone + " characters of output left out …\n";
  }

  private static String withNote(String output, long gone) {
    return gone <= 0 ? output : note(gone) + output;
  }

  private static String withoutNote(String output, long gone) {
    return gone <= 0 ? output : output.substring(note(gone).length());
  }
}
