package dev.talkbook.core.share;

import dev.talkbook.core.markdown.MarkdownRenderer;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * One talk shared live: browsers at {@link #url()} follow the notes as they change, and the code
 * the presenter runs ({@link #liveCode()}).
 *
 * <p>Give it the talk as it changes ({@link #show}) and where the presenter is ({@link
 * #presenterAt}); from any thread, as often as you like: handing over takes no lock (an atomic set
 * and an unpark), so a busy machine never makes the caller wait. It renders on a thread of its own
 * ({@code talkbook-share-render}) and only the newest text: updates that arrive while it renders
 * are merged. Each render is compared with the last, block by block, and only the changed blocks go
 * to the viewers, as one numbered event; a viewer that joins or falls behind gets the whole state.
 * Showing another talk sends the whole new talk.
 *
 * <p><b>Threads</b>: {@code talkbook-share-render} (rendering, and all publishing, so events are in
 * order) and the server's ({@link ShareServer}). {@link #stop} ends every viewer's stream and all
 * of these threads within about a second.
 */
public final class ShareSession implements AutoCloseable {
  /**
   * How long output of a running snippet gathers before it is sent (keeps a loop from flooding).
   */
  private static final long OUTPUT_BATCH_MS = 50;

  private record Current(LivePage.Rendered rendered, int pos, long version) {}

  private final MarkdownRenderer renderer;
  private final TalkFiles files;
  private final LiveCode liveCode = new LiveCode();
  private final EventStream stream;
  private final ShareServer server;
  private final ShareOptions options;
  private final Thread worker;
  private final AtomicReference<SharedTalk> pending = new AtomicReference<>();
  private final AtomicBoolean renderWanted = new AtomicBoolean();
  private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> tasks =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final Set<Long> dirtySnippets = ConcurrentHashMap.newKeySet();

  /** Whether snippet changes wait to be sent, and when they are due ({@code System.nanoTime}). */
  private final AtomicBoolean snippetsWanted = new AtomicBoolean();

  private volatile long snippetsDueAt;

  private final AtomicBoolean stopped = new AtomicBoolean();
  private final LiveCode.Listener codeListener;
  private volatile Current current;
  private volatile int caretLine = -1;

  private ShareSession(
      ShareOptions options, MarkdownRenderer renderer, TalkFiles files, SharedTalk talk) {
    this.options = options;
    this.renderer = renderer;
    this.files = files;
    this.stream =
        new EventStream(options.maxViewers(), options.maxPerAddress(), 1000, 16L * 1024 * 1024);
    this.worker = new Thread(this::work, "talkbook-share-render");
    worker.setDaemon(true);
    LivePage.Rendered first = render(talk);
    long version =
        stream.publish(
            "state",
            LivePage.state(first, -1, List.of()),
            () -> LivePage.state(first, -1, List.of()));
    this.current = new Current(first, -1, version);
    this.server = new ShareServer(options, new Served(), stream);
    this.codeListener =
        new LiveCode.Listener() {
          @Override
          public void changed(Snippet snippet) {
            dirtySnippets.add(snippet.id());
            long delay =
                snippet.status() == Snippet.Status.RUNNING
                    ? TimeUnit.MILLISECONDS.toNanos(OUTPUT_BATCH_MS)
                    : 0;
            long due = System.nanoTime() + delay;
            if (!snippetsWanted.getAndSet(true) || due - snippetsDueAt < 0) {
              snippetsDueAt = due; // the earliest wins (a finished snippet goes at once)
            }
            wake();
          }

          @Override
          public void cleared() {
            tasks.add(ShareSession.this::sendCleared);
            wake();
          }
        };
    liveCode.addListener(codeListener);
  }

  /**
   * Starts sharing {@code talk}: renders it, starts the server and returns once browsers can
   * connect. Throws a {@link ShareException} saying why when it cannot listen (port in use, not an
   * address of this computer).
   */
  public static ShareSession start(
      ShareOptions options, MarkdownRenderer renderer, TalkFiles files, SharedTalk talk) {
    ShareSession session = new ShareSession(options, renderer, files, talk);
    session.server.start();
    session.worker.start();
    return session;
  }

  /** The viewers' address, with its token: {@code http://host:port/<token>/}. */
  public URI url() {
    return server.url();
  }

  /** The address the share listens on. */
  public InetAddress address() {
    return options.bind();
  }

  /** "this computer only (127.0.0.1)" or "the network, as 192.168.1.20 (wlan0)". */
  public String reach() {
    return NetworkAddresses.describe(options.bind());
  }

  /** How many viewers follow now. */
  public int viewers() {
    return stream.viewers();
  }

  /** Told the number of viewers whenever it changes, on a server thread. */
  public void onViewers(IntConsumer listener) {
    stream.onViewers(listener);
  }

  /** The code the presenter runs, as the audience sees it. */
  public LiveCode liveCode() {
    return liveCode;
  }

  /** The id of the talk shared now. */
  public long talkId() {
    return current.rendered().talk().talkId();
  }

  public boolean isRunning() {
    return !stopped.get() && server.isRunning();
  }

  /**
   * The talk as it is now: the same talk with changed notes or details sends what changed; another
   * talk sends all of it. Returns at once; rendering happens on the share's thread.
   */
  public void show(SharedTalk talk) {
    pending.set(talk);
    schedule();
  }

  /**
   * The presenter's caret is on this line of the notes (0-based): viewers who follow the presenter
   * keep that part in view. -1 when unknown: then the place of the latest change counts.
   */
  public void presenterAt(int line) {
    if (caretLine != line) {
      caretLine = line;
      schedule();
    }
  }

  /**
   * Stops sharing: viewers' pages say so, their streams close, the threads end; within about a
   * second. The URL is dead afterwards.
   */
  public void stop() {
    stop(LivePage.ENDED);
  }

  /**
   * Stops sharing because the share moved to {@code next} (the same talk on another address): the
   * viewers' pages say that it moved, not that it stopped. Viewers of a share on this computer only
   * can reach any of its addresses, so their pages go to {@code next}; viewers on a network might
   * not reach another address (and this computer's loopback address is not theirs), so their pages
   * say to ask for the new address.
   */
  public void stopMovedTo(URI next) {
    stop(LivePage.moved(options.bind().isLoopbackAddress() ? next : null));
  }

  private void stop(String endData) {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    liveCode.removeListener(codeListener);
    server.stop(endData);
    LockSupport.unpark(worker);
    try {
      worker.join(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  // ---- for tests and benchmarks ----------------------------------------------------------------

  /** The id of the newest event. */
  long version() {
    return stream.lastId();
  }

  /** Drops every viewer's connection at once, as a network would; they reconnect and catch up. */
  void dropConnections() {
    stream.dropAll();
  }

  /** Viewers who open the page from now on try again after {@code millis} when dropped. */
  void retryAfter(long millis) {
    stream.retryAfter(millis);
  }

  /**
   * The server goes away without a word to the viewers, as when the app is killed: no {@code end}
   * event, the connections just close and the port stops answering.
   */
  void vanish() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    liveCode.removeListener(codeListener);
    server.vanish();
    LockSupport.unpark(worker);
  }

  /** Waits until everything shown so far is rendered and sent. */
  void settle() throws InterruptedException {
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    tasks.add(
        () -> {
          if (renderWanted.getAndSet(false)) {
            apply(); // asked for before this task, perhaps not seen yet
          }
          done.countDown();
        });
    wake();
    done.await(10, TimeUnit.SECONDS);
  }

  // ---- on the render thread ---------------------------------------------------------------------

  /**
   * Asks the render thread to look at the newest talk and caret. Lock-free, so the caller (the
   * window's FX thread) never waits for the render thread, however busy the machine is.
   */
  private void schedule() {
    renderWanted.set(true);
    wake();
  }

  private void wake() {
    LockSupport.unpark(worker);
  }

  /** The render thread: renders and sends what was asked for, in order, until the share stops. */
  private void work() {
    while (!stopped.get()) {
      boolean did = false;
      if (renderWanted.getAndSet(false)) {
        run(this::apply);
        did = true;
      }
      for (Runnable task; (task = tasks.poll()) != null; ) {
        run(task);
        did = true;
      }
      if (snippetsWanted.get() && System.nanoTime() - snippetsDueAt >= 0) {
        snippetsWanted.set(false);
        run(this::sendSnippets);
        did = true;
      }
      if (!did) {
        if (snippetsWanted.get()) {
          LockSupport.parkNanos(this, Math.max(0, snippetsDueAt - System.nanoTime()));
        } else {
          LockSupport.park(this);
        }
      }
    }
  }

  private static void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      System.getLogger(ShareSession.class.getName())
          .log(System.Logger.Level.ERROR, "live share could not send a change", e);
    }
  }

  private LivePage.Rendered render(SharedTalk talk) {
    Set<String> held = talk.notes().contains("attachment:") ? files.held(talk.talkId()) : Set.of();
    return LivePage.render(renderer, talk, held);
  }

  private void apply() {
    SharedTalk talk = pending.getAndSet(null);
    Current c = current;
    int line = caretLine;
    if (talk == null) {
      int pos = line < 0 ? c.pos() : c.rendered().blockAt(line);
      if (pos != c.pos()) {
        LivePage.Rendered r = c.rendered();
        long v = stream.publish("position", LivePage.position(pos), state(r, pos));
        current = new Current(r, pos, v);
      }
      return;
    }
    LivePage.Rendered r = render(talk);
    if (talk.talkId() != c.rendered().talk().talkId()) {
      int pos = r.blockAt(line);
      long v = stream.publish("state", state(r, pos).get(), state(r, pos));
      current = new Current(r, pos, v);
      return;
    }
    long v = c.version();
    if (!r.header().equals(c.rendered().header())) {
      v = stream.publish("header", LivePage.header(r), state(r, c.pos()));
    }
    BlockSplice splice = BlockSplice.between(c.rendered().blocks(), r.blocks());
    int pos;
    if (line >= 0) {
      pos = r.blockAt(line);
    } else if (!splice.isEmpty()) {
      pos = Math.min(splice.at(), r.blocks().size() - 1);
    } else {
      pos = Math.min(c.pos(), r.blocks().size() - 1);
    }
    if (!splice.isEmpty()) {
      v = stream.publish("patch", LivePage.patch(splice, pos), state(r, pos));
    } else if (pos != c.pos()) {
      v = stream.publish("position", LivePage.position(pos), state(r, pos));
    }
    current = new Current(r, pos, v);
  }

  private java.util.function.Supplier<String> state(LivePage.Rendered r, int pos) {
    return () -> LivePage.state(r, pos, liveCode.snippets());
  }

  private void sendSnippets() {
    for (Long id : List.copyOf(dirtySnippets)) {
      dirtySnippets.remove(id);
      Snippet s = liveCode.snippet(id);
      if (s != null) {
        Current c = current;
        long v = stream.publish("snippet", LivePage.snippet(s), state(c.rendered(), c.pos()));
        current = new Current(c.rendered(), c.pos(), v);
      }
    }
  }

  private void sendCleared() {
    dirtySnippets.clear();
    Current c = current;
    long v = stream.publish("code-clear", "{}", state(c.rendered(), c.pos()));
    current = new Current(c.rendered(), c.pos(), v);
  }

  /** What the server shows, read from the newest render. */
  private final class Served implements ShareServer.Content {
    @Override
    public String page() {
      Current c = current;
      return LivePage.page(c.rendered(), c.pos(), liveCode.snippets(), c.version());
    }

    @Override
    public Optional<TalkFiles.File> attachment(String sha256) {
      return current.rendered().attachments().contains(sha256)
          ? files.file(sha256)
          : Optional.empty();
    }
  }
}
