package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 404 page as a static host serves it: for a missing address at any depth, its style sheets,
 * scripts and links lead to the site's files, when the site sits at the host's root.
 */
class SiteNotFoundPageTest {
  @TempDir Path dir;
  private Path site;
  private HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void exportAndServe() throws IOException {
    site = dir.resolve("site");
    try (Notebook notebook = Notebook.open(dir.resolve("n.talkbook"))) {
      SampleMeetup.addTo(notebook);
      new SiteExporter(new MarkdownRenderer())
          .export(
              notebook, site, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
    }
    // as a static host does: the file at the path, else 404.html with status 404
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath().substring(1);
          Path file = site.resolve(path.isEmpty() ? "index.html" : path).normalize();
          boolean found = file.startsWith(site) && Files.isRegularFile(file);
          byte[] body = Files.readAllBytes(found ? file : site.resolve("404.html"));
          exchange.sendResponseHeaders(found ? 200 : 404, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theNotFoundPagesStylesAndLinksWorkAtAnyDepth() throws Exception {
    URI host = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    for (String missing : List.of("gone.html", "events/x/y/gone.html")) {
      URI at = host.resolve(missing);
      HttpResponse<String> page = get(at);
      assertThat(page.statusCode()).isEqualTo(404);
      assertThat(page.body()).contains("Page not found");
      List<String> refs = new ArrayList<>();
      Matcher m = Pattern.compile("(?:href|src)=\"([^\"#]+)\"").matcher(page.body());
      while (m.find()) {
        refs.add(m.group(1));
      }
      assertThat(refs)
          .contains("/assets/site.css", "/index.html", "/tags/index.html", "/assets/site.js");
      for (String ref : refs) {
        assertThat(get(at.resolve(ref)).statusCode()).as(ref + " from /" + missing).isEqualTo(200);
      }
    }
  }

  @Test
  void withABaseUrlTheNotFoundPagesLinksAreAbsolute() throws Exception {
    try (Notebook notebook = Notebook.open(dir.resolve("n.talkbook"))) {
      new SiteExporter(new MarkdownRenderer())
          .export(
              notebook,
              site,
              new SiteExporter.Options(null, java.util.Set.of(), "https://example.org/talks/"),
              SiteExporter.Progress.NONE,
              () -> false);
    }
    assertThat(Files.readString(site.resolve("404.html")))
        .contains("href=\"https://example.org/talks/assets/site.css\"")
        .contains("href=\"https://example.org/talks/tags/index.html\"")
        .doesNotContain("href=\"/");
  }
}
