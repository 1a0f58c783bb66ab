package dev.talkbook.core.share;

import dev.talkbook.core.notebook.Attachment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The web server of a share: an embedded Jetty 12 (its core {@code Handler} API; ADR 0013) that
 * serves one talk under an unguessable token and nothing else.
 *
 * <ul>
 *   <li>{@code /<token>/}: the page; {@code /<token>/events}: the event stream (Server-Sent Events,
 *       {@link EventStream}); {@code /<token>/assets/…}: the page's own fixed assets; {@code
 *       /<token>/attachments/<sha256>}: a file the shared talk holds.
 *   <li>Anything else, any method but GET and HEAD, and any path that is not exactly one of those
 *       (encoded dots or slashes, {@code ..}, doubled slashes) gets 404 with an empty body (and,
 *       for another method, {@code Connection: close}: its body is not read). The token is about
 *       193 random bits from {@link SecureRandom} ({@link #newToken}), compared in constant time.
 *   <li>Nothing writes: there is no endpoint that takes data.
 * </ul>
 *
 * <p><b>Threads</b>: the server starts its own, all daemons, and stops them in {@link #stop}:
 * Jetty's pool {@code talkbook-share-N} (acceptor, selector, request handling, and a share of the
 * writing when an event goes to more than {@value EventStream#SPLIT_AT} viewers; at most 32) and
 * its timer {@code talkbook-share-timer} (idle timeouts and the keep-alive comments).
 */
final class ShareServer {
  /** What the server shows; called on the server's threads. */
  interface Content {
    /** The page as it is now. */
    String page();

    /** A file of the shared talk, or empty when the talk holds no such file. */
    Optional<TalkFiles.File> attachment(String sha256);
  }

  /**
   * The token's letters: digits and lower-case letters without the look-alikes 0, 1, i, l and o, so
   * that the address can be read aloud and typed from the back of a room. 31 letters.
   */
  static final String TOKEN_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

  /**
   * 13 letters of 31: 13 × log2(31) ≈ 64.4 random bits, typed from the back of a room (39 letters,
   * 193 bits, were hard to read and type off the projector). A new share gets a new token, and the
   * server only lives while the talk is shared: guessing 2^64 addresses at 100,000 a second takes
   * millions of years.
   */
  static final int TOKEN_LENGTH = 13;

  private static final Pattern ATTACHMENT = Pattern.compile("attachments/[0-9a-f]{64}");
  private static final Map<String, Asset> ASSETS =
      Map.of(
          "assets/share.js",
          new Asset("text/javascript; charset=utf-8", "/dev/talkbook/core/share/share.js"),
          "assets/share.css",
          new Asset("text/css; charset=utf-8", "/dev/talkbook/core/share/share.css"),
          "assets/site.css",
          new Asset("text/css; charset=utf-8", "/dev/talkbook/core/site/site.css"),
          "assets/favicon.svg",
          new Asset("image/svg+xml", "/dev/talkbook/core/site/favicon.svg"),
          "assets/highlight.min.js",
          new Asset(
              "text/javascript; charset=utf-8",
              "/META-INF/resources/webjars/highlightjs/11.10.0/highlight.min.js"),
          "assets/highlight-light.css",
          new Asset(
              "text/css; charset=utf-8",
              "/META-INF/resources/webjars/highlightjs/11.10.0/styles/github.min.css"),
          "assets/highlight-dark.css",
          new Asset(
              "text/css; charset=utf-8",
              "/META-INF/resources/webjars/highlightjs/11.10.0/styles/github-dark.min.css"));

  private record Asset(String type, String resource) {
    byte[] bytes() {
      try (InputStream in = ShareServer.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("resource " + resource + " is missing");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final ShareOptions options;
  private final Content content;
  private final EventStream stream;
  private final String token;
  private final byte[] tokenBytes;
  private final Map<String, byte[]> assetBytes = new java.util.concurrent.ConcurrentHashMap<>();
  private final Server server;
  private final ServerConnector connector;
  private final Scheduler scheduler;
  private volatile Scheduler.Task ping;
  private volatile URI url;

  ShareServer(ShareOptions options, Content content, EventStream stream) {
    this(options, content, stream, newToken());
  }

  ShareServer(ShareOptions options, Content content, EventStream stream, String token) {
    this.options = options;
    this.content = content;
    this.stream = stream;
    this.token = token;
    this.tokenBytes = token.getBytes(StandardCharsets.US_ASCII);
    QueuedThreadPool pool = new QueuedThreadPool(32, 2, 30_000);
    pool.setName("talkbook-share");
    pool.setDaemon(true);
    pool.setStopTimeout(500);
    stream.writeWith(pool);
    this.scheduler = new ShareTimer("talkbook-share-timer");
    this.server = new Server(pool, scheduler, null);
    // No graceful phase: stop() ends the streams itself, then everything closes at once.
    server.setStopTimeout(0);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // Paths are matched exactly, as sent; whatever Jetty would call ambiguous (%2e%2e, %2f, //)
    // reaches the handler, which answers 404 like any other unknown path.
    http.setUriCompliance(UriCompliance.UNSAFE);
    http.setRequestHeaderSize(8 * 1024);
    this.connector =
        new ServerConnector(server, null, scheduler, null, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(options.bind().getHostAddress());
    connector.setPort(options.port());
    connector.setIdleTimeout(30_000);
    // A room opening the URL at once: room in the kernel's queue rather than refused connections.
    connector.setAcceptQueueSize(Math.min(4096, options.maxViewers() + 64));
    server.addConnector(connector);
    // Every viewer holds one connection open; leave room for page and asset requests.
    server.addBean(new NetworkConnectionLimit(options.maxViewers() * 2 + 64, connector));
    server.setHandler(new Routes());
    server.setErrorHandler(ShareServer::bareError);
  }

  /** About 64 random bits, in {@link #TOKEN_ALPHABET}: no letter that looks like another. */
  static String newToken() {
    SecureRandom random = new SecureRandom();
    StringBuilder token = new StringBuilder(TOKEN_LENGTH);
    for (int i = 0; i < TOKEN_LENGTH; i++) {
      token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
    }
    return token.toString();
  }

  void start() {
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly();
      throw startFailure(e);
    }
    url =
        URI.create(
            "http://"
                + NetworkAddresses.host(options.bind())
                + ":"
                + connector.getLocalPort()
                + "/"
                + token
                + "/");
    long every = options.keepAlive().toMillis();
    ping = scheduler.schedule(this::keepAlive, every, TimeUnit.MILLISECONDS);
  }

  private void keepAlive() {
    stream.pingIfQuiet();
    if (server.isRunning()) {
      long every = options.keepAlive().toMillis();
      ping = scheduler.schedule(this::keepAlive, every, TimeUnit.MILLISECONDS);
    }
  }

  private ShareException startFailure(Exception e) {
    String where = NetworkAddresses.host(options.bind()) + ":" + options.port();
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof BindException)) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? "" : cause.getMessage();
    if (cause instanceof BindException && message.toLowerCase(Locale.ROOT).contains("in use")) {
      return new ShareException(
          "Port "
              + options.port()
              + " is in use by another program; choose another port, or 0 to let Talkbook pick"
              + " a free one.",
          e);
    }
    if (cause instanceof BindException) {
      return new ShareException(
          "Cannot listen on "
              + where
              + " ("
              + message
              + "). Is it an address of this computer, and is the port free?",
          e);
    }
    return new ShareException("Cannot start sharing on " + where + ": " + e.getMessage(), e);
  }

  /** The viewers' address: {@code http://<host>:<port>/<token>/}. */
  URI url() {
    return url;
  }

  /**
   * Ends every stream (an {@code end} event, so pages say sharing stopped) and stops the server and
   * its threads; returns within about a second.
   */
  void stop() {
    stop(LivePage.ENDED);
  }

  /** {@link #stop()}, the {@code end} event carrying {@code endData} (JSON) to the pages. */
  void stop(String endData) {
    Scheduler.Task p = ping;
    if (p != null) {
      p.cancel();
    }
    stream.end(endData);
    // The streams' last bytes are usually written at once; give slow ones a moment.
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
    while (stream.viewers() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    stopQuietly();
  }

  /** Stops without an {@code end} event: the viewers' streams break, as when the app is killed. */
  void vanish() {
    Scheduler.Task p = ping;
    if (p != null) {
      p.cancel();
    }
    stream.dropAll();
    stopQuietly();
  }

  private void stopQuietly() {
    try {
      server.stop();
    } catch (Exception e) {
      System.getLogger(ShareServer.class.getName())
          .log(System.Logger.Level.WARNING, "stopping the share server", e);
    }
  }

  boolean isRunning() {
    return server.isRunning();
  }

  // ---- requests ---------------------------------------------------------------------------------

  private final class Routes extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      safeHeaders(response);
      String method = request.getMethod();
      boolean head = HttpMethod.HEAD.is(method);
      if (!head && !HttpMethod.GET.is(method)) {
        // The body such a request may carry is not read: Jetty then closes the connection once
        // the answer is out, and a client that kept it for its next request (a CI run's POST,
        // then PUT) read nothing back. Said in the answer, the client does not keep it.
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        return notFound(response, callback);
      }
      String path = request.getHttpURI().getPath();
      if (path == null || path.length() < 2 || path.charAt(0) != '/') {
        return notFound(response, callback);
      }
      int slash = path.indexOf('/', 1);
      String first = slash < 0 ? path.substring(1) : path.substring(1, slash);
      if (!MessageDigest.isEqual(first.getBytes(StandardCharsets.US_ASCII), tokenBytes)) {
        return notFound(response, callback);
      }
      if (slash < 0) {
        Response.sendRedirect(request, response, callback, "/" + token + "/");
        return true;
      }
      String rest = path.substring(slash + 1);
      if (rest.isEmpty()) {
        response.getHeaders().put("Content-Security-Policy", LivePage.CSP_HEADER);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        return send(
            response,
            callback,
            "text/html; charset=utf-8",
            content.page().getBytes(StandardCharsets.UTF_8),
            head);
      }
      if (rest.equals("events")) {
        return head ? notFound(response, callback) : events(request, response, callback);
      }
      Asset asset = ASSETS.get(rest);
      if (asset != null) {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "private, max-age=600");
        byte[] bytes = assetBytes.computeIfAbsent(rest, r -> asset.bytes());
        return send(response, callback, asset.type(), bytes, head);
      }
      if (ATTACHMENT.matcher(rest).matches()) {
        Optional<TalkFiles.File> file = content.attachment(rest.substring("attachments/".length()));
        if (file.isPresent()) {
          return attachment(response, callback, file.get(), head);
        }
      }
      return notFound(response, callback);
    }
  }

  private static void safeHeaders(Response response) {
    var h = response.getHeaders();
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "no-referrer");
    h.put("X-Frame-Options", "DENY");
    h.put("Cross-Origin-Resource-Policy", "same-origin");
    h.put("X-Robots-Tag", "noindex, nofollow");
  }

  private static boolean send(
      Response response, Callback callback, String type, byte[] bytes, boolean head) {
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
    return true;
  }

  /**
   * A file of the talk. Raster images are shown; anything else is a download. Either way the
   * response's own policy forbids scripts, so even an SVG opened on its own runs nothing.
   */
  private static boolean attachment(
      Response response, Callback callback, TalkFiles.File file, boolean head) {
    String type = Attachment.bareType(file.mediaType());
    boolean image =
        switch (type) {
          case "image/png",
              "image/jpeg",
              "image/gif",
              "image/webp",
              "image/avif",
              "image/svg+xml" ->
              true;
          default -> false;
        };
    response
        .getHeaders()
        .put(
            "Content-Security-Policy",
            "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "private, max-age=600");
    if (!image) {
      response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment");
    }
    return send(response, callback, image ? type : "application/octet-stream", file.bytes(), head);
  }

  private static boolean notFound(Response response, Callback callback) {
    response.setStatus(HttpStatus.NOT_FOUND_404);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
    response.write(true, ByteBuffer.allocate(0), callback);
    return true;
  }

  /**
   * Jetty's own errors (a request it cannot parse, say) carry no page and no server name: the
   * status alone, and 404 for a bad request, like any other address that is not the talk's.
   */
  private static boolean bareError(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    if (status == HttpStatus.BAD_REQUEST_400) {
      response.setStatus(HttpStatus.NOT_FOUND_404);
    }
    response.getHeaders().remove(HttpHeader.CONTENT_TYPE);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.allocate(0), callback);
    return true;
  }

  // ---- the event stream -------------------------------------------------------------------------

  private boolean events(Request request, Response response, Callback callback) {
    String address = Request.getRemoteAddr(request);
    Viewer viewer = new Viewer(response, callback, address);
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Accel-Buffering", "no");
    request.addFailureListener(failure -> viewer.abort());
    EventStream.Join join = stream.join(viewer, since(request));
    switch (join) {
      case JOINED -> {
        return true;
      }
      case TOO_MANY_VIEWERS -> {
        return refuse(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503);
      }
      case TOO_MANY_FROM_ADDRESS -> {
        return refuse(response, callback, HttpStatus.TOO_MANY_REQUESTS_429);
      }
      default -> {
        response.getHeaders().remove(HttpHeader.CONTENT_TYPE);
        return notFound(response, callback);
      }
    }
  }

  private static boolean refuse(Response response, Callback callback, int status) {
    response.setStatus(status);
    response.getHeaders().remove(HttpHeader.CONTENT_TYPE);
    response.getHeaders().put(HttpHeader.RETRY_AFTER, 30);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
    response.write(true, ByteBuffer.allocate(0), callback);
    return true;
  }

  /**
   * The last event the viewer has: the {@code Last-Event-ID} header, else {@code ?v=N}, else -1.
   */
  static long since(Request request) {
    String header = request.getHeaders().get("Last-Event-ID");
    if (header != null) {
      return number(header.strip());
    }
    String query = request.getHttpURI().getQuery();
    if (query != null && query.startsWith("v=")) {
      return number(query.substring(2));
    }
    return -1;
  }

  private static long number(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(text);
  }

  /** Most bytes a viewer may have waiting; past that it is dropped, and catches up on return. */
  static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;

  /**
   * One viewer's stream: bytes wait in a queue and go out one write at a time (Jetty allows one
   * pending write per response), gathered into one buffer when several wait.
   */
  private final class Viewer implements EventStream.Sink {
    private final Response response;
    private final Callback callback;
    private final String address;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private int queued;
    private boolean writing;
    private boolean closing;
    private boolean overflow;
    private boolean done;
    private final java.util.concurrent.atomic.AtomicBoolean completed =
        new java.util.concurrent.atomic.AtomicBoolean();

    Viewer(Response response, Callback callback, String address) {
      this.response = response;
      this.callback = callback;
      this.address = address;
    }

    @Override
    public String address() {
      return address;
    }

    @Override
    public synchronized boolean enqueue(byte[] bytes) {
      if (done) {
        return false;
      }
      if (queued + bytes.length > MAX_QUEUED_BYTES) {
        overflow = true;
        return false;
      }
      queue.addLast(bytes);
      queued += bytes.length;
      return true;
    }

    @Override
    public void flush() {
      ByteBuffer buffer;
      boolean last = false;
      synchronized (this) {
        if (writing || done) {
          return;
        }
        if (overflow) {
          done = true;
          buffer = null;
        } else if (queue.isEmpty()) {
          if (!closing) {
            return;
          }
          done = true;
          last = true;
          buffer = ByteBuffer.allocate(0);
        } else {
          buffer = drain();
        }
        writing = buffer != null;
      }
      if (buffer == null) {
        fail(new IOException("the viewer fell too far behind"));
        return;
      }
      boolean end = last;
      response.write(
          last,
          buffer,
          Callback.from(
              () -> {
                synchronized (this) {
                  writing = false;
                }
                if (end) {
                  stream.leave(this);
                  if (completed.compareAndSet(false, true)) {
                    callback.succeeded();
                  }
                } else {
                  flush();
                }
              },
              this::fail));
    }

    private ByteBuffer drain() {
      if (queue.size() == 1) {
        queued = 0;
        return ByteBuffer.wrap(queue.removeFirst());
      }
      ByteBuffer all = ByteBuffer.allocate(queued);
      for (byte[] b; (b = queue.pollFirst()) != null; ) {
        all.put(b);
      }
      queued = 0;
      return all.flip();
    }

    @Override
    public void close() {
      synchronized (this) {
        closing = true;
      }
      flush();
    }

    @Override
    public void abort() {
      boolean wasWriting;
      synchronized (this) {
        if (done) {
          return;
        }
        done = true;
        wasWriting = writing;
        queue.clear();
      }
      stream.leave(this);
      if (completed.compareAndSet(false, true)) {
        callback.failed(new IOException(wasWriting ? "dropped while writing" : "dropped"));
      }
    }

    private void fail(Throwable failure) {
      synchronized (this) {
        done = true;
        writing = false;
        queue.clear();
      }
      stream.leave(this);
      if (completed.compareAndSet(false, true)) {
        callback.failed(failure);
      }
    }
  }

  /** The token in the URL; for tests. */
  String token() {
    return token;
  }
}
