package dev.talkbook.core.repl;

import dev.talkbook.core.repl.Libraries.Coordinate;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.RepositorySystemSession.SessionBuilder;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Resolves the libraries named by {@code //DEPS} with their transitive dependencies, with Apache
 * Maven Resolver (ADR 0011), into the user's local Maven repository ({@code ~/.m2/repository}, or
 * what {@code ~/.m2/settings.xml} or {@code -Dmaven.repo.local} say). What is there already is used
 * without touching the network; only what is missing is downloaded, within time limits, and every
 * failure becomes a sentence for the user ({@link LibraryException}).
 *
 * <p>Thread-safe; blocking (call it off the FX thread). The resolver itself is built on first use.
 */
public final class LibraryResolver implements AutoCloseable {

  /**
   * Where libraries come from and how long to wait for them.
   *
   * @param localRepository the local Maven repository (the cache)
   * @param repositories the remote repositories, in order (Maven Central, or a mirror of it)
   * @param offline never use the network (settings.xml's {@code <offline>})
   * @param connectTimeout how long to wait for a repository to answer a connection
   * @param requestTimeout how long to wait for data on a connection
   * @param limit the longest one resolution may take, all downloads together
   */
  public record Options(
      Path localRepository,
      List<Libraries.Repository> repositories,
      boolean offline,
      Duration connectTimeout,
      Duration requestTimeout,
      Duration limit) {

    public Options {
      repositories = List.copyOf(repositories);
    }

    /**
     * The user's Maven settings, where they are cheap to honour: the local repository ({@code
     * -Dmaven.repo.local}, else settings.xml's {@code <localRepository>}, else {@code
     * ~/.m2/repository}), {@code <offline>}, and a mirror of Central ({@code <mirrorOf>} {@code *},
     * {@code central} or {@code external:*}). Proxies and passwords are not read.
     */
    public static Options fromUserSettings() {
      return fromSettings(Path.of(System.getProperty("user.home")));
    }

    /** {@link #fromUserSettings()} for the user whose home folder is {@code home}. */
    static Options fromSettings(Path home) {
      Path local = home.resolve(".m2").resolve("repository");
      boolean offline = false;
      Libraries.Repository central = new Libraries.Repository("central", Libraries.CENTRAL);
      Path settings = home.resolve(".m2").resolve("settings.xml");
      if (Files.isRegularFile(settings)) {
        try {
          var factory = DocumentBuilderFactory.newInstance();
          factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
          factory.setExpandEntityReferences(false);
          Document doc = factory.newDocumentBuilder().parse(settings.toFile());
          String repo = text(doc.getDocumentElement(), "localRepository");
          if (repo != null && !repo.isBlank()) {
            local =
                Path.of(
                    repo.strip()
                        .replace("${user.home}", home.toString())
                        .replaceFirst(
                            "^~", java.util.regex.Matcher.quoteReplacement(home.toString())));
          }
          offline =
              "true"
                  .equalsIgnoreCase(
                      String.valueOf(text(doc.getDocumentElement(), "offline")).strip());
          NodeList mirrors = doc.getElementsByTagName("mirror");
          for (int i = 0; i < mirrors.getLength(); i++) {
            Element mirror = (Element) mirrors.item(i);
            String of = String.valueOf(text(mirror, "mirrorOf")).strip();
            String url = text(mirror, "url");
            String id = text(mirror, "id");
            if (url != null
                && (of.equals("*") || of.contains("central") || of.contains("external:*"))) {
              central = new Libraries.Repository(id == null ? "mirror" : id.strip(), url.strip());
              break;
            }
          }
        } catch (Exception | Error e) {
          // An unreadable settings.xml: Maven's defaults, as if there were none.
        }
      }
      String override = System.getProperty("maven.repo.local");
      if (override != null && !override.isBlank()) {
        local = Path.of(override);
      }
      return new Options(
          local,
          List.of(central),
          offline,
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(90));
    }

    public Options withRepositories(List<Libraries.Repository> list) {
      return new Options(localRepository, list, offline, connectTimeout, requestTimeout, limit);
    }

    public Options withLocalRepository(Path path) {
      return new Options(path, repositories, offline, connectTimeout, requestTimeout, limit);
    }

    public Options withLimits(Duration connect, Duration request, Duration whole) {
      return new Options(localRepository, repositories, offline, connect, request, whole);
    }

    private static String text(Element parent, String tag) {
      NodeList list = parent.getElementsByTagName(tag);
      return list.getLength() == 0 ? null : list.item(0).getTextContent();
    }
  }

  /** A jar on the class path and the coordinates it was resolved as ({@code g:a:v}). */
  public record Artifact(String coordinates, Path file) {}

  /**
   * What one resolution gave.
   *
   * @param requested the libraries asked for
   * @param artifacts their jars and their dependencies' jars, in class path order
   * @param downloadedBytes how much came over the network (0 when all was in the local repository)
   * @param took how long it took
   */
  public record Resolution(
      List<Coordinate> requested, List<Artifact> artifacts, long downloadedBytes, Duration took) {
    public Resolution {
      requested = List.copyOf(requested);
      artifacts = List.copyOf(artifacts);
    }
  }

