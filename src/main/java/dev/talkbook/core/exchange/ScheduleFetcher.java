package dev.talkbook.core.exchange;

import dev.talkbook.core.notebook.ControlCharacters;
import dev.talkbook.core.notebook.WebAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.IDN;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Downloads a schedule over http(s) with the JDK's HTTP client: redirects followed, a connect and a
 * whole-request timeout, at most {@link ScheduleReader#MAX_BYTES}, progress as bytes arrive, and a
 * message a user can act on for every failure (no network, a host that does not answer, 404, a page
 * that needs a login, a timeout). The bytes are then read like a file.
 */
public final class ScheduleFetcher {
  /** Told how much has arrived; {@code total} is -1 when the server did not say. */
  public interface Progress {
    Progress NONE = (received, total) -> {};

    void received(long received, long total);
  }

  private final HttpClient client;
  private final Duration timeout;

  public ScheduleFetcher(Duration timeout) {
    this(timeout, null);
  }

  /** Through {@code proxy} (the system's when null): a test's server stands in for any host. */
  ScheduleFetcher(Duration timeout, ProxySelector proxy) {
    this.timeout = timeout;
    HttpClient.Builder builder =
        HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL);
    if (proxy != null) {
      builder.proxy(proxy);
    }
    this.client = builder.build();
  }

  /** True when {@code text} is an http(s) address rather than a file. */
  public static boolean isUrl(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return t.startsWith("http://") || t.startsWith("https://");
  }

  /** Downloads {@code url}; the bytes of the schedule, not yet read. */
  public byte[] fetch(String url, Progress progress) {
    // The one check and conversion a talk's links have: a host name in any script is one.
    String address = ControlCharacters.strip(url.strip());
    URI uri;
    try {
      uri = WebAddress.toUri(url.strip());
    } catch (IllegalArgumentException e) {
      throw new ScheduleException(
          "\"" + address + "\" is not a web address: " + e.getMessage() + ".");
    }
    // Said as typed (例え.jp), not in the ASCII form the request uses (xn--r8jz45g.jp).
    String host = IDN.toUnicode(uri.getHost());
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/xml, application/json, text/calendar, */*;q=0.5")
            .header("Accept-Encoding", "gzip")
            .header("User-Agent", "Talkbook (conference notes)")
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw new ScheduleException(
          host + " did not answer within " + timeout.toSeconds() + " s. Are you online?", e);
    } catch (HttpTimeoutException e) {
      throw new ScheduleException(
          host + " took longer than " + timeout.toSeconds() + " s. Try again later.", e);
    } catch (UnknownHostException e) {
      throw noNetwork(host, e);
    } catch (ConnectException e) {
      throw new ScheduleException(
          "Could not connect to "
              + host
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
              + ". Are you online, and is the address right?",
          e);
    } catch (IOException e) {
      if (e.getCause() instanceof UnknownHostException u) {
        throw noNetwork(host, u);
      }
      throw new ScheduleException(
          "Could not download " + address + " (" + e.getMessage() + "). Are you online?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScheduleException("The download was interrupted.", e);
    }
    int status = response.statusCode();
    if (status != 200) {
      closeQuietly(response.body());
      throw new ScheduleException(statusMessage(status, address, host));
    }
    long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (total > ScheduleReader.MAX_BYTES) {
      closeQuietly(response.body());
      throw ScheduleReader.tooLarge(total);
    }
    boolean gzip =
        response
            .headers()
            .firstValue("Content-Encoding")
            .map(v -> v.toLowerCase(Locale.ROOT).contains("gzip"))
            .orElse(false);
    try (InputStream raw = response.body();
        InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      long received = 0;
      int n;
      while ((n = in.read(buffer)) >= 0) {
        received += n;
        if (received > ScheduleReader.MAX_BYTES) {
          throw ScheduleReader.tooLarge(-1);
        }
        out.write(buffer, 0, n);
        progress.received(received, gzip ? -1 : total);
      }
      byte[] bytes = out.toByteArray();
      boolean html =
          response
              .headers()
              .firstValue("Content-Type")
              .map(v -> v.toLowerCase(Locale.ROOT).strip().startsWith("text/html"))
              .orElse(false);
      // A server that says it sends a web page, and sends markup that is not a frab schedule (a
      // JSON or .ics programme mislabelled as text/html is still read).
      if (html && ScheduleReader.isMarkupOtherThanSchedule(bytes)) {
        throw ScheduleReader.webPage();
      }
      return bytes;
    } catch (HttpTimeoutException e) {
      throw new ScheduleException(
          host + " took longer than " + timeout.toSeconds() + " s. Try again later.", e);
    } catch (IOException e) {
      throw new ScheduleException(
          "The download of " + address + " broke off (" + e.getMessage() + "). Try again.", e);
    }
  }

  private static ScheduleException noNetwork(String host, Exception e) {
    return new ScheduleException(
        "Could not find " + host + ": there is no network connection, or the address is misspelt.",
        e);
  }

  static String statusMessage(int status, String address, String host) {
    return switch (status) {
      case 404, 410 ->
          "There is no schedule at "
              + address
              + " (the server says "
              + status
              + ": not found). Check the address; the export link is on the conference's"
              + " schedule page.";
      case 401, 403 ->
          "The server refuses to give "
              + address
              + " ("
              + status
              + "): the schedule may not be published yet, or needs a login.";
      default ->
          status >= 500
              ? "The server of " + host + " has a problem (" + status + "). Try again later."
              : "The server answered "
                  + status
                  + " for "
                  + address
                  + "; no schedule was downloaded.";
    };
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the response is abandoned anyway
    }
  }
}
