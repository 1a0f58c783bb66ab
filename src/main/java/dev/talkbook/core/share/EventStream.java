package dev.talkbook.core.share;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The Server-Sent Events side of a share, without the HTTP: numbered events, the viewers' streams,
 * a bounded replay log, and the caps.
 *
 * <p>Every event gets the next id (1, 2, …) and goes to every viewer, in order. A viewer who comes
 * back with the id of the last event it saw ({@code Last-Event-ID}) gets the events it missed from
 * the log; one that has none, or is further behind than the log reaches, gets the whole state as
 * one {@code state} event with the current id. So no viewer misses an update or applies one twice.
 * The log keeps the newest {@code replayEvents} events, at most {@code replayBytes} bytes.
 *
 * <p>Thread-safe: events, joins, leaves and pings take one lock, only to queue bytes; the writing
 * happens after it is released.
 */
final class EventStream {
  /** Where a viewer's bytes go: a response stream on the server, or a test's list. */
  interface Sink {
    /** Queues bytes; false when the viewer is too far behind and is being dropped. */
    boolean enqueue(byte[] bytes);

    /** Writes what is queued. */
    void flush();

    /** Writes what is queued, then ends the stream. */
    void close();

    /** Ends the stream at once, without what is queued (the viewer will reconnect). */
    void abort();

    /** The viewer's address, for the per-address cap. */
    String address();
  }

  /** What became of a viewer who asked to join. */
  enum Join {
    JOINED,
    TOO_MANY_VIEWERS,
    TOO_MANY_FROM_ADDRESS,
    ENDED
  }

  static final byte[] PING = ":\n\n".getBytes(StandardCharsets.UTF_8);

  /**
   * How long a viewer's browser waits before it tries again once its stream dropped: sent first on
   * every stream. The page counts the failed tries and, after a number of them, tells the viewer
   * the share has most likely ended (share.js).
   */
  static final long RETRY_MILLIS = 2000;

  private volatile byte[] retry = retryFrame(RETRY_MILLIS);

  private record Logged(long id, byte[] frame) {}

  /** Below this many viewers one thread writes to all; above, the writing is shared out. */
  static final int SPLIT_AT = 64;

  private final int maxViewers;
  private volatile java.util.concurrent.Executor writers;
  private final int maxPerAddress;
  private final int replayEvents;
  private final long replayBytes;
  private final Object lock = new Object();
  private final ArrayDeque<Logged> log = new ArrayDeque<>();
  private final Set<Sink> viewers = new LinkedHashSet<>();
  private final Map<String, Integer> perAddress = new HashMap<>();
  private final List<IntConsumer> viewerListeners = new CopyOnWriteArrayList<>();
  private long logBytes;
  private long lastId;
  private Supplier<byte[]> state;
  private boolean ended;

  /** Whether an event went to every viewer since the last {@link #pingIfQuiet}. */
  private boolean sentSincePing;

  EventStream(int maxViewers, int maxPerAddress, int replayEvents, long replayBytes) {
    this.writers = Runnable::run;
    this.maxViewers = maxViewers;
    this.maxPerAddress = maxPerAddress;
    this.replayEvents = replayEvents;
    this.replayBytes = replayBytes;
    this.state = () -> frame(0, "state", "{}"); // replaced by the share's first event
  }

  /**
   * Sends an event to every viewer and returns its id. {@code stateAfter} is the whole state once
   * this event is applied, made only if a viewer needs it.
   */
  long publish(String type, String data, Supplier<String> stateAfter) {
    List<Sink> targets;
    long id;
    synchronized (lock) {
      if (ended) {
        return lastId;
      }
      id = ++lastId;
      byte[] frame = frame(id, type, data);
      log.addLast(new Logged(id, frame));
      logBytes += frame.length;
      while (log.size() > replayEvents || (logBytes > replayBytes && log.size() > 1)) {
        logBytes -= log.removeFirst().frame().length;
      }
      state = memoize(() -> frame(id, "state", stateAfter.get()));
      targets = enqueueAll(frame);
      sentSincePing = true;
    }
    flush(targets);
    return id;
  }

  /**
   * A viewer joins. {@code since} is the id of the last event it has, or -1 for none: it gets what
   * it misses, then every event from now on.
   */
  Join join(Sink viewer, long since) {
    int count;
    synchronized (lock) {
      if (ended) {
        return Join.ENDED;
      }
      if (viewers.size() >= maxViewers) {
        return Join.TOO_MANY_VIEWERS;
      }
      if (perAddress.getOrDefault(viewer.address(), 0) >= maxPerAddress) {
        return Join.TOO_MANY_FROM_ADDRESS;
      }
      viewers.add(viewer);
      perAddress.merge(viewer.address(), 1, Integer::sum);
      viewer.enqueue(retry);
      if (since != lastId) {
        List<byte[]> missed = since < 0 || since > lastId ? null : missedSince(since);
        if (missed == null) {
          viewer.enqueue(state.get());
        } else {
          for (byte[] frame : missed) {
            viewer.enqueue(frame);
          }
        }
      }
      count = viewers.size();
    }
    viewer.flush();
    tellViewers(count);
    return Join.JOINED;
  }

