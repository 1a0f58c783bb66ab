package dev.talkbook.ui.preview;

import java.util.function.Consumer;
import javafx.concurrent.Worker;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebView;
import netscape.javascript.JSObject;

/**
 * The rendered notes. The page shell loads once; each update replaces the body's content through
 * JavaScript, so nothing flickers and the scroll position stays. Links open in the system browser
 * and the preview never navigates away. Note HTML arrives escaped and sanitised (see {@code
 * MarkdownRenderer}), so no script from a note runs.
 */
public final class PreviewView {
  private final StackPane root = new StackPane();
  private final Bridge bridge;
  private WebView web;
  private String pending = "";
  private boolean ready;
  private boolean dark;

  public PreviewView(Consumer<String> openLink) {
    this.bridge = new Bridge(openLink);
    root.setId("preview");
    root.getStyleClass().add("tb-preview");
  }

  /**
   * Creates the web view. Loading WebKit costs about a second, so the window calls this after the
   * first notes are on screen rather than while it is being built.
   */
  public void create() {
    if (web != null) {
      return;
    }
    web = new WebView();
    web.setContextMenuEnabled(false);
    web.setFocusTraversable(false);
    web.getEngine()
        .getLoadWorker()
        .stateProperty()
        .addListener(
            (obs, old, state) -> {
              if (state == Worker.State.SUCCEEDED) {
                JSObject window = (JSObject) web.getEngine().executeScript("window");
                window.setMember("talkbook", bridge);
                ready = true;
                apply();
              }
            });
    web.getEngine().loadContent(shell());
    root.getChildren().setAll(web);
  }

  public Parent root() {
    return root;
  }

  /** The web view, or null before {@link #create()}. */
  public WebView webView() {
    return web;
  }

  /** Shows this HTML (a rendered note body). */
  public void show(String html) {
    pending = html;
    if (ready) {
      apply();
    }
  }

  public void setDark(boolean isDark) {
    dark = isDark;
    root.setStyle(dark ? "-fx-background-color: #0d1117;" : "-fx-background-color: white;");
    if (ready) {
      web.getEngine()
          .executeScript("document.documentElement.className='" + (dark ? "dark" : "") + "'");
    }
  }

  private void apply() {
    JSObject window = (JSObject) web.getEngine().executeScript("window");
    window.call("setBody", pending);
    web.getEngine()
        .executeScript("document.documentElement.className='" + (dark ? "dark" : "") + "'");
  }

  /** Called from the page's JavaScript: a click on a link. Public for the JavaScript bridge. */
  public static final class Bridge {
    private final Consumer<String> openLink;

    Bridge(Consumer<String> openLink) {
      this.openLink = openLink;
    }

    public void open(String href) {
      if (href != null
          && (href.startsWith("http://")
              || href.startsWith("https://")
              || href.startsWith("mailto:"))) {
        openLink.accept(href);
      }
    }
  }

  private static String shell() {
    return """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8">
        <style>
          :root { --fg: #1f2328; --bg: #ffffff; --muted: #656d76; --code-bg: #f6f8fa; --border: #d0d7de; --link: #0969da; }
          :root.dark { --fg: #e6edf3; --bg: #0d1117; --muted: #8d96a0; --code-bg: #161b22; --border: #30363d; --link: #4493f8; }
          html, body { background: var(--bg); color: var(--fg); }
          body { font: 15px/1.55 -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif;
                 margin: 0; padding: 16px 24px 48px; max-width: 48em; }
          h1, h2, h3 { line-height: 1.25; margin: 1.2em 0 .5em; }
          h1 { font-size: 1.7em; border-bottom: 1px solid var(--border); padding-bottom: .2em; }
          h2 { font-size: 1.35em; border-bottom: 1px solid var(--border); padding-bottom: .15em; }
          a { color: var(--link); }
          code, pre { font-family: "JetBrains Mono", "DejaVu Sans Mono", monospace; font-size: .9em; }
          code { background: var(--code-bg); padding: .1em .3em; border-radius: 4px; overflow-wrap: anywhere; }
          pre { background: var(--code-bg); padding: 10px 12px; border-radius: 6px; overflow-x: auto; }
          pre code { background: none; padding: 0; }
          blockquote { margin: 0; padding: 0 1em; color: var(--muted); border-left: .25em solid var(--border); }
          table { border-collapse: collapse; }
          th, td { border: 1px solid var(--border); padding: 4px 10px; }
          img { max-width: 100%; }
          li.task-list-item, ul:has(> li > input[type=checkbox]) { list-style: none; }
          input[type=checkbox] { margin-right: .4em; }
          .empty { color: var(--muted); font-style: italic; }
        </style>
        <script>
          function setBody(html) {
            document.getElementById('content').innerHTML =
                html && html.trim() ? html : '<p class="empty">Nothing written yet.</p>';
          }
          document.addEventListener('click', function (e) {
            var a = e.target.closest('a');
            if (!a) { return; }
            var href = a.getAttribute('href') || '';
            if (href.charAt(0) === '#') { return; }
            e.preventDefault();
            if (window.talkbook) { window.talkbook.open(a.href); }
          });
        </script>
        </head><body><main id="content"></main></body></html>
        """;
  }
}