  /** Told of each file that finished downloading. */
  public interface Progress {
    Progress NONE = (name, bytes) -> {};

    void downloaded(String resource, long bytes);
  }

  /** A library that could not be resolved, with a sentence for the user. */
  public static final class LibraryException extends Exception {
    private static final long serialVersionUID = 1L;

    public LibraryException(String message) {
      super(message);
    }
  }

  private final Options options;
  private final ExecutorService downloads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "talkbook-libraries");
            t.setDaemon(true);
            return t;
          });
  private volatile RepositorySystem system;

  public LibraryResolver(Options options) {
    this.options = options;
  }

  public Options options() {
    return options;
  }

  /**
   * Resolves {@code libraries} and what they depend on (runtime scope), from the local repository
   * if all is there, else from the repositories ({@code extra} first, then the options'). Waits at
   * most the options' limit. {@code progress} (may be null) hears of each file downloaded.
   */
  public Resolution resolve(
      List<Coordinate> libraries, List<Libraries.Repository> extra, Progress progress)
      throws LibraryException, InterruptedException {
    long t0 = System.nanoTime();
    Progress told = progress == null ? Progress.NONE : progress;
    if (libraries.isEmpty()) {
      return new Resolution(libraries, List.of(), 0, Duration.ZERO);
    }
    List<RemoteRepository> remotes = remotes(extra);
    // First from the local repository alone: a talk prepared for offline never waits for Wi-Fi.
    // On a thread of its own, like the downloads: a stop (an interrupt of this thread) then always
    // ends the wait here, where the resolver's own code could swallow it.
    Future<List<Artifact>> offline =
        downloads.submit(() -> collect(libraries, remotes, true, Progress.NONE, new AtomicLong()));
    try {
      return new Resolution(libraries, offline.get(), 0, since(t0));
    } catch (InterruptedException e) {
      offline.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof DependencyResolutionException)) {
        throw new LibraryException(explain(libraries, remotes, e.getCause()));
      }
      if (options.offline()) {
        throw new LibraryException(
            describe(libraries)
                + " is not in the local Maven repository ("
                + options.localRepository()
                + "), and Maven's settings say offline.");
      }
    }
    AtomicLong bytes = new AtomicLong();
    Future<List<Artifact>> online =
        downloads.submit(() -> collect(libraries, remotes, false, told, bytes));
    try {
      List<Artifact> artifacts = online.get(options.limit().toMillis(), TimeUnit.MILLISECONDS);
      return new Resolution(libraries, artifacts, bytes.get(), since(t0));
    } catch (TimeoutException e) {
      online.cancel(true);
      throw new LibraryException(
          "Resolving "
              + describe(libraries)
              + " took longer than "
              + options.limit().toSeconds()
              + " s, so it was given up: the network is slow or unreachable. "
              + OFFLINE_HINT);
    } catch (InterruptedException e) {
      online.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw new LibraryException(explain(libraries, remotes, e.getCause()));
    }
  }

  /**
   * The {@code -sources} jar of an artifact ({@code g:a:v}), from the local repository or
   * downloaded; empty when the artifact publishes none or it cannot be had now.
   */
  public Optional<Path> sources(String coordinates) throws InterruptedException {
    String[] parts = coordinates.split(":");
    if (parts.length < 3) {
      return Optional.empty();
    }
    var artifact =
        new DefaultArtifact(parts[0], parts[1], "sources", "jar", parts[parts.length - 1]);
    for (boolean offline : options.offline() ? new boolean[] {true} : new boolean[] {true, false}) {
      Future<Optional<Path>> found =
          downloads.submit(
              () -> {
                try (CloseableSession session = session(offline, Progress.NONE, new AtomicLong())) {
                  ArtifactResult r =
                      system()
                          .resolveArtifact(
                              session, new ArtifactRequest(artifact, remotes(List.of()), null));
                  return Optional.ofNullable(r.getArtifact().getPath());
                } catch (org.eclipse.aether.resolution.ArtifactResolutionException e) {
                  return Optional.<Path>empty();
                }
              });
      try {
        Optional<Path> path = found.get(options.limit().toMillis(), TimeUnit.MILLISECONDS);
        if (path.isPresent()) {
          return path;
        }
      } catch (ExecutionException | TimeoutException e) {
        found.cancel(true);
      }
    }
    return Optional.empty();
  }

  /**
   * Ends the downloads still running (a resolution given up after its limit may still wait for its
   * request timeout) and shuts the resolver down.
   */
  @Override
  public void close() {
    downloads.shutdownNow();
    try {
      // A blocked socket read does not end on an interrupt; do not hold up the app's exit for it.
      downloads.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RepositorySystem s = system;
    if (s != null) {
      try {
        s.shutdown();
      } catch (RuntimeException e) {
        // A download that did not end in time still holds its session; its threads are daemons.
        LOG.log(System.Logger.Level.DEBUG, "The Maven resolver did not shut down cleanly", e);
      }
    }
  }

  private static final System.Logger LOG = System.getLogger(LibraryResolver.class.getName());

  // ---- resolving ------------------------------------------------------------------------------

  private static final String OFFLINE_HINT =
      "Libraries already in the local Maven repository still work; Java → Prepare for offline"
          + " fetches a talk's libraries ahead of time.";

  private List<Artifact> collect(
      List<Coordinate> libraries,
      List<RemoteRepository> remotes,
      boolean offline,
      Progress progress,
      AtomicLong bytes)
      throws DependencyResolutionException {
    List<Dependency> roots = new ArrayList<>();
    for (Coordinate c : libraries) {
      roots.add(
          new Dependency(
              new DefaultArtifact(c.group(), c.artifact(), c.classifier(), c.type(), c.version()),
              "runtime"));
    }
    CollectRequest collect = new CollectRequest(roots, List.of(), remotes);
    try (CloseableSession session = session(offline, progress, bytes)) {
      DependencyResult result =
          system()
              .resolveDependencies(
                  session,
                  new DependencyRequest(collect, DependencyFilterUtils.classpathFilter("runtime")));
      Map<Path, Artifact> jars = new LinkedHashMap<>();
      for (ArtifactResult r : result.getArtifactResults()) {
        var a = r.getArtifact();
        if (a != null && a.getPath() != null) {
          jars.putIfAbsent(
              a.getPath(),
              new Artifact(
                  a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion(), a.getPath()));
        }
      }
      return List.copyOf(jars.values());
    }
  }

  private CloseableSession session(boolean offline, Progress progress, AtomicLong bytes) {
    SessionBuilder builder = new SessionBuilderSupplier(system()).get();
    builder
        .withLocalRepositories(new LocalRepository(options.localRepository(), "simple"))
        .setOffline(offline)
        .setSystemProperties(System.getProperties())
        .setConfigProperty(
            ConfigurationProperties.CONNECT_TIMEOUT, (int) options.connectTimeout().toMillis())
        .setConfigProperty(
            ConfigurationProperties.REQUEST_TIMEOUT, (int) options.requestTimeout().toMillis())
        .setTransferListener(
            new AbstractTransferListener() {
              @Override
              public void transferSucceeded(TransferEvent event) {
                if (event.getRequestType() == TransferEvent.RequestType.GET) {
                  bytes.addAndGet(event.getTransferredBytes());
                  progress.downloaded(
                      event.getResource().getResourceName(), event.getTransferredBytes());
                }
              }
            });
    return builder.build();
  }

  private RepositorySystem system() {
    RepositorySystem s = system;
    if (s == null) {
      synchronized (this) {
        s = system;
        if (s == null) {
          system = s = new RepositorySystemSupplier().get();
        }
      }
    }
    return s;
  }

  private List<RemoteRepository> remotes(List<Libraries.Repository> extra) {
    List<RemoteRepository> list = new ArrayList<>();
    List<Libraries.Repository> all = new ArrayList<>(extra);
    all.addAll(options.repositories());
    for (Libraries.Repository r : all) {
      if (list.stream().noneMatch(x -> x.getId().equals(r.id()))) {
        list.add(new RemoteRepository.Builder(r.id(), "default", r.url()).build());
      }
    }
    return list;
  }

  /**
   * One sentence for why resolution failed: not found, or no network, or what the resolver said.
   */
  static String explain(List<Coordinate> libraries, List<RemoteRepository> remotes, Throwable e) {
    String where =
        remotes.stream()
            .map(r -> r.getId() + " (" + r.getUrl() + ")")
            .reduce((a, b) -> a + ", " + b)
            .orElse("no repository");
    List<String> missing = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DependencyResolutionException d && d.getResult() != null) {
        for (ArtifactResult r : d.getResult().getArtifactResults()) {
          if (!r.isResolved()) {
            missing.add(r.getRequest().getArtifact().toString());
          }
        }
      }
      if (t instanceof UnknownHostException
          || t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof SocketTimeoutException
          || t instanceof java.net.http.HttpTimeoutException) {
        return "Could not reach "
            + where
            + " to fetch "
            + describe(libraries)
            + " ("
            + t.getClass().getSimpleName()
            + (t.getMessage() == null ? "" : ": " + t.getMessage())
            + "): no network? "
            + OFFLINE_HINT;
      }
    }
    boolean notFound = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ArtifactNotFoundException
          || String.valueOf(t.getMessage()).contains("Could not find artifact")
          || String.valueOf(t.getMessage()).contains("was not found in")) {
        notFound = true;
      }
    }
    if (notFound) {
      String what =
          missing.isEmpty()
              ? describe(libraries)
              : String.join(", ", missing.stream().distinct().toList());
      return what
          + (missing.size() > 1 ? " were" : " was")
          + " not found in "
          + where
          + ": check the group, artifact and version (//DEPS group:artifact:version).";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return "Could not resolve "
        + describe(libraries)
        + ": "
        + (root.getMessage() != null ? root.getMessage() : root.toString());
  }

  private static String describe(List<Coordinate> libraries) {
    return libraries.size() == 1
        ? libraries.get(0).toString()
        : String.join(", ", libraries.stream().map(Coordinate::toString).toList());
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }
}