  /** The events after {@code since}, or null when the log no longer reaches back that far. */
  private List<byte[]> missedSince(long since) {
    if (log.isEmpty() || log.peekFirst().id() > since + 1) {
      return null;
    }
    List<byte[]> missed = new ArrayList<>();
    for (Logged l : log) {
      if (l.id() > since) {
        missed.add(l.frame());
      }
    }
    return missed;
  }

  /** A viewer's stream ended (it left, failed, or was closed). */
  void leave(Sink viewer) {
    int count;
    synchronized (lock) {
      if (!viewers.remove(viewer)) {
        return;
      }
      perAddress.computeIfPresent(viewer.address(), (a, n) -> n > 1 ? n - 1 : null);
      count = viewers.size();
    }
    tellViewers(count);
  }

  /**
   * {@link #ping}, unless an event went to every viewer since the last call: called at the
   * keep-alive interval, every stream is written at least that often, which is how a viewer who
   * left is found (a write to a closed connection fails, the one after its close at the latest),
   * and a presenter who types costs no pings on top of the events.
   */
  void pingIfQuiet() {
    synchronized (lock) {
      if (sentSincePing) {
        sentSincePing = false;
        return;
      }
    }
    ping();
  }

  /** A comment line to every viewer: keeps idle connections open and finds dead ones. */
  void ping() {
    List<Sink> targets;
    synchronized (lock) {
      targets = enqueueAll(PING);
    }
    flush(targets);
  }

  /** The share ends: an {@code end} event to every viewer, then their streams close. */
  void end() {
    end(LivePage.ENDED);
  }

  /**
   * The share ends: an {@code end} event with {@code data} (JSON: {@link LivePage#ENDED} or {@link
   * LivePage#moved}) to every viewer, then their streams close.
   */
  void end(String data) {
    List<Sink> targets;
    synchronized (lock) {
      if (ended) {
        return;
      }
      ended = true;
      targets = new ArrayList<>(viewers);
      byte[] frame = ("event: end\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
      for (Sink v : targets) {
        v.enqueue(frame);
      }
    }
    for (Sink v : targets) {
      v.close();
    }
  }

  /** Viewers who join from now on try again after {@code millis} when their stream drops. */
  void retryAfter(long millis) {
    retry = retryFrame(millis);
  }

  private static byte[] retryFrame(long millis) {
    return ("retry: " + millis + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Drops every viewer's connection at once (they reconnect and catch up); for tests. */
  void dropAll() {
    List<Sink> targets;
    synchronized (lock) {
      targets = new ArrayList<>(viewers);
    }
    for (Sink v : targets) {
      v.abort();
    }
  }

  /**
   * Where parts of a large fan-out are written (the server's threads): with many viewers, each
   * core's thread writes to a share of them, so an event reaches the last viewer sooner.
   */
  void writeWith(java.util.concurrent.Executor executor) {
    this.writers = executor;
  }

  int viewers() {
    synchronized (lock) {
      return viewers.size();
    }
  }

  long lastId() {
    synchronized (lock) {
      return lastId;
    }
  }

  /** Told the number of viewers whenever it changes, on the thread that changed it. */
  void onViewers(IntConsumer listener) {
    viewerListeners.add(listener);
  }

  private List<Sink> enqueueAll(byte[] frame) {
    // A viewer too far behind refuses the bytes; flushing it then drops it.
    List<Sink> targets = new ArrayList<>(viewers);
    for (Sink v : targets) {
      v.enqueue(frame);
    }
    return targets;
  }

  /** Writes what each target has queued: split across the cores when there are many. */
  private void flush(List<Sink> targets) {
    int parts = Math.min(Runtime.getRuntime().availableProcessors(), targets.size() / SPLIT_AT);
    if (parts <= 1) {
      flushAll(targets);
      return;
    }
    int size = (targets.size() + parts - 1) / parts;
    for (int p = 1; p < parts; p++) {
      List<Sink> part = targets.subList(p * size, Math.min(targets.size(), (p + 1) * size));
      try {
        writers.execute(() -> flushAll(part));
      } catch (java.util.concurrent.RejectedExecutionException stopping) {
        flushAll(part);
      }
    }
    flushAll(targets.subList(0, size));
  }

  private static void flushAll(List<Sink> targets) {
    for (Sink v : targets) {
      v.flush();
    }
  }

  private void tellViewers(int count) {
    for (IntConsumer l : viewerListeners) {
      l.accept(count);
    }
  }

  /** One event in the stream's format; {@code data} must be one line (JSON is). */
  static byte[] frame(long id, String type, String data) {
    StringBuilder b = new StringBuilder(data.length() + 40);
    b.append("id: ").append(id).append("\nevent: ").append(type).append("\ndata: ");
    b.append(data).append("\n\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Supplier<byte[]> memoize(Supplier<byte[]> s) {
    return new Supplier<>() {
      private byte[] value;

      @Override
      public synchronized byte[] get() {
        if (value == null) {
          value = s.get();
        }
        return value;
      }
    };
  }
}
