package dev.talkbook.core.repl;

import dev.talkbook.core.common.Probes;
import dev.talkbook.core.repl.Evaluation.Outcome;
import dev.talkbook.core.repl.ReplEvent.Stream;
import dev.talkbook.core.repl.SnippetResult.Failure;
import dev.talkbook.core.repl.SnippetResult.Kind;
import dev.talkbook.core.repl.SnippetResult.Problem;
import dev.talkbook.core.repl.SnippetResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * A live Java REPL: one {@link JShell} owned by one thread ({@code talkbook-repl}); user code runs
 * in a separate JVM ({@link NoDelayExecutionProvider}), so an endless loop can be stopped and
 * {@code System.exit} or a crash only costs a restart, which happens by itself and replays the
 * definitions that were valid.
 *
 * <p>Every method may be called from any thread and returns at once; results come as futures and as
 * {@link ReplEvent}s to listeners. {@link #stop()} interrupts the running evaluation.
 */
public final class ReplSession implements AutoCloseable {

  /** jshell's default start-up imports, evaluated at each start (they also warm the compiler). */
  static final List<String> DEFAULT_IMPORTS =
      List.of(
          "java.io.*",
          "java.math.*",
          "java.net.*",
          "java.nio.file.*",
          "java.util.*",
          "java.util.concurrent.*",
          "java.util.function.*",
          "java.util.prefs.*",
          "java.util.regex.*",
          "java.util.stream.*");

  private static final int VALUE_PREVIEW = 200;
  private static final long STOP_RETRY_MS = 100;

  private final ReplOptions options;
  private final ExecutorService worker;
  private final ExecutorService events;
  private final ScheduledExecutorService timer;
  private final List<Consumer<? super ReplEvent>> listeners = new CopyOnWriteArrayList<>();
  private final OutputCollector output;
  private final PromptedInput input;
  private static final System.Logger LOG = System.getLogger(ReplSession.class.getName());

  private final NoDelayExecutionProvider provider;
  private final AtomicLong evaluations = new AtomicLong();
  private final NewerJava newerJava = new NewerJava();
  private volatile LibraryResolver resolver;

  /** Libraries resolved so far (coordinates as written → the jars they brought), in order. */
  private final Map<String, List<LibraryResolver.Artifact>> libraries =
      java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());

  /** Sources jars found for documentation, by artifact coordinates (empty: none published). */
  private final Map<String, java.util.Optional<Path>> sourcesJars = new ConcurrentHashMap<>();

  /** The worker thread while it resolves libraries, so that a stop can interrupt it. */
  private Thread resolving;

  private final Object resolvingLock = new Object();
  private final CompletableFuture<Void> firstStart = new CompletableFuture<>();

  // Owned by the worker thread.
  private JShell jshell;
  private Set<String> startupSnippets = Set.of();
  private List<String> definitions = List.of();
  private final List<String> classPath = new ArrayList<>();
  private String startFailure;

  /** Why the latest start failed; null once a start worked (written by the worker, read by any). */
  private volatile StartFailure lastStartFailure;

  private int tempCounter;

  /** The name for the next expression's value instead of the next $N, once (the warm-up's). */
  private String warmUpName;

  /** The name of an expression's value: $1, $2, … (JShell's own scheme), or the warm-up's. */
  private String tempName() {
    String name = warmUpName;
    if (name != null) {
      warmUpName = null;
      return name;
    }
    return "$" + (++tempCounter);
  }

  // Shared with other threads.
  private volatile JShell live;
  private volatile boolean running;
  private volatile long currentEvaluation = -1;
  private volatile boolean closed;

  /** Completes when the engine may start (or the session closed first: then it never starts). */
  private final CompletableFuture<Void> startGate = new CompletableFuture<>();

  private volatile Duration timeLimit;

  /** Whether the code may use preview features: the options' at first, then {@link #setPreview}. */
  private volatile boolean preview;

  private final AtomicReference<Outcome> interruption = new AtomicReference<>();
  private final Set<JShell> ended = ConcurrentHashMap.newKeySet();
  private final Set<JShell> closedOnPurpose = ConcurrentHashMap.newKeySet();

  /** Set by the first {@link #close()}. */
  private final java.util.concurrent.atomic.AtomicBoolean closing =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** How long a close waits for the JVMs it ended to be gone. */
  private static final Duration JVM_END_WAIT = Duration.ofSeconds(5);

  /**
   * Ends the session's JVMs when the app ends without closing it (SIGTERM, a return from main with
   * a run still going): they were left running, re-parented to init, spinning on an endless loop.
   */
  private final Thread endJvmsOnExit;

  private ReplSession(ReplOptions options, NoDelayExecutionProvider provider) {
    this.provider = provider;
    this.endJvmsOnExit =
        new Thread(() -> provider.endJvms(Duration.ofSeconds(2)), "talkbook-repl-end-jvms");
    try {
      Runtime.getRuntime().addShutdownHook(endJvmsOnExit);
    } catch (IllegalStateException shuttingDown) {
      // Made as the app ends: its close ends its JVMs.
    }
    this.options = options;
    this.timeLimit = options.timeLimit();
    this.preview = options.preview();
    this.worker = Executors.newSingleThreadExecutor(daemon("talkbook-repl"));
    this.events = Executors.newSingleThreadExecutor(daemon("talkbook-repl-events"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("talkbook-repl-timer"));
    this.output =
        new OutputCollector(options.outputCap(), timer, batch -> batch.forEach(this::emit));
    this.input =
        new PromptedInput(
            () -> emit(new ReplEvent.InputRequested(currentEvaluation)),
            !options.interactiveInput());
  }

  /** Creates a session and starts its engine in the background; {@link #ready()} tells when. */
  public static ReplSession start(ReplOptions options) {
    return start(options, CompletableFuture.completedFuture(null));
  }

  /**
   * Creates a session whose engine starts in the background once {@code when} completes (however it
   * completes): the window starts it after its first frame, so that the second JVM and the
   * compiler's warm-up do not compete with the window for the processor. Evaluations asked for
   * before then wait for the engine.
   */
  public static ReplSession start(ReplOptions options, CompletionStage<?> when) {
    return start(options, when, new NoDelayExecutionProvider());
  }

  /** A session whose JVMs {@code provider} launches (in tests, one whose launch fails). */
  static ReplSession start(
      ReplOptions options, CompletionStage<?> when, NoDelayExecutionProvider provider) {
    ReplSession session = new ReplSession(options, provider);
    when.whenComplete((v, e) -> session.startGate.complete(null));
    session.worker.execute(
        () -> {
          try {
            session.startGate.get();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e); // the gate never fails
          }
          if (session.closed) {
            // Closed before it was time to start (the app quit before its window was up).
            session.firstStart.complete(null);
            return;
          }
          session.startEngine("Starting the Java REPL", true);
          if (session.unfinished && session.waitingEvaluations.get() == 0) {
            session.finishStart(true);
          }
        });
    return session;
  }

  /** Completes when the first engine start ended (successfully or not: see {@link #ready()}). */
  public CompletableFuture<Void> ready() {
    return firstStart;
  }

  /**
   * Why the JVM could not be started, when its latest start failed (after {@link #ready()}: the
   * first start's outcome); empty once a start worked. For a caller that has no pane to show {@link
   * ReplEvent.StartFailed} in: {@code talkbook run} says it in one line.
   */
  public Optional<StartFailure> startFailure() {
    return Optional.ofNullable(lastStartFailure);
  }

  /** Listens to events from now on; close the returned handle to stop listening. */
  public AutoCloseable addListener(Consumer<? super ReplEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** The time limit for later evaluations; null for none. */
  public void setTimeLimit(Duration limit) {
    if (limit != null && (limit.isNegative() || limit.isZero())) {
      throw new IllegalArgumentException("The time limit must be positive: " + limit);
    }
    this.timeLimit = limit;
  }

  public Duration timeLimit() {
    return timeLimit;
  }

  /** Whether the code may use the running Java's preview features. */
  public boolean preview() {
    return preview;
  }

  /**
   * Enables the running Java's preview features, or disables them: a JVM and a compiler of the new
   * kind are needed, so the session restarts (the definitions run again) and says why. Nothing
   * happens when the setting is already so.
   */
  public CompletableFuture<Void> setPreview(boolean on) {
    if (preview == on) {
      return CompletableFuture.completedFuture(null);
    }
    preview = on;
    return restartSaying(previewSentence(on));
  }

  /** What a restart for {@link #setPreview} says. */
  static String previewSentence(boolean on) {
    int release = NewerJava.runningRelease();
    return on
        ? "Restarted with the preview features of Java " + release + " enabled (--enable-preview)."
        : "Restarted with preview features disabled.";
  }

  /**
   * The compiler's options for preview features: {@code --enable-preview} at this JVM's release
   * (javac takes it only with one), as {@code jshell --enable-preview} does; none without them.
   */
  static List<String> compilerOptions(boolean preview) {
    return preview
        ? List.of("--enable-preview", "--release", Integer.toString(NewerJava.runningRelease()))
        : List.of();
  }

  /**
   * The version of the Java that compiles and runs the code: this JVM's (JShell compiles here, and
   * the JVM that runs the code is started from the same installation).
   */
  public String javaVersion() {
    return Runtime.version().toString();
  }

  /**
   * JShell's analysis of {@code shell} (completion, documentation, splitting input), made on first
   * use: making it starts JShell's index of every class the compiler can see.
   */
  private SourceCodeAnalysis analysis(JShell shell) {
    analysisMade = true;
    return shell.sourceCodeAnalysis();
  }

  private volatile boolean analysisMade;

  /**
   * Whether JShell's source analysis, and with it its class indexer, has been started: not until
   * completion, documentation or an input of more than one simple line needs it.
   */
  boolean analysisStarted() {
    return analysisMade;
  }

  /**
   * The newest of what the JVM running the code wrote to its own output and error (never user
   * code's): a crash report, the start-up timeline's marks.
   */
  String jvmOutput() {
    return provider.lastJvmOutput();
  }

  /**
   * Whether code runs now: an evaluation, the definitions run again after a restart, or code (of a
   * thread left running) waiting for input. {@link #stop()} stops each of these.
   */
  public boolean isRunning() {
    return running || input.isWaiting();
  }

  /**
   * Splits {@code code} into complete snippets and evaluates them in order, after any evaluation
   * already queued. Errors in one snippet do not keep the next from running; a stop, the time limit
   * or the JVM ending does.
   */
  public CompletableFuture<Evaluation> evaluate(String code) {
    return evaluate(code, null);
  }

  /**
   * {@link #evaluate(String)} of code the user knows by {@code where} ("block 2" of a note's code
   * blocks): a stack frame of its code says {@code at (block 2, line 2)}, also when code run later
   * calls it. Without it a frame says the line of the input ({@code line 2}).
   */
  public CompletableFuture<Evaluation> evaluate(String code, String where) {
    long id = evaluations.incrementAndGet();
    waitingEvaluations.incrementAndGet();
    return submit(
        () -> {
          waitingEvaluations.decrementAndGet();
          evaluating = where;
          return runEvaluation(id, code);
        });
  }

  /** What the evaluation running now is known by (see {@link #evaluate(String, String)}). */
  private String evaluating;

  /** Where each snippet of this engine came from, by JShell's id: for stack frames. */
  private final Map<String, Origin> origins = new HashMap<>();

  /**
   * A snippet's input ({@code code}, known by {@code where}, null for none), its start in it, and
   * its source (a definition run again after a restart keeps its origin).
   */
  private record Origin(String where, String code, int start, String source) {}

  /**
   * "block 2, line 2", "line 2" (of the input running), "line 2 of an earlier input": where line
   * {@code line} of snippet {@code snippetId} is, for the user; null when not known.
   */
  private String place(String snippetId, int line, Map<String, Integer> thisInput) {
    Origin o = origins.get(snippetId);
    if (o == null) {
      return null;
    }
    int at = lineStart(o.code(), o.start(), line);
    int number = 1;
    for (int i = 0; i < at && i < o.code().length(); i++) {
      if (o.code().charAt(i) == '\n') {
        number++;
      }
    }
    if (o.where() != null) {
      return o.where() + ", line " + number;
    }
    return thisInput.containsKey(snippetId)
        ? "line " + number
        : "line " + number + " of an earlier input";
  }

  /** Evaluations asked for whose turn on the worker thread has not come yet. */
  private final java.util.concurrent.atomic.AtomicInteger waitingEvaluations =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Interrupts the running evaluation (if any); it finishes as {@link Outcome#STOPPED}. */
  public void stop() {
    requestStop(Outcome.STOPPED);
  }

  /** Gives a line (or any text) to user code waiting on {@code System.in}. */
  public void input(String text) {
    input.supply(text);
  }

  /** Tells user code reading {@code System.in} that the input has ended. */
  public void endOfInput() {
    input.endOfInput();
  }

  /**
   * Restarts and resets asked for whose turn on the worker thread has not come yet: a re-run of the
   * definitions they stop was replaced, not stopped (see {@link #restartAndReplay}).
   */
  private final java.util.concurrent.atomic.AtomicInteger restartsWaiting =
      new java.util.concurrent.atomic.AtomicInteger();

  private final java.util.concurrent.atomic.AtomicInteger resetsWaiting =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Forgets everything: a fresh JVM with nothing replayed. */
  public CompletableFuture<Void> reset() {
    resetsWaiting.incrementAndGet();
    stop();
    return submit(
        () -> {
          resetsWaiting.decrementAndGet();
          closeEngine();
          definitions = List.of();
          startsOnItsOwn = 0;
          gaveUp = null;
          startEngine("Resetting the Java REPL");
          emit(new ReplEvent.Reset());
          return null;
        });
  }

  /** A fresh JVM with the definitions that were valid replayed (like jshell's {@code /reload}). */
  public CompletableFuture<Void> restart() {
    return restartSaying("Restarted on request.");
  }

  /** Stops what runs, then a fresh JVM with the valid definitions replayed, {@code note} said. */
  private CompletableFuture<Void> restartSaying(String note) {
    restartsWaiting.incrementAndGet();
    stop();
    return submit(
        () -> {
          restartsWaiting.decrementAndGet();
          closeEngine();
          startsOnItsOwn = 0;
          restartAndReplay(note);
          return null;
        });
  }

  /** Adds a jar or a folder to the class path of the compiler and of the JVM running the code. */
  public CompletableFuture<Void> addToClassPath(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return submit(
        () -> {
          if (!Files.exists(absolute)) {
            throw new IllegalArgumentException("No such jar or folder: " + absolute);
          }
          if (!Files.isDirectory(absolute) && !absolute.toString().endsWith(".jar")) {
            throw new IllegalArgumentException(
                "Only a jar or a folder can go on the class path: " + absolute);
          }
          addToEngineClassPath(engineUnlessGivenUp(), absolute.toString());
          emit(new ReplEvent.ClassPathAdded(absolute.toString()));
          return null;
        });
  }

  /**
   * Completion suggestions at {@code cursor} in {@code code}, and where the completed word starts.
   */
  public CompletableFuture<Completions> completions(String code, int cursor) {
    return submit(
        () -> {
          int[] anchor = new int[1];
          List<Suggestion> found =
              analysis(engineUnlessGivenUp()).completionSuggestions(code, cursor, anchor);
          List<String> names = new ArrayList<>();
          for (Suggestion s : found) {
            if (!names.contains(s.continuation())) {
              names.add(s.continuation());
            }
          }
          return new Completions(anchor[0], names);
        });
  }

  /** Signatures (and Javadoc, when asked and available) of what is at {@code cursor}. */
  public CompletableFuture<List<String>> documentation(String code, int cursor, boolean javadoc) {
    CompletableFuture<List<SourceCodeAnalysis.Documentation>> found =
        submit(
            () ->
                List.copyOf(analysis(engineUnlessGivenUp()).documentation(code, cursor, javadoc)));
    // JShell reads Javadoc from the JDK's sources only; a library's comes from its -sources jar,
    // found (and downloaded if need be) off the REPL's thread.
    return found.thenApplyAsync(
        list -> {
          List<String> docs = new ArrayList<>();
          for (SourceCodeAnalysis.Documentation d : list) {
            String text = d.signature();
            String doc = d.javadoc();
            if (javadoc && (doc == null || doc.isBlank())) {
              doc = libraryJavadoc(d.signature()).orElse(null);
            }
            if (javadoc && doc != null && !doc.isBlank()) {
              text += "\n\n" + doc;
            }
            docs.add(text);
          }
          return docs;
        },
        libraryWork());
  }

  /** The Javadoc of a library class or member, from the library's sources jar. */
  private java.util.Optional<String> libraryJavadoc(String signature) {
    List<LibraryResolver.Artifact> all = new ArrayList<>();
    synchronized (libraries) {
      libraries.values().forEach(all::addAll);
    }
    for (LibraryResolver.Artifact a : all) {
      boolean holds;
      try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(a.file().toFile())) {
        holds = SourceDocs.holdsClassOf(jar, signature);
      } catch (java.io.IOException e) {
        holds = false;
      }
      if (!holds) {
        continue;
      }
      java.util.Optional<Path> sources =
          sourcesJars.computeIfAbsent(
              a.coordinates(),
              c -> {
                try {
                  return resolver().sources(c);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return java.util.Optional.empty();
                }
              });
      if (sources.isPresent()) {
        return SourceDocs.javadoc(sources.get(), signature);
      }
    }
    return java.util.Optional.empty();
  }

  /** The libraries named by //DEPS so far, with their jars. */
  public List<Library> libraries() {
    List<Library> list = new ArrayList<>();
    synchronized (libraries) {
      libraries.forEach(
          (coordinates, jars) ->
              list.add(
                  new Library(
                      coordinates, jars.stream().map(LibraryResolver.Artifact::file).toList())));
    }
    return list;
  }

  /** A library named by //DEPS: its coordinates as written, and its jars with its dependencies'. */
  public record Library(String coordinates, List<Path> jars) {
    public Library {
      jars = List.copyOf(jars);
    }
  }

  /**
   * Resolves the libraries {@code code} names (//DEPS, //REPOS) into the local Maven repository,
   * with their sources for documentation, without adding them to the class path and without waiting
   * for the REPL: Java → Prepare for offline. {@code progress} hears each library as it begins
   * ({@code done} of {@code total}).
   */
  public CompletableFuture<List<Prepared>> prepareLibraries(String code, PrepareProgress progress) {
    Libraries.Directives directives = Libraries.parse(code);
    return CompletableFuture.supplyAsync(
        () -> {
          List<Prepared> out = new ArrayList<>();
          for (String problem : directives.problems()) {
            out.add(new Prepared("", false, problem));
          }
          List<Libraries.Coordinate> all = directives.coordinates();
          for (int i = 0; i < all.size(); i++) {
            Libraries.Coordinate c = all.get(i);
            if (!progress.preparing(i, all.size(), c.toString())) {
              throw new java.util.concurrent.CancellationException("Cancelled");
            }
            try {
              LibraryResolver.Resolution r =
                  resolver()
                      .resolve(
                          List.of(c), directives.repositories(), LibraryResolver.Progress.NONE);
              for (LibraryResolver.Artifact a : r.artifacts()) {
                sourcesJars.computeIfAbsent(
                    a.coordinates(),
                    k -> {
                      try {
                        return resolver().sources(k);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return java.util.Optional.empty();
                      }
                    });
              }
              out.add(new Prepared(c.toString(), true, jarsSentence(r)));
            } catch (LibraryResolver.LibraryException e) {
              out.add(new Prepared(c.toString(), false, e.getMessage()));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new java.util.concurrent.CancellationException("Cancelled");
            }
          }
          progress.preparing(all.size(), all.size(), "");
          return out;
        },
        libraryWork());
  }

  /** How preparing one library went: ready offline, or why not. */
  public record Prepared(String library, boolean ready, String message) {}

  /** Told as each library of a preparation begins; returns false to stop before it. */
  public interface PrepareProgress {
    boolean preparing(int done, int total, String library);
  }

  private static String jarsSentence(LibraryResolver.Resolution r) {
    int n = r.artifacts().size();
    return n
        + " jar"
        + (n == 1 ? "" : "s")
        + (r.downloadedBytes() > 0
            ? ", " + megabytes(r.downloadedBytes()) + " downloaded"
            : ", all in the local Maven repository");
  }

  static String megabytes(long bytes) {
    return bytes < 100_000
        ? Math.max(1, Math.round(bytes / 1000.0)) + " kB"
        : String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }

  private volatile ExecutorService libraryWork;

  /** Threads for work on libraries that must not hold up the REPL (preparing, documentation). */
  private ExecutorService libraryWork() {
    ExecutorService e = libraryWork;
    if (e == null) {
      synchronized (this) {
        e = libraryWork;
        if (e == null) {
          libraryWork = e = Executors.newCachedThreadPool(daemon("talkbook-repl-libraries"));
        }
      }
    }
    return e;
  }

  private LibraryResolver resolver() {
    LibraryResolver r = resolver;
    if (r == null) {
      synchronized (this) {
        r = resolver;
        if (r == null) {
          resolver = r = new LibraryResolver(options.libraries());
        }
      }
    }
    return r;
  }

  /** What is defined now: variables with their values, methods, types, imports. */
  public CompletableFuture<List<Definition>> definitions() {
    return submit(this::listDefinitions);
  }

  /** Completion suggestions: the word to replace starts at {@code anchor}. */
  public record Completions(int anchor, List<String> suggestions) {
    public Completions {
      suggestions = List.copyOf(suggestions);
    }
  }

  /**
   * Stops what runs, ends the JVM and the session's threads. When it returns, the JVM that ran the
   * code (and any process that code started) is gone: JShell's close only asks it to exit, and code
   * that would not stop kept it running; what is left is ended forcibly.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    closed = true;
    startGate.complete(null); // an engine not yet started never starts
    // Seen before the engine closes: its JVM then ends itself, and what its code started would
    // no longer be found through it.
    List<ProcessHandle> started = provider.processes();
    requestStop(Outcome.STOPPED);
    worker.execute(this::closeEngine);
    worker.shutdown();
    try {
      if (!worker.awaitTermination(3, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    provider.endJvms(JVM_END_WAIT, started);
    try {
      Runtime.getRuntime().removeShutdownHook(endJvmsOnExit);
    } catch (IllegalStateException e) {
      // The app is ending: the hook runs (and finds nothing left).
    }
    timer.shutdownNow();
    events.shutdown();
    ExecutorService work = libraryWork;
    if (work != null) {
      work.shutdownNow();
    }
    LibraryResolver r = resolver;
    if (r != null) {
      r.close();
    }
  }

  // ---------------------------------------------------------------- the worker thread

  private <T> CompletableFuture<T> submit(Callable<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(new IllegalStateException("The REPL session is closed"));
      return result;
    }
    try {
      worker.execute(
          () -> {
            // Completed on the event thread, so that every event of the task came first.
            try {
              T value = task.call();
              afterEvents(() -> result.complete(value));
            } catch (Exception | Error e) {
              afterEvents(() -> result.completeExceptionally(e));
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      result.completeExceptionally(new IllegalStateException("The REPL session is closed"));
    }
    return result;
  }

  /** A task that may throw. */
  private interface Callable<T> {
    T call() throws Exception;
  }

  private void startEngine(String why) {
    startEngine(why, false);
  }

  /** The options of the JVM that runs the code: the session's, and preview features if enabled. */
  private List<String> vmOptions() {
    List<String> out = new ArrayList<>(options.vmOptions());
    if (preview) {
      out.add("--enable-preview");
    }
    return out;
  }

  /**
   * Builds JShell and starts the JVM that runs the code (on a thread of its own, see the provider),
   * then {@linkplain #finishStart finishes the start}: the default imports, the JVM connected. With
   * {@code mayWait} (the first start) the finish is left to the caller: when an evaluation has been
   * asked for by the time JShell is built, one that cannot depend on the imports runs before them,
   * its compile beside the JVM's start (see {@link #needsNoImports}).
   */
  private void startEngine(String why, boolean mayWait) {
    emit(new ReplEvent.Starting(why));
    Probes.mark("engine-start");
    origins.clear(); // a new JShell numbers its snippets from 1 again
    startedAt = System.nanoTime();
    JShell shell = null;
    try {
      shell =
          JShell.builder()
              .out(output.printStream(Stream.OUT))
              .err(output.printStream(Stream.ERR))
              .in(input)
              .executionEngine(provider, java.util.Map.of())
              .remoteVMOptions(vmOptions().toArray(String[]::new))
              .compilerOptions(compilerOptions(preview).toArray(String[]::new))
              .tempVariableNameGenerator(this::tempName)
              .fileManager(
                  files -> {
                    compilerFiles = files;
                    compileAgainstEngineClassPath();
                    return files;
                  })
              .build();
      shell.onShutdown(this::onShutdown);
      Probes.mark("jshell-built");
    } catch (RuntimeException e) {
      failStart(shell, e);
      return;
    }
    jshell = shell;
    live = shell;
    tempCounter = 0;
    unfinished = true;
    if (!mayWait) {
      finishStart(waitingEvaluations.get() == 0);
    }
  }

  /**
   * The second half of a start: JShell's default imports (which need no JVM: they compile while it
   * starts), the JVM connected, the class path added back; then {@link ReplEvent.Ready}. On failure
   * the engine is closed and {@link ReplEvent.StartFailed} says why.
   */
  private void finishStart(boolean warmUp) {
    JShell shell = jshell;
    unfinished = false;
    try {
      Set<String> startup = new HashSet<>();
      for (String imp : DEFAULT_IMPORTS) {
        for (SnippetEvent e : shell.eval("import " + imp + ";")) {
          startup.add(e.snippet().id());
        }
      }
      provider.awaitStarted();
      if (warmUp) {
        // One round trip through the execution engine, so that a first snippet asked for later is
        // as fast as any. One asked for already does that itself, at once. An expression, as the
        // user's first mostly is (a statement or a declaration warmed less: the first expression
        // took 10-40 ms longer), under a name of its own: JShell keeps a name even once dropped,
        // and as $1 the user's first value was $2.
        warmUpName = "$talkbookWarmUp";
        for (SnippetEvent e : shell.eval("Integer.valueOf(1).toString();")) {
          shell.drop(e.snippet());
        }
        tempCounter = 0;
      }
      for (String path : classPath) {
        addToEngineClassPath(shell, path);
      }
      startupSnippets = startup;
      startFailure = null;
      lastStartFailure = null;
      emit(
          new ReplEvent.Ready(
              Runtime.version().toString(), Duration.ofNanos(System.nanoTime() - startedAt)));
    } catch (RuntimeException e) {
      failStart(shell, engineFailureOr(e));
    } finally {
      firstStart.complete(null);
    }
  }

  /**
   * Why the JVM being started could not be used: the launch's own failure when there is one (a JVM
   * that ended closes JShell too, and "JShell has been closed" would say nothing), else {@code e}.
   * Waits for the launch to finish, which it does within its connection's time limit.
   */
  private RuntimeException engineFailureOr(RuntimeException e) {
    try {
      provider.awaitStarted();
      return e;
    } catch (IllegalStateException launchFailure) {
      return launchFailure;
    }
  }

  /** The engine could not start: closes what was made of it and says why. */
  private void failStart(JShell shell, RuntimeException e) {
    jshell = null;
    live = null;
    unfinished = false;
    if (shell != null) {
      closedOnPurpose.add(shell);
      shell.close();
    }
    StartFailure failure = StartFailure.of(e);
    LOG.log(System.Logger.Level.WARNING, failure.message(), e);
    startFailure = failure.message();
    lastStartFailure = failure;
    emit(new ReplEvent.StartFailed(failure.message(), failure.detail()));
    firstStart.complete(null);
  }

  /** When the engine being started began (for {@link ReplEvent.Ready}'s duration). */
  private long startedAt;

  /** Whether the engine in {@link #jshell} still waits for {@link #finishStart}. */
  private boolean unfinished;

  /** The compiler's files of the engine being built or running. */
  private javax.tools.StandardJavaFileManager compilerFiles;

  /**
   * Puts {@code path} on the class path of the JVM running the code and of the compiler, and
   * remembers it for restarts.
   */
  private void addToEngineClassPath(JShell shell, String path) {
    shell.addToClasspath(path);
    if (!classPath.contains(path)) {
      classPath.add(path);
    }
    // JShell gave its compiler this JVM's whole class path again, with path at the end.
    compileAgainstEngineClassPath();
  }

  /**
   * The compiler sees the classes the JVM running the code has: the JDK's, the agent's entry (the
   * app's jar or classes folder) and what was added. JShell's default is this JVM's class path, the
   * whole app's libraries (JavaFX, RichTextFX, SQLite…): code could compile against them and then
   * fail in the JVM that runs it, which does not have them, and the first compile opened every one
   * of those jars (≈ 0.9 s of processor time on the class path), as did JShell's class indexer.
   */
  private void compileAgainstEngineClassPath() {
    List<Path> paths = new ArrayList<>();
    paths.add(Path.of(NoDelayExecutionProvider.agentClassPath()));
    for (String p : classPath) {
      paths.add(Path.of(p));
    }
    try {
      compilerFiles.setLocationFromPaths(javax.tools.StandardLocation.CLASS_PATH, paths);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(
          "Could not set the REPL compiler's class path: " + e.getMessage(), e);
    }
  }

  private void onShutdown(JShell shell) {
    if (closedOnPurpose.contains(shell)) {
      return;
    }
    ended.add(shell);
    // Died between evaluations (a background thread called System.exit, say): restart now.
    if (!closed && !running) {
      try {
        worker.execute(
            () -> {
              if (jshell == shell && !running && gaveUp == null) {
                restartOnItsOwn();
              }
            });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // Closing: no restart wanted.
      }
    }
  }

  /**
   * The engine, started (again) if it is not running: for an evaluation, which the user asked for,
   * even after the session gave up starting one by itself.
   */
  private JShell requireEngine() {
    if (unfinished) {
      finishStart(false);
    }
    if (jshell == null || ended.contains(jshell)) {
      if (jshell != null) {
        restartAndReplay(
            gaveUp != null ? "A new JVM was started to run your code." : deathReason());
      } else {
        startEngine("Starting the Java REPL again");
      }
      if (jshell == null) {
        throw new IllegalStateException(startFailure);
      }
      if (gaveUp != null) {
        throw new IllegalStateException(gaveUp);
      }
    }
    return jshell;
  }

  /**
   * The engine for what is not an evaluation (completion, documentation, a jar added): not started
   * again once the session gave up starting one by itself ({@link ReplEvent.RestartGivenUp}), so
   * that asking for it does not start the JVM that keeps ending once more.
   */
  private JShell engineUnlessGivenUp() {
    if (gaveUp != null) {
      throw new IllegalStateException(gaveUp);
    }
    return requireEngine();
  }

  private void closeEngine() {
    JShell shell = jshell;
    jshell = null;
    live = null;
    if (unfinished) {
      unfinished = false;
      firstStart.complete(null);
    }
    if (shell != null) {
      closedOnPurpose.add(shell);
      shell.close();
    }
  }

  /** How long to wait for a JVM whose connection ended to have exited, to say how it ended. */
  private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

  private String deathReason() {
    return howItEnded() + "; a new one was started.";
  }

  /** "The JVM running your code ended with exit code 1 (System.exit or Runtime.halt)". */
  private String howItEnded() {
    Process process;
    try {
      // The connection to the JVM ends before the system has reaped its process; on a busy
      // machine that takes more than a second (the exit code was then not said). A JVM that
      // dropped the connection but lives on is closed after this wait.
      process = provider.lastExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return "The JVM running your code stopped answering";
    } catch (Exception e) {
      return "The JVM running your code ended";
    }
    int code = process.exitValue();
    String how =
        code > 128 && code < 160
            ? "was killed by signal " + (code - 128) + (code == 134 ? " (it crashed)" : "")
            : "ended with exit code " + code + " (System.exit or Runtime.halt)";
    return "The JVM running your code " + how;
  }

  /** The id {@link #currentEvaluation} has while the definitions run again (a stop finds it). */
  private static final long REPLAY = -2;

  /**
   * JVMs the session started by itself in a row, since the user last ran code, restarted or reset:
   * one that ends before anything of the user's ran in it is not followed by another (a definition
   * or a thread it started ending each new JVM restarted the REPL every second, for ever).
   */
  private int startsOnItsOwn;

  /**
   * Why the session gave up starting a JVM by itself (what {@link ReplEvent.RestartGivenUp} said);
   * null while it has not. The next evaluation or restart starts one.
   */
  private volatile String gaveUp;

  /** The JVM ended without being asked to: a new one, unless the last one was started so too. */
  private void restartOnItsOwn() {
    if (startsOnItsOwn >= 1) {
      String how = howItEnded();
      giveUp(
          how + ".",
          "It ended again before anything you ran, after it had been started again with your"
              + " definitions: one of them may end it (a thread it started, say). It was not started"
              + " again by itself. Restart runs the definitions again; Reset starts with nothing.");
      return;
    }
    startsOnItsOwn++;
    restartAndReplay(deathReason());
  }

  /** No JVM is started by itself any more; the next evaluation or a Restart starts one. */
  private void giveUp(String reason, String message) {
    gaveUp = message;
    emit(new ReplEvent.RestartGivenUp(reason, message));
  }

  /**
   * A new JVM, and the definitions that were valid run again in it, in order, with no input
   * (reading {@code System.in} gets the end of input) and stoppable. A definition that ends the JVM
   * ends the re-run: it is not run again later, and no other JVM is started by itself.
   */
  private void restartAndReplay(String reason) {
    gaveUp = null;
    Map<String, Origin> bySource = new HashMap<>();
    origins.values().forEach(o -> bySource.put(o.source(), o));
    JShell old = jshell;
    if (old != null) {
      closeEngine();
    }
    startEngine(reason);
    if (jshell == null) {
      return;
    }
    JShell shell = jshell;
    List<String> sources = definitions;
    // Each definition's outcome, by its place: one that waits for a later one (a sealed interface
    // naming the records that implement it, which name it) is decided once all have run again.
    ReplEvent.Rerun[] outcomes = new ReplEvent.Rerun[sources.size()];
    List<ReplEvent.Rerun> reruns = new ArrayList<>();
    Map<Integer, Snippet> waiting = new HashMap<>();
    Set<Integer> waitedReadInput = new HashSet<>();
    int replayed = 0;
    int at = 0;
    interruption.set(null);
    currentEvaluation = REPLAY;
    running = true;
    input.withoutInput(true);
    emit(new ReplEvent.Replaying(sources.size()));
    try {
      for (; at < sources.size(); at++) {
        if (interruption.get() != null) {
          break;
        }
        String source = sources.get(at);
        List<SnippetEvent> fired;
        boolean died = false;
        try {
          fired = shell.eval(source);
        } catch (IllegalStateException e) {
          fired = List.of();
          died = true;
        }
        died |= ended.contains(shell);
        boolean readInput = input.readWithoutInput();
        for (SnippetEvent e : fired) {
          Origin o = bySource.get(source);
          if (e.causeSnippet() == null && o != null) {
            origins.put(e.snippet().id(), o); // its frames say where it was written
          }
        }
        if (died) {
          String how = howItEnded();
          List<String> rest = new ArrayList<>(sources);
          rest.remove(at);
          definitions = List.copyOf(rest);
          output.end();
          int others = rest.size();
          giveUp(
              reason,
              "Running "
                  + shortened(source)
                  + " again ended the new JVM too: "
                  + how.replaceFirst("^The JVM running your code ", "it ")
                  + ". It was not started again by itself: "
                  + (others == 0
                      ? "Restart starts a new one without it"
                      : "Restart runs the "
                          + (others == 1 ? "other definition" : "other " + others + " definitions")
                          + " again without it")
                  + "; Reset starts with nothing.");
          return;
        }
        String failure = null;
        boolean stopped = interruption.get() != null;
        Snippet waits = null;
        for (SnippetEvent e : fired) {
          if (e.causeSnippet() != null) {
            continue;
          }
          if (e.exception() != null) {
            failure = "it threw " + thrown(e.exception());
          } else if (e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED && !stopped) {
            waits = e.snippet(); // it refers to a definition run again after it
          } else if (!e.status().isDefined()) {
            failure = "it does not compile now" + firstError(shell, e.snippet());
          } else if (stopped) {
            failure = "it was stopped while it ran again";
          }
          if (failure != null && shell.status(e.snippet()).isActive()) {
            // A variable whose initializer threw is still declared, holding null (or 0): said
            // "Not restored", it must not be listed or used as if it were.
            shell.drop(e.snippet());
          }
        }
        if (failure == null && waits != null) {
          waiting.put(at, waits);
          if (readInput) {
            waitedReadInput.add(at);
          }
        } else if (failure == null) {
          replayed++;
          if (readInput) {
            outcomes[at] = readWithoutInput(source);
          }
        } else {
          outcomes[at] = notRestored(source, readInput, failure);
        }
      }
      for (var w : waiting.entrySet()) {
        int i = w.getKey();
        Snippet snippet = w.getValue();
        if (shell.status(snippet).isDefined()) {
          replayed++;
          if (waitedReadInput.contains(i)) {
            outcomes[i] = readWithoutInput(sources.get(i));
          }
        } else {
          // Still waiting (what it needs did not run again, or was stopped): kept waiting, as a
          // typed one is, so that defining what it needs completes it. Not dropped: with Java
          // 25's JShell, dropping a waiting declaration names every later value's type
          // java.lang.Object.
          String missing =
              snippet instanceof DeclarationSnippet d
                  ? String.join(", ", shell.unresolvedDependencies(d).toList())
                  : "";
          outcomes[i] =
              notRestored(
                  sources.get(i),
                  waitedReadInput.contains(i),
                  missing.isEmpty()
                      ? "it does not compile now" + firstError(shell, snippet)
                      : "it needs "
                          + missing
                          + " (kept: defining "
                          + (missing.contains(", ") ? "them" : "it")
                          + " again completes it)");
        }
      }
      for (int i = at; i < sources.size() && interruption.get() != null; i++) {
        outcomes[i] = new ReplEvent.Rerun(sources.get(i), false, "not run again: Stop was pressed");
      }
      for (ReplEvent.Rerun r : outcomes) {
        if (r != null) {
          reruns.add(r);
        }
      }
    } finally {
      input.withoutInput(false);
      running = false;
      currentEvaluation = -1;
    }
    output.end();
    if (interruption.get() != null && restartsWaiting.get() + resetsWaiting.get() > 0) {
      // Restart (or Reset) pressed again while the definitions ran again: its stop replaced this
      // re-run, it did not stop it. The definitions kept are all those from before, for the next
      // re-run (before, only those run again so far were kept, and the rest were said to be
      // stopped, "Stop was pressed", and lost).
      emit(
          new ReplEvent.Restarted(
              (resetsWaiting.get() > 0 ? "Reset" : "Restart")
                  + " pressed while "
                  + sources.size()
                  + (sources.size() == 1 ? " definition ran" : " definitions ran")
                  + " again"
                  + (resetsWaiting.get() > 0 ? "." : ": they run again from the first."),
              0,
              List.of()));
      return;
    }
    rememberDefinitions();
    emit(new ReplEvent.Restarted(reason, replayed, reruns));
  }

  private static ReplEvent.Rerun readWithoutInput(String source) {
    return new ReplEvent.Rerun(
        source,
        true,
        "it read System.in, which gives a re-run no input (the end of input), so its"
            + " value may not be what it was");
  }

  private static ReplEvent.Rerun notRestored(String source, boolean readInput, String failure) {
    return new ReplEvent.Rerun(
        source,
        false,
        readInput
            ? "it reads System.in, which gives a re-run no input (the end of input): " + failure
            : failure);
  }

  /** {@code source} on one line, cut to a length a sentence can hold, in back quotes. */
  public static String shortened(String source) {
    String line = source.strip().replaceAll("\\s+", " ");
    return "`" + (line.length() > 60 ? line.substring(0, 59) + "…" : line) + "`";
  }

  /** "NoSuchElementException: No line found". */
  private static String thrown(JShellException e) {
    String name =
        e instanceof jdk.jshell.EvalException x
            ? x.getExceptionClassName()
            : e.getClass().getName();
    String simple = name.substring(name.lastIndexOf('.') + 1);
    if (e instanceof UnresolvedReferenceException u) {
      return "nothing: it uses " + describe(u.getSnippet()) + ", which was not restored";
    }
    return simple + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** ": " and the snippet's first compiler error, or nothing. */
  private static String firstError(JShell shell, Snippet snippet) {
    return shell
        .diagnostics(snippet)
        .filter(Diag::isError)
        .findFirst()
        .map(d -> ": " + d.getMessage(Locale.ROOT))
        .orElse("");
  }

  private Evaluation runEvaluation(long id, String code) {
    long t0 = System.nanoTime();
    // Running before anyone hears it started: a stop sent as soon as the window says "Running…"
    // (Esc) is then kept, not dropped for arriving before this thread got here.
    interruption.set(null);
    currentEvaluation = id;
    running = true;
    startsOnItsOwn = 0;
    emit(new ReplEvent.EvaluationStarted(id, code));
    List<SnippetResult> results = new ArrayList<>();
    JShell shell;
    // The first evaluation, asked for before the engine started, and one the imports cannot
    // change: it compiles while the JVM starts and runs before the imports are compiled.
    boolean beforeImports = unfinished && !ended.contains(jshell) && needsNoImports(code);
    try {
      shell = beforeImports ? jshell : requireEngine();
    } catch (IllegalStateException e) {
      running = false;
      currentEvaluation = -1;
      return finish(new Evaluation(id, results, Outcome.NOT_RUN, e.getMessage(), since(t0)));
    }
    String notRun = addLibraries(id, code, shell);
    if (notRun != null) {
      running = false;
      currentEvaluation = -1;
      Outcome why = interruption.get() != null ? interruption.get() : Outcome.NOT_RUN;
      return finish(new Evaluation(id, results, why, notRun, since(t0)));
    }
    Duration limit = timeLimit;
    ScheduledFuture<?> deadline =
        limit == null
            ? null
            : timer.schedule(
                () -> requestStop(Outcome.TIMED_OUT), limit.toMillis(), TimeUnit.MILLISECONDS);
    Outcome outcome = Outcome.COMPLETED;
    boolean failed = false;
    String message = "";
    try {
      int offset = 0;
      String remaining = code;
      int index = 0;
      Map<String, Integer> sourceStarts = new HashMap<>();
      // Results not told yet: from a declaration that waits for one declared later in this input
      // on (in order), until it can be used or the input ends. See release().
      List<Ran> held = new ArrayList<>();
      while (!remaining.isBlank()) {
        Outcome stoppedBefore = interruption.get();
        if (stoppedBefore != null) {
          // A stop that came before any snippet could be stopped (the JVM was still starting,
          // say): nothing more runs.
          outcome = stoppedBefore;
          if (results.isEmpty()) {
            message = stoppedNote(stoppedBefore);
          }
          break;
        }
        String source;
        String rest;
        String one = oneSnippet(remaining);
        if (one != null) {
          // Nothing to split: JShell's analysis (which starts its class indexer) can wait.
          source = one;
          rest = "";
        } else {
          SourceCodeAnalysis analysis = analysis(shell);
          CompletionInfo info = analysis.analyzeCompletion(remaining);
          if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
            break;
          }
          if (info.completeness().isComplete()) {
            source = info.source();
            rest = info.remaining();
          } else {
            source = remaining;
            rest = "";
          }
          int split = splitAt(analysis, remaining, remaining.length() - rest.length());
          if (split > 0) {
            source = analysis.analyzeCompletion(remaining.substring(0, split)).source();
            rest = remaining.substring(split);
          }
        }
        int consumed = remaining.length() - rest.length();
        int lead = 0;
        while (lead < consumed && Character.isWhitespace(remaining.charAt(lead))) {
          lead++;
        }
        int trail = consumed;
        while (trail > lead && Character.isWhitespace(remaining.charAt(trail - 1))) {
          trail--;
        }
        int start = offset + lead;
        int end = offset + trail;
        // Without what precedes its first character: JShell numbered the lines of a snippet that
        // began with a line break wrongly (a method's second line was its line 1), and so the
        // lines of its stack frames.
        source = source.substring(leadingSpace(source));
        int sourceBase = start;
        Ran ran = runSnippet(shell, id, index, source, start, end, sourceBase, code, sourceStarts);
        SnippetResult result = ran.result();
        if (beforeImports && provider.startFailure() != null) {
          // The JVM never came up: as when the start fails before an evaluation, nothing ran.
          failStart(shell, provider.startFailure());
          return finish(new Evaluation(id, List.of(), Outcome.NOT_RUN, startFailure, since(t0)));
        }
        if (held.isEmpty() && !ran.waiting()) {
          results.add(result);
          emit(new ReplEvent.SnippetFinished(id, result));
        } else {
          held.add(ran);
          if (!mayStillResolve(shell, held, rest)) {
            release(shell, id, held, results);
          }
        }
        offset += consumed;
        remaining = rest;
        index++;
        Outcome stopped = interruption.get();
        if (result.status() == Status.JVM_ENDED) {
          outcome = Outcome.JVM_ENDED;
          break;
        }
        if (stopped != null) {
          outcome = stopped;
          break;
        }
        if (result.status() == Status.EXCEPTION) {
          // Read as a program: what follows a statement that threw would run on a state it did not
          // expect (a variable left null, say) and report a second, misleading error.
          failed = true;
          break;
        }
        if (result.status() == Status.COMPILE_ERROR
            && result.problems().stream().anyMatch(Problem::error)) {
          // Likewise a statement that does not compile: a program with it runs nothing. What came
          // after ran on (`int x = "a"; System.exit(0);` ended the JVM) and a variable it failed to
          // declare brought a second, misleading "cannot find symbol".
          failed = true;
          break;
        }
      }
      release(shell, id, held, results);
      if ((outcome != Outcome.COMPLETED || failed) && !remaining.isBlank() && !results.isEmpty()) {
        message = "The rest of the input was not run.";
      }
    } finally {
      running = false;
      currentEvaluation = -1;
      if (deadline != null) {
        deadline.cancel(false);
      }
      input.cancel();
    }
    if (outcome == Outcome.JVM_ENDED || ended.contains(shell)) {
      // The snippet that ended it says why (its note); the restart says so once more. Or it ended
      // right after the last snippet (a background thread, say).
      restartOnItsOwn();
    } else {
      rememberDefinitions();
    }
    if (beforeImports && unfinished) {
      // The imports once the result is out, before anything else asked for uses the engine.
      try {
        worker.execute(
            () -> {
              if (unfinished) {
                finishStart(false);
              }
            });
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        // Closing: the engine is closed with the session.
      }
    }
    return finish(new Evaluation(id, results, outcome, message, since(t0)));
  }

  /**
   * Whether {@code code} is one snippet whose meaning JShell's default imports cannot change, so
   * that it may run before they are compiled: one certainly complete snippet ({@link #oneSnippet})
   * with no word that does not start with a lower-case letter, as {@code 1 + 1}, {@code var n = 6 *
   * 7} or {@code n.length()}. The imports bring in type names only, and every public type of those
   * packages starts with a capital letter (a test checks this on the JDK it runs on): none of the
   * snippet's names can mean one of them. Anything else waits for the imports, as before.
   */
  static boolean needsNoImports(String code) {
    String one = oneSnippet(code);
    if (one == null) {
      return false;
    }
    for (int i = 0; i < one.length(); i++) {
      char c = one.charAt(i);
      boolean wordStart =
          Character.isJavaIdentifierStart(c)
              && (i == 0 || !Character.isJavaIdentifierPart(one.charAt(i - 1)));
      if (wordStart && !Character.isLowerCase(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Puts the libraries {@code code} names with //DEPS on the class path, resolving those not there
   * yet (the time limit does not count this; a stop interrupts it). Returns why the code cannot
   * run, or null.
   */
  private String addLibraries(long id, String code, JShell shell) {
    Libraries.Directives directives = Libraries.parse(code);
    if (directives.isEmpty()) {
      return null;
    }
    if (!directives.problems().isEmpty()) {
      return String.join(" ", directives.problems()) + " Nothing was run.";
    }
    List<Libraries.Coordinate> needed = new ArrayList<>();
    for (Libraries.Coordinate c : directives.coordinates()) {
      if (!libraries.containsKey(c.toString())) {
        needed.add(c);
      }
    }
    if (needed.isEmpty()) {
      return null;
    }
    List<String> names = needed.stream().map(Libraries.Coordinate::toString).toList();
    emit(new ReplEvent.LibrariesResolving(id, names));
    LibraryResolver.Resolution resolution;
    synchronized (resolvingLock) {
      resolving = Thread.currentThread();
    }
    try {
      if (interruption.get() != null) {
        throw new InterruptedException();
      }
      resolution =
          resolver().resolve(needed, directives.repositories(), LibraryResolver.Progress.NONE);
    } catch (LibraryResolver.LibraryException e) {
      return e.getMessage() + " Nothing was run.";
    } catch (InterruptedException e) {
      return "Stopped while resolving " + String.join(", ", names) + "; nothing was run.";
    } finally {
      synchronized (resolvingLock) {
        resolving = null;
        Thread.interrupted(); // A stop that came as the resolution ended must not reach JShell.
      }
    }
    List<String> jars = new ArrayList<>();
    for (LibraryResolver.Artifact a : resolution.artifacts()) {
      String path = a.file().toAbsolutePath().toString();
      if (!classPath.contains(path)) {
        addToEngineClassPath(shell, path);
      }
      jars.add(a.file().getFileName().toString());
    }
    for (Libraries.Coordinate c : needed) {
      libraries.put(c.toString(), resolution.artifacts());
    }
    emit(
        new ReplEvent.LibrariesAdded(
            id, names, jars, resolution.downloadedBytes(), resolution.took()));
    return null;
  }

  private Evaluation finish(Evaluation evaluation) {
    emit(new ReplEvent.EvaluationFinished(evaluation));
    return evaluation;
  }

  private static final Set<String> CONTINUATIONS =
      Set.of(
          "else", "catch", "finally", "instanceof", "extends", "implements", "throws", "permits");

  /**
   * JShell reads {@code greet("x")} and {@code System.out.println(1);} on the next line as one
   * (broken) snippet. Like the jshell tool, which reads line by line, a line that is complete
   * without its semicolon ends a snippet, unless the next line continues it ({@code .map(...)},
   * {@code + "b"}, {@code else}). Returns where the first snippet ends, or -1 to keep JShell's
   * split.
   */
  static int splitAt(SourceCodeAnalysis analysis, String text, int consumed) {
    int nl = text.indexOf('\n');
    while (nl >= 0 && nl < consumed) {
      int last = nl - 1;
      while (last >= 0 && Character.isWhitespace(text.charAt(last))) {
        last--;
      }
      int next = nl + 1;
      while (next < consumed && Character.isWhitespace(text.charAt(next))) {
        next++;
      }
      if (last >= 0 && next < consumed && endsLikeAnExpression(text, last)) {
        char c = text.charAt(next);
        boolean startsStatement =
            Character.isJavaIdentifierStart(c) || Character.isDigit(c) || "\"'@{".indexOf(c) >= 0;
        int wordEnd = next;
        while (wordEnd < consumed && Character.isJavaIdentifierPart(text.charAt(wordEnd))) {
          wordEnd++;
        }
        if (startsStatement && !CONTINUATIONS.contains(text.substring(next, wordEnd))) {
          CompletionInfo prefix = analysis.analyzeCompletion(text.substring(0, nl));
          if (prefix.completeness().isComplete() && prefix.remaining().isBlank()) {
            return nl;
          }
        }
      }
      nl = text.indexOf('\n', nl + 1);
    }
    return -1;
  }

  /**
   * The source of {@code text} as JShell's analysis would give it, when {@code text} is certainly
   * one complete snippet: one line with no semicolon but a last one, no braces, comment, string or
   * character literal or escape, its brackets balanced, ending in a semicolon or like a complete
   * expression or statement (a name, literal, {@code )}, {@code ]}, {@code ++}, {@code --}); as
   * {@code 1 + 1}, {@code var n = List.of(1, 2)}, {@code n.size() * 10 / 3}. The semicolon that
   * ends it is added if missing (JShell needs it on a declaration). Null for anything else, which
   * goes through the analysis.
   *
   * <p>JShell's {@link SourceCodeAnalysis} starts indexing every class the compiler can see (the
   * JDK's and the class path's: ~0.7 s of processor time and ~170 MB of garbage) as soon as it is
   * made. This keeps that off the start (the first {@code 1 + 1} as the window shows its notes)
   * until completion, documentation or a longer input needs it.
   */
  static String oneSnippet(String text) {
    String s = text.strip();
    if (s.isEmpty() || s.charAt(0) == ';') {
      return null;
    }
    int parens = 0;
    int brackets = 0;
    int angles = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean comment = c == '/' && i + 1 < s.length() && "/*".indexOf(s.charAt(i + 1)) >= 0;
      if (comment || "\n\r{}\"'\\".indexOf(c) >= 0 || (c == ';' && i < s.length() - 1)) {
        return null;
      }
      switch (c) {
        case '(' -> parens++;
        case ')' -> parens--;
        case '[' -> brackets++;
        case ']' -> brackets--;
        case '<' -> angles++;
        case '>' -> angles -= i > 0 && s.charAt(i - 1) == '-' ? 0 : 1;
        default -> {
          // Nothing to count.
        }
      }
      if (parens < 0 || brackets < 0) {
        return null;
      }
    }
    if (parens != 0 || brackets != 0 || angles != 0) {
      return null;
    }
    if (s.endsWith(";")) {
      return s;
    }
    char last = s.charAt(s.length() - 1);
    boolean complete;
    if (Character.isJavaIdentifierPart(last)) {
      int wordStart = s.length();
      while (wordStart > 0 && Character.isJavaIdentifierPart(s.charAt(wordStart - 1))) {
        wordStart--;
      }
      String word = s.substring(wordStart);
      complete = !javax.lang.model.SourceVersion.isKeyword(word) || ENDING_KEYWORDS.contains(word);
    } else {
      complete = last == ')' || last == ']' || s.endsWith("++") || s.endsWith("--");
    }
    return complete ? s + ";" : null;
  }

  /** Keywords a complete expression may end with. */
  private static final Set<String> ENDING_KEYWORDS =
      Set.of("true", "false", "null", "this", "class");

  private static boolean endsLikeAnExpression(String text, int at) {
    char c = text.charAt(at);
    if ((c == '+' || c == '-') && at > 0 && text.charAt(at - 1) == c) {
      return true; // n++ or n--
    }
    return Character.isJavaIdentifierPart(c) || c == ')' || c == ']' || c == '"' || c == '\'';
  }

  private static int leadingSpace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * A snippet's result with what its note was made of, so that {@link #release} can tell it again.
   *
   * @param snippet the snippet it declared or ran, or null
   * @param own the notes about the snippet itself
   * @param updates the notes about other snippets its declaration changed
   * @param usable the note to give instead of {@code own} if it turns out usable
   */
  private record Ran(
      SnippetResult result,
      Snippet snippet,
      List<String> own,
      List<Update> updates,
      String usable) {
    /** A declaration that cannot be used until something else is declared. */
    boolean waiting() {
      return result.status() == Status.INCOMPLETE && usable != null;
    }
  }

  /** A note about {@code snippet}, changed by another snippet's declaration. */
  private record Update(Snippet snippet, String note) {}

  /**
   * Whether a declaration held back may still become usable in this input: a name it waits for is
   * in the rest of the input (declared there, most likely).
   */
  private static boolean mayStillResolve(JShell shell, List<Ran> held, String rest) {
    for (Ran r : held) {
      if (r.waiting() && !usable(shell, r.snippet())) {
        List<String> needs;
        try {
          needs = shell.unresolvedDependencies((DeclarationSnippet) r.snippet()).toList();
        } catch (IllegalStateException closed) {
          return false;
        }
        for (String missing : needs) {
          String name = missing.replaceAll("\\(.*$", "").replaceAll("^.*\\s", "");
          if (!name.isEmpty()
              && Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(rest).find()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether {@code snippet} can be used now (false when the engine is closed). */
  private static boolean usable(JShell shell, Snippet snippet) {
    try {
      return shell.status(snippet) == Snippet.Status.VALID;
    } catch (IllegalStateException closed) {
      return false;
    }
  }

  /**
   * Tells the held results, in order. A declaration that waited for one later in the same input and
   * can be used now is simply "Defined"; the notes that it could not be used yet, and that it can
   * now, are left out (they were about a moment inside one input). One still unusable keeps its
   * note.
   */
  private void release(JShell shell, long id, List<Ran> held, List<SnippetResult> results) {
    Set<String> usableNow = new HashSet<>();
    for (Ran r : held) {
      if (r.waiting() && usable(shell, r.snippet())) {
        usableNow.add(r.snippet().id());
      }
    }
    for (Ran r : held) {
      SnippetResult result = r.result();
      boolean usable = r.snippet() != null && usableNow.contains(r.snippet().id());
      List<String> notes = new ArrayList<>(usable ? List.of(r.usable()) : r.own());
      for (Update u : r.updates()) {
        if (!usableNow.contains(u.snippet().id())) {
          notes.add(u.note());
        }
      }
      String note = String.join(" ", notes);
      Status status = usable ? Status.OK : result.status();
      result = result.with(status, note);
      results.add(result);
      emit(new ReplEvent.SnippetFinished(id, result));
    }
    held.clear();
  }

  private Ran runSnippet(
      JShell shell,
      long id,
      int index,
      String source,
      int start,
      int end,
      int sourceBase,
      String code,
      Map<String, Integer> sourceStarts) {
    emit(new ReplEvent.SnippetStarted(id, index, source, start, end));
    output.begin(id);
    long t0 = System.nanoTime();
    List<SnippetEvent> fired;
    boolean jvmEnded = false;
    try {
      Probes.mark("snippet-eval");
      fired = shell.eval(source);
      Probes.mark("snippet-done");
    } catch (IllegalStateException e) {
      fired = List.of();
      jvmEnded = true;
    }
    Duration took = since(t0);
    OutputCollector.Captured out = output.end();
    jvmEnded |= ended.contains(shell);
    SnippetEvent main = null;
    List<String> notes = new ArrayList<>();
    List<Update> updates = new ArrayList<>();
    for (SnippetEvent e : fired) {
      if (e.causeSnippet() == null) {
        if (main == null) {
          main = e;
        }
      } else if (e.status() != e.previousStatus()) {
        String note = update(shell, e);
        notes.add(note);
        updates.add(new Update(e.snippet(), note));
      }
    }
    if (main == null) {
      Status status = jvmEnded ? Status.JVM_ENDED : Status.COMPILE_ERROR;
      String note = jvmEnded ? deathReason() : "Nothing was evaluated.";
      SnippetResult nothing =
          SnippetResult.of(index, source, start, end, Kind.UNKNOWN, status, took)
              .with(status, note)
              .withOutput(out.text(), out.dropped(), out.droppedLines());
      return new Ran(nothing, null, List.of(note), List.of(), null);
    }
    Snippet snippet = main.snippet();
    // Line 1 of a snippet in a stack trace is the line its first character is on.
    sourceStarts.put(snippet.id(), start);
    origins.put(snippet.id(), new Origin(evaluating, code, start, snippet.source()));
    Kind kind = kindOf(snippet);
    String name = nameOf(snippet);
    String type =
        snippet instanceof VarSnippet v
            ? v.typeName()
            : snippet instanceof ExpressionSnippet x ? x.typeName() : "";
    List<Problem> problems = new ArrayList<>();
    for (Diag d : (Iterable<Diag>) shell.diagnostics(snippet)::iterator) {
      problems.add(
          Problem.in(
              code,
              d.isError(),
              d.getMessage(Locale.getDefault()),
              clamp(sourceBase, end, d.getStartPosition()),
              clamp(sourceBase, end, d.getEndPosition()),
              clamp(sourceBase, end, d.getPosition())));
    }
    JShellException thrown = main.exception();
    Failure failure = null;
    Status status;
    String usable = null;
    String value = kind == Kind.EXPRESSION || kind == Kind.VARIABLE ? main.value() : null;
    Outcome stop = interruption.get();
    if (jvmEnded) {
      status = Status.JVM_ENDED;
      value = null;
      notes.add(0, deathReason());
    } else if (!main.status().isDefined()
        && main.status() != Snippet.Status.RECOVERABLE_NOT_DEFINED) {
      status = Status.COMPILE_ERROR;
      value = null;
      for (Problem p : problems) {
        if (p.error()) {
          var advice = newerJava.advice(p.message(), source);
          if (advice.isPresent()) {
            notes.add(0, advice.get());
            break;
          }
        }
      }
    } else if (thrown instanceof UnresolvedReferenceException unresolved) {
      status = Status.INCOMPLETE;
      notes.add(0, unresolvedNote(shell, unresolved.getSnippet(), true));
    } else if (thrown != null) {
      status = Status.EXCEPTION;
      failure =
          StackTraces.failure(
              thrown,
              (snippetId, line) -> {
                Integer at = sourceStarts.get(snippetId);
                return at == null ? -1 : lineStart(code, at, line);
              },
              (snippetId, line) -> place(snippetId, line, sourceStarts));
    } else if (main.status() == Snippet.Status.RECOVERABLE_DEFINED
        || main.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
      status = Status.INCOMPLETE;
      notes.add(0, unresolvedNote(shell, (DeclarationSnippet) snippet, false));
      usable =
          (main.previousStatus() == Snippet.Status.NONEXISTENT ? "Defined " : "Replaced ")
              + describe(snippet)
              + ".";
    } else if (stop != null
        && value == null
        && (kind == Kind.EXPRESSION || kind == Kind.STATEMENT || kind == Kind.VARIABLE)) {
      status = stop == Outcome.TIMED_OUT ? Status.TIMED_OUT : Status.STOPPED;
    } else {
      status = Status.OK;
      if (main.previousStatus() == Snippet.Status.NONEXISTENT || kind == Kind.EXPRESSION) {
        if (kind == Kind.METHOD || kind == Kind.CLASS) {
          notes.add(0, "Defined " + describe(snippet) + ".");
        }
      } else if (kind == Kind.METHOD || kind == Kind.CLASS || kind == Kind.VARIABLE) {
        notes.add(0, "Replaced " + describe(snippet) + ".");
      }
    }
    if (kind == Kind.EXPRESSION
        && status != Status.OK
        && status != Status.JVM_ENDED
        && snippet instanceof VarSnippet temp
        && shell.status(temp).isActive()) {
      // Its $n would stay defined, holding null, as if it had a value.
      shell.drop(temp);
    }
    if (status == Status.STOPPED || status == Status.TIMED_OUT) {
      notes.add(0, stoppedNote(stop));
    }
    SnippetResult result =
        new SnippetResult(
            index,
            source,
            start,
            end,
            kind,
            status,
            name,
            value,
            type,
            problems,
            failure,
            String.join(" ", notes),
            out.text(),
            out.dropped(),
            out.droppedLines(),
            took);
    List<String> own = new ArrayList<>(notes.subList(0, notes.size() - updates.size()));
    return new Ran(result, snippet, own, updates, usable);
  }

  /** "Stopped." (by hand) or "Stopped after the time limit of 30 s." */
  private String stoppedNote(Outcome why) {
    return why == Outcome.TIMED_OUT
        ? "Stopped after the time limit of " + format(timeLimit) + "."
        : "Stopped.";
  }

  private static int clamp(int base, int end, long position) {
    if (position < 0) {
      return Math.max(0, base);
    }
    return (int) Math.max(0, Math.min(end, base + position));
  }

  /** Offset in {@code code} of 1-based {@code line} of the snippet that starts at {@code start}. */
  private static int lineStart(String code, int start, int line) {
    int at = start;
    for (int i = 1; i < line; i++) {
      int nl = code.indexOf('\n', at);
      if (nl < 0) {
        return at;
      }
      at = nl + 1;
    }
    return at;
  }

  private String unresolvedNote(JShell shell, DeclarationSnippet snippet, boolean invoked) {
    List<String> missing = shell.unresolvedDependencies(snippet).toList();
    String what = describe(snippet);
    String needs = missing.isEmpty() ? "what it refers to" : String.join(", ", missing);
    return invoked
        ? "Cannot use " + what + " until " + needs + " is declared."
        : "Defined " + what + ", but it cannot be used until " + needs + " is declared.";
  }

  private String update(JShell shell, SnippetEvent e) {
    Snippet s = e.snippet();
    String what = describe(s);
    if (e.status() == Snippet.Status.VALID) {
      return "Updated " + what + ": it can be used now.";
    }
    if (e.status() == Snippet.Status.RECOVERABLE_DEFINED
        || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
      return "Updated "
          + what
          + ": it cannot be used until "
          + String.join(", ", shell.unresolvedDependencies((DeclarationSnippet) s).toList())
          + " is declared.";
    }
    if (e.status() == Snippet.Status.OVERWRITTEN) {
      return "";
    }
    return "Updated " + what + " (" + e.status().name().toLowerCase(Locale.ROOT) + ").";
  }

  private static String describe(Snippet s) {
    if (s instanceof MethodSnippet m) {
      return "method " + m.name() + m.signature().replaceAll("\\)[^)]*$", ")");
    }
    if (s instanceof TypeDeclSnippet t) {
      return typeKind(t) + " " + t.name();
    }
    if (s instanceof VarSnippet v) {
      return "variable " + v.name();
    }
    return "the snippet";
  }

  private static String typeKind(TypeDeclSnippet t) {
    return switch (t.subKind()) {
      case INTERFACE_SUBKIND -> "interface";
      case ENUM_SUBKIND -> "enum";
      case ANNOTATION_TYPE_SUBKIND -> "annotation";
      default -> t.subKind().name().startsWith("RECORD") ? "record" : "class";
    };
  }

  static Kind kindOf(Snippet s) {
    return switch (s.kind()) {
      case IMPORT -> Kind.IMPORT;
      case TYPE_DECL -> Kind.CLASS;
      case METHOD -> Kind.METHOD;
      case VAR ->
          s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
              ? Kind.EXPRESSION
              : Kind.VARIABLE;
      case EXPRESSION -> Kind.EXPRESSION;
      case STATEMENT -> Kind.STATEMENT;
      case ERRONEOUS -> Kind.UNKNOWN;
    };
  }

  private static String nameOf(Snippet s) {
    if (s instanceof DeclarationSnippet d) {
      return d.name();
    }
    if (s instanceof ExpressionSnippet x) {
      return x.name();
    }
    if (s instanceof ImportSnippet i) {
      return i.fullname();
    }
    return "";
  }

  /** The sources of the declarations valid now, in order, for a replay after a restart. */
  private void rememberDefinitions() {
    JShell shell = jshell;
    if (shell == null) {
      return;
    }
    List<String> sources = new ArrayList<>();
    shell
        .snippets()
        .forEach(
            s -> {
              if (startupSnippets.contains(s.id())) {
                return;
              }
              Snippet.Status st = shell.status(s);
              boolean declaration =
                  switch (s.kind()) {
                    case IMPORT, TYPE_DECL, METHOD -> true;
                    case VAR -> s.subKind() != Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
                    default -> false;
                  };
              if (declaration
                  && (st == Snippet.Status.VALID || st == Snippet.Status.RECOVERABLE_DEFINED)) {
                sources.add(s.source());
              }
            });
    definitions = List.copyOf(sources);
  }

  private List<Definition> listDefinitions() {
    if (gaveUp != null) {
      return List.of(); // no JVM holds them now
    }
    JShell shell = requireEngine();
    List<Definition> list = new ArrayList<>();
    running = true;
    try {
      shell
          .variables()
          .filter(v -> shell.status(v).isActive())
          .forEach(
              v -> {
                String value;
                try {
                  value = shell.varValue(v);
                } catch (IllegalStateException | IllegalArgumentException e) {
                  value = "(not available)";
                }
                if (value.length() > VALUE_PREVIEW) {
                  value = value.substring(0, VALUE_PREVIEW - 1) + "…";
                }
                list.add(new Definition(Definition.Kind.VARIABLE, v.name(), v.typeName(), value));
              });
      shell
          .methods()
          .filter(m -> shell.status(m).isActive())
          .forEach(
              m -> list.add(new Definition(Definition.Kind.METHOD, m.name(), m.signature(), "")));
      shell
          .types()
          .filter(t -> shell.status(t).isActive())
          .forEach(t -> list.add(new Definition(Definition.Kind.TYPE, t.name(), typeKind(t), "")));
      shell
          .imports()
          .filter(i -> shell.status(i).isActive() && !startupSnippets.contains(i.id()))
          .forEach(
              i ->
                  list.add(
                      new Definition(
                          Definition.Kind.IMPORT, i.fullname(), i.isStatic() ? "static" : "", "")));
      for (Library l : libraries()) {
        list.add(
            new Definition(
                Definition.Kind.LIBRARY,
                l.coordinates(),
                String.join(", ", l.jars().stream().map(p -> p.getFileName().toString()).toList()),
                ""));
      }
    } finally {
      running = false;
    }
    return list;
  }

  // ---------------------------------------------------------------- any thread

  private void requestStop(Outcome why) {
    if (!running) {
      // Code of a thread left running may wait for input between evaluations.
      input.cancel();
      return;
    }
    interruption.compareAndSet(null, why);
    synchronized (resolvingLock) {
      if (resolving != null) {
        resolving.interrupt();
      }
    }
    // Stop first: code waiting for input is then stopped, not handed an error by the cancel.
    stopAgainUntilDone(currentEvaluation);
    input.cancel();
  }

  /**
   * JDI can only stop code that is running; a stop that arrives while a snippet still compiles
   * would be lost, so it is repeated until the evaluation ends.
   */
  private void stopAgainUntilDone(long evaluation) {
    JShell shell = live;
    if (shell != null && running && currentEvaluation == evaluation) {
      try {
        shell.stop();
      } catch (IllegalStateException e) {
        return; // The engine has ended; the evaluation reports it.
      }
      try {
        timer.schedule(() -> stopAgainUntilDone(evaluation), STOP_RETRY_MS, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // Closing.
      }
    }
  }

  private void afterEvents(Runnable action) {
    try {
      events.execute(action);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      action.run();
    }
  }

  private void emit(ReplEvent event) {
    try {
      events.execute(
          () -> {
            for (Consumer<? super ReplEvent> l : listeners) {
              try {
                l.accept(event);
              } catch (RuntimeException e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
              }
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Closed: nobody listens any more.
    }
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  private static String format(Duration d) {
    if (d == null) {
      return "none";
    }
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
