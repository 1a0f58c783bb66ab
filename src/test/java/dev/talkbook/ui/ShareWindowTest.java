package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.share.SseClient;
import dev.talkbook.ui.share.ShareModel;
import dev.talkbook.ui.share.SharePanel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Live share from the real window: Share → Start sharing serves the open talk, the panel shows the
 * URL, its QR code and the viewers; what is typed reaches a viewer as it is typed; viewers follow
 * talk switches (or not); the REPL's code is shown; Stop ends every stream.
 */
class ShareWindowTest extends RealWindowTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void tearDown(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          if (!ui.window.share().panelMade()) {
            return;
          }
          if (panel().stage() != null) {
            panel().stage().hide();
          }
          if (panel().card() != null) {
            panel().card().hide();
          }
        });
  }

  private ShareModel share() {
    return ui.window.share().model();
  }

  private SharePanel panel() {
    return ui.window.share().panel();
  }

  private static void waitUntil(String what, Callable<Boolean> condition) {
    FxWait.untilFx(what, condition);
  }

  private void open(FxRobot robot, String title) throws Exception {
    long id = ui.notebook.talks().findByTitle(title).get(0).id();
    robot.interact(() -> ui.window.open(id, null));
    waitUntil("“" + title + "” open", () -> ui.openTalk() != null && ui.openTalk().id() == id);
  }

  private void openSample(FxRobot robot, String title) throws Exception {
    SampleMeetup.addTo(ui.notebook);
    ui.reloadTree(robot);
    open(robot, title);
  }

  private void menu(FxRobot robot, String item) {
    robot.interact(
        () ->
            ui.window.actions().stream()
                .filter(i -> dev.talkbook.ui.palette.MenuActions.label(i).equals(item))
                .findFirst()
                .map(
                    found -> {
                      WindowActions.choose(found); // as a click in the menu, or the palette
                      return found;
                    })
                .orElseThrow(() -> new AssertionError("no menu item " + item)));
  }

  private URI startSharing(FxRobot robot) throws Exception {
    menu(robot, "Start sharing the open talk");
    waitUntil("sharing", () -> share().getState() == ShareModel.State.RUNNING);
    waitUntil("the URL", () -> !url(robot).isEmpty());
    // the panel is a window of its own: out of the way of the robot's clicks into the editor
    robot.interact(() -> panel().stage().setX(ui.stage.getX() + 5000));
    return URI.create(FxWait.onFx(() -> url(robot)));
  }

  /** The URL field's text; on the FX thread. */
  private String url(FxRobot robot) {
    return robot.lookup("#share-url").queryAs(TextField.class).getText();
  }

  /** Whether {@code node} and everything it is in are visible; on the FX thread. */
  private static boolean shown(javafx.scene.Node node) {
    for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  /** A label's text, read on the FX thread. */
  private String label(FxRobot robot, String id) throws Exception {
    return FxWait.onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
  }

  /** Types at the end of the notes, as a user does: a click into the editor, Ctrl+End, the keys. */
  private void typeAtTheEnd(FxRobot robot, String text) {
    FxWait.clickOn(robot, "#editor");
    robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
    robot.write(text);
  }

  @Test
  void startingFromTheMenuShowsTheUrlItsQrCodeAndTheViewers(FxRobot robot) throws Exception {
    openSample(robot, "Live coding without fear");
    URI url = startSharing(robot);
    assertThat(url.toString())
        .matches("http://127\\.0\\.0\\.1:\\d+/[23456789abcdefghjkmnpqrstuvwxyz]{13}/");
    assertThat(label(robot, "#share-status"))
        .isEqualTo("Sharing “Live coding without fear” with this computer only (127.0.0.1).");
    assertThat(FxWait.onFx(() -> robot.lookup("#share-start").queryAs(Button.class).getText()))
        .isEqualTo("Stop sharing");
    // with this computer only, no QR code (a phone would open its own 127.0.0.1) but a line saying
    // that phones need the network (see theLoopbackShareShowsNoQrCodeButSharesOnTheNetwork…)
    assertThat(FxWait.onFx(() -> robot.lookup("#share-qr").queryAs(ImageView.class).getImage()))
        .isNull();
    assertThat(label(robot, "#share-phones"))
        .startsWith("Phones and other computers cannot open this address");
    assertThat(label(robot, "#share-viewers")).isEqualTo("0 viewers");
    try (SseClient viewer = SseClient.open(http, url.resolve("events"), null)) {
      assertThat(viewer.next("state", WAIT).data()).contains("Live coding without fear");
      waitUntil("one viewer", () -> label(robot, "#share-viewers").equals("1 viewer"));
    }
    // the audience card, on request (in presenter mode too)
    menu(robot, "Show the address to the audience");
    waitUntil("the audience card", () -> panel().card() != null);
    robot.interact(() -> panel().card().hide());
  }

  /**
   * The panel, placed under the window's top, keeps its bottom on the screen: on a 1024×640 screen
   * its last lines (what sharing means) were below the screen's edge.
   */
  @Test
  void thePanelWhileSharingEndsOnTheScreen(FxRobot robot) throws Exception {
    openSample(robot, "Live coding without fear");
    javafx.geometry.Rectangle2D screen =
        FxWait.onFx(() -> javafx.stage.Screen.getPrimary().getVisualBounds());
    // the window as low on its screen as the panel's height under its top makes a short screen
    robot.interact(() -> ui.stage.setY(screen.getMaxY() - 400));
    menu(robot, "Start sharing the open talk");
    waitUntil("sharing", () -> share().getState() == ShareModel.State.RUNNING);
    waitUntil("the URL", () -> !url(robot).isEmpty());
    waitUntil("the panel shown", () -> panel().stage().isShowing());
    ui.idle();
    javafx.stage.Stage stage = panel().stage();
    assertThat(FxWait.onFx(() -> stage.getHeight())).isLessThan(screen.getHeight());
    assertThat(FxWait.onFx(() -> stage.getY() + stage.getHeight()))
        .isLessThanOrEqualTo(screen.getMaxY());
  }

  @Test
  void thePanelIsMadeWhenTheShareMenuFirstNeedsIt(FxRobot robot) throws Exception {
    openSample(robot, "Live coding without fear");
    assertThat(FxWait.onFx(() -> ui.window.share().panelMade())).isFalse();
    menu(robot, "Live share panel…");
    waitUntil("the panel shown", () -> panel().stage() != null && panel().stage().isShowing());
    assertThat(label(robot, "#share-status"))
        .isEqualTo("Not sharing. Start to let browsers follow the open talk.");
    assertThat(FxWait.onFx(() -> robot.lookup("#share-start").queryAs(Button.class).getText()))
        .isEqualTo("Start sharing");
    // The empty address field's hint is whole (it was cut: "The viewers' address appears her").
    FxWait.onFx(
        () -> {
          javafx.scene.control.TextField url =
              robot.lookup("#share-url").queryAs(javafx.scene.control.TextField.class);
          javafx.scene.text.Text probe = new javafx.scene.text.Text(url.getPromptText());
          probe.setFont(url.getFont());
          assertThat(probe.getLayoutBounds().getWidth())
              .isLessThanOrEqualTo(
                  url.getWidth() - url.getInsets().getLeft() - url.getInsets().getRight());
          return null;
        });
    assertThat(FxWait.onFx(this::panelHoldsItsContent)).as("not sharing").isTrue();
    // Started from the panel: it grows by the QR code and the viewers, nothing cut off.
    FxWait.clickOn(robot, "#share-start");
    waitUntil("the address", () -> !share().urlProperty().get().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(FxWait.onFx(this::panelHoldsItsContent)).as("sharing").isTrue();
    robot.interact(() -> share().stop());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(FxWait.onFx(this::panelHoldsItsContent)).as("stopped").isTrue();
    // Hidden while sharing starts again, then shown: sized for what it holds by then.
    robot.interact(() -> panel().stage().hide());
    robot.interact(() -> share().start());
    waitUntil("the address again", () -> !share().urlProperty().get().isEmpty());
    menu(robot, "Live share panel…");
    waitUntil("the panel shown again", () -> panel().stage().isShowing());
    assertThat(FxWait.onFx(this::panelHoldsItsContent)).as("shown while sharing").isTrue();
    robot.interact(() -> share().stop());
  }

  @Test
  void theStartStopButtonKeepsTheFocusThroughStartingAndStopping(FxRobot robot) throws Exception {
    openSample(robot, "Live coding without fear");
    menu(robot, "Live share panel…");
    waitUntil("the panel shown", () -> panel().stage() != null && panel().stage().isShowing());
    FxWait.clickOn(robot, "#share-start");
    waitUntil("sharing", () -> share().getState() == ShareModel.State.RUNNING);
    WaitForAsyncUtils.waitForFxEvents();
    waitUntil("the focus on Stop", () -> robot.lookup("#share-start").query().isFocused());
    // Stopped: the focus is on Start again, not on the emptied address field (its hint hidden).
    robot.interact(() -> robot.lookup("#share-start").queryButton().fire());
    waitUntil("stopped", () -> share().getState() == ShareModel.State.STOPPED);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(FxWait.onFx(() -> robot.lookup("#share-url").query().isFocused())).isFalse();
    assertThat(FxWait.onFx(() -> robot.lookup("#share-start").query().isFocused())).isTrue();
  }

  /**
   * Tester 10a (9b): after Copy, the button said "Copied" for minutes, through edits and talk
   * switches. It says so for a moment ({@link SharePanel#COPIED_FOR}), and the address changing
   * (sharing stopped) takes it away at once.
   */
  @Test
  void copySaysCopiedForAMomentOnly(FxRobot robot) throws Exception {
    openSample(robot, "Live coding without fear");
    startSharing(robot);
    robot.interact(() -> panel().stage().setX(ui.stage.getX()));
    robot.interact(() -> robot.lookup("#share-copy").queryButton().fire());
    Button copy = robot.lookup("#share-copy").queryButton();
    assertThat(FxWait.onFx(copy::getText)).isEqualTo("Copied");
    FxWait.untilFx(
        "Copy again", java.time.Duration.ofSeconds(6), () -> "Copy".equals(copy.getText()));
    robot.interact(copy::fire);
    assertThat(FxWait.onFx(copy::getText)).isEqualTo("Copied");
    robot.interact(() -> share().stop());
    waitUntil("stopped", () -> share().getState() == ShareModel.State.STOPPED);
    assertThat(FxWait.onFx(copy::getText)).isEqualTo("Copy");
  }

  /**
   * Tester 10a (9c): Down on the closed "Who can follow" list did nothing, and Enter there started
   * sharing with a choice the user had not seen. Both open the list; Enter in it chooses, and only
   * then starts nothing either: Start is a button of its own.
   */
  @Test
  void downOrEnterOnTheClosedWhoCanFollowListOpensItAndStartsNothing(FxRobot robot)
      throws Exception {
    openSample(robot, "Live coding without fear");
    menu(robot, "Live share panel…");
    waitUntil("the panel shown", () -> panel().stage() != null && panel().stage().isShowing());
    javafx.scene.control.ComboBox<?> bind =
        robot.lookup("#share-bind").queryAs(javafx.scene.control.ComboBox.class);
    robot.interact(
        () -> {
          panel().stage().requestFocus();
          bind.requestFocus();
        });
    waitUntil("the list focused", bind::isFocused);
    robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
    waitUntil("the list open after Down", bind::isShowing);
    robot.interact(bind::hide);
    waitUntil("the list focused again", () -> bind.isFocused() && !bind.isShowing());
    robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
    waitUntil("the list open after Enter", bind::isShowing);
    assertThat(FxWait.onFx(() -> share().getState())).isEqualTo(ShareModel.State.STOPPED);
    robot.interact(bind::hide);
  }

  /** Whether the panel's window is as tall as its content wants. Call on the FX thread. */
  private boolean panelHoldsItsContent() {
    javafx.scene.Scene scene = panel().stage().getScene();
    javafx.scene.Parent root = scene.getRoot();
    return root.prefHeight(scene.getWidth()) <= scene.getHeight() + 1;
  }

  @Test
  void aPanelFirstMadeWhileSharingShowsTheAddressAndItsQrCode(FxRobot robot) throws Exception {
    openSample(robot, "Live coding without fear");
    robot.interact(() -> share().start()); // not through the menu: the panel is not made yet
    waitUntil("sharing", () -> share().getState() == ShareModel.State.RUNNING);
    waitUntil("the address", () -> !share().urlProperty().get().isEmpty());
    assertThat(FxWait.onFx(() -> ui.window.share().panelMade())).isFalse();
    menu(robot, "Live share panel…");
    waitUntil("the panel shown", () -> panel().stage() != null && panel().stage().isShowing());
    String address = FxWait.onFx(() -> share().urlProperty().get());
    assertThat(FxWait.onFx(() -> url(robot))).isEqualTo(address);
    // this computer only: the line for phones in place of a QR code
    assertThat(FxWait.onFx(() -> shown(robot.lookup("#share-phones").query()))).isTrue();
    assertThat(FxWait.onFx(() -> robot.lookup("#share-qr").queryAs(ImageView.class).getImage()))
        .isNull();
    menu(robot, "Stop sharing");
    waitUntil("stopped", () -> share().getState() == ShareModel.State.STOPPED);
  }

  @Test
  void whatIsTypedReachesTheViewersAsItIsTyped(FxRobot robot) throws Exception {
    openSample(robot, "Live coding without fear");
    URI url = startSharing(robot);
    // the page, as a browser fetches it: the talk as it is now
    HttpResponse<String> page =
        http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(page.body()).contains("Live coding without fear").doesNotContain("Typed live");
    try (SseClient viewer = SseClient.open(http, url.resolve("events"), null)) {
      viewer.next("state", WAIT);
      typeAtTheEnd(robot, "\nTyped live in the window");
      // each keystroke is sent, before any save
      SseClient.Event patch = null;
      long end = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < end) {
        SseClient.Event e = viewer.next("patch", Duration.ofSeconds(1));
        if (e != null && e.data().contains("Typed live in the window")) {
          patch = e;
          break;
        }
      }
      assertThat(patch).as("a patch with the typed text").isNotNull();
      // the presenter's place travels with it: the last block
      assertThat(patch.data()).contains("\"pos\":");
    }
  }

  @Test
  void viewersFollowTalkSwitchesUnlessTheToggleIsOff(FxRobot robot) throws Exception {
    openSample(robot, "Live coding without fear");
    URI url = startSharing(robot);
    try (SseClient viewer = SseClient.open(http, url.resolve("events"), null)) {
      viewer.next("state", WAIT);
      long sqlite = ui.notebook.talks().findByTitle("SQLite everywhere").get(0).id();
      robot.interact(() -> ui.window.open(sqlite, null));
      SseClient.Event switched = viewer.next("state", WAIT);
      assertThat(switched.data()).contains("\"title\":\"SQLite everywhere\"");
      waitUntil(
          "the panel names the talk",
          () -> label(robot, "#share-status").contains("“SQLite everywhere”"));

      // the toggle, as the user sets it: Share → Viewers follow when I open another talk
      menu(robot, "Viewers follow when I open another talk");
      assertThat(FxWait.onFx(() -> share().followTalksProperty().get())).isFalse();
      open(robot, "Outlines that think");
      typeAtTheEnd(robot, "not for the audience");
      assertThat(viewer.next("state", Duration.ofSeconds(2))).isNull();
      assertThat(viewer.drain())
          .extracting(SseClient.Event::data)
          .noneMatch(d -> d.contains("not for the audience"));
      assertThat(label(robot, "#share-status")).contains("“SQLite everywhere”");

      // on again: the open talk is shared at once
      menu(robot, "Viewers follow when I open another talk");
      SseClient.Event back = viewer.next("state", WAIT);
      assertThat(back.data()).contains("Outlines that think", "not for the audience");
    }
  }

  @Test
  void theCodeRunInTheReplIsShown(FxRobot robot) throws Exception {
    openSample(robot, "Live coding without fear");
    try (ReplSession repl =
        ReplSession.start(ReplOptions.defaults().withVmOptions(List.of("-Xmx64m")))) {
      robot.interact(() -> ui.window.attachRepl(repl));
      URI url = startSharing(robot);
      try (SseClient viewer = SseClient.open(http, url.resolve("events"), null)) {
        viewer.next("state", WAIT);
        repl.evaluate("System.out.println(\"from the REPL\"); 6 * 7").get(30, TimeUnit.SECONDS);
        SseClient.Event done = null;
        long end = System.nanoTime() + WAIT.toNanos();
        while (done == null && System.nanoTime() < end) {
          SseClient.Event e = viewer.next("snippet", Duration.ofSeconds(1));
          if (e != null && e.data().contains("\"done\"")) {
            done = e;
          }
        }
        assertThat(done).isNotNull();
        assertThat(done.data()).contains("from the REPL", "⇒ 42");
      }
      robot.interact(() -> share().stop());
      waitUntil("stopped", () -> share().getState() == ShareModel.State.STOPPED);
    }
  }

  /**
   * Sharing moved to another address (the room card's "Share on the network", which calls {@code
   * shareOn}) took the viewers along but left the code run so far behind: the new address showed an
   * empty "Live code". It keeps it now, and a snippet still running at the move ends there.
   */
  @Test
  void aShareThatMovesKeepsTheCodeRunSoFarAndFinishesTheOneRunning(
      FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    openSample(robot, "Live coding without fear");
    java.nio.file.Path go = dir.resolve("go");
    try (ReplSession repl =
        ReplSession.start(ReplOptions.defaults().withVmOptions(List.of("-Xmx64m")))) {
      robot.interact(() -> ui.window.attachRepl(repl));
      URI url = startSharing(robot);
      URI moved;
      try (SseClient viewer = SseClient.open(http, url.resolve("events"), null)) {
        viewer.next("state", WAIT);
        repl.evaluate("System.out.println(\"before the \" + \"move\"); 6 * 7")
            .get(30, TimeUnit.SECONDS);
        waitForSnippet(viewer, "before the move");
        // one that runs on until the test lets it end, after the move
        var running =
            repl.evaluate(
                "System.out.println(\"sta\" + \"rted\"); while (!java.nio.file.Files.exists("
                    + "java.nio.file.Path.of(\""
                    + go.toString().replace("\\", "\\\\")
                    + "\"))) Thread.sleep(20); System.out.println(\"went\" + \" on\");");
        waitForOutput(viewer, "started");
        var here =
            new dev.talkbook.core.share.NetworkAddresses.Choice(
                java.net.InetAddress.getLoopbackAddress(), "lo");
        robot.interact(() -> share().shareOn(here));
        waitUntil(
            "sharing at a new address",
            () ->
                share().getState() == ShareModel.State.RUNNING
                    && !share().urlProperty().get().isEmpty()
                    && !share().urlProperty().get().equals(url.toString()));
        moved = URI.create(FxWait.onFx(() -> share().urlProperty().get()));
        assertThat(running.isDone()).as("still running: it waits for the file").isFalse();
        try (SseClient after = SseClient.open(http, moved.resolve("events"), null)) {
          SseClient.Event state = after.next("state", WAIT);
          assertThat(state).isNotNull();
          assertThat(state.data()).contains("before the move", "⇒ 42", "started");
          java.nio.file.Files.writeString(go, "");
          running.get(30, TimeUnit.SECONDS);
          waitForSnippet(after, "went on");
        }
      }
      robot.interact(() -> share().stop());
      waitUntil("stopped", () -> share().getState() == ShareModel.State.STOPPED);
    }
  }

  /** The next "snippet" event that is done and whose data holds {@code text}. */
  private static SseClient.Event waitForSnippet(SseClient viewer, String text) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end) {
      SseClient.Event e = viewer.next("snippet", Duration.ofSeconds(1));
      if (e != null && e.data().contains(text) && e.data().contains("\"done\"")) {
        return e;
      }
    }
    throw new AssertionError("no snippet with \"" + text + "\" within " + WAIT);
  }

  /** The next "snippet" event whose data holds {@code text} (the code's output, while it runs). */
  private static void waitForOutput(SseClient viewer, String text) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end) {
      SseClient.Event e = viewer.next("snippet", Duration.ofSeconds(1));
      if (e != null && e.data().contains(text)) {
        return;
      }
    }
    throw new AssertionError("no snippet with \"" + text + "\" within " + WAIT);
  }

  /**
   * In presenter mode (full screen, the REPL beside the notes) Ctrl+Shift+A puts the address and a
   * large QR code over the talk for the room; Esc takes it away again.
   */
  @Test
  void inPresenterModeTheAddressAndItsQrCodeAreShownOnRequest(FxRobot robot) throws Exception {
    openSample(robot, "Live coding without fear");
    try (ReplSession repl =
        ReplSession.start(ReplOptions.defaults().withVmOptions(List.of("-Xmx64m")))) {
      robot.interact(() -> ui.window.attachRepl(repl));
      URI url = startSharing(robot);
      robot.interact(() -> panel().stage().hide()); // the panel closed: the window has the keys
      menu(robot, "Presenter mode");
      waitUntil(
          "presenter mode",
          () -> ui.stage.getScene().getRoot().getStyleClass().contains("tb-presenter"));
      robot
          .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A)
          .release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
      waitUntil("the audience card", () -> panel().card() != null);
      assertThat(cardAddress()).isEqualTo(url.toString());
      // shared with this computer only: said, and no QR code nobody in the room could use
      assertThat(cardText()).contains("Only this computer can open this address.");
      assertThat(FxWait.onFx(() -> panel().card().getScene().lookup(".image-view"))).isNull();
      robot.interact(() -> panel().card().requestFocus());
      robot.type(KeyCode.ESCAPE);
      waitUntil("the card gone", () -> panel().card() == null);
      menu(robot, "Presenter mode");
      waitUntil(
          "presenter mode left",
          () -> !ui.stage.getScene().getRoot().getStyleClass().contains("tb-presenter"));
    }
  }

  /** The font size of the audience card's node {@code query}, in px, on the FX thread. */
  private double cardFont(String query) throws Exception {
    return FxWait.onFx(() -> ((Label) panel().card().getScene().lookup(query)).getFont().getSize());
  }

  /**
   * The room card's address was about 20 px on a 1080-line screen beside 36 px notes, its caption
   * 12 px, and Ctrl+= left it as it was: the address is now larger than the presenter's text, the
   * caption as large, and both follow the presenter's zoom.
   */
  @Test
  void theCardsAddressIsAtLeastThePresentersTextAndFollowsItsZoom(FxRobot robot) throws Exception {
    openSample(robot, "Live coding without fear");
    ui.attachRepl(robot);
    startSharing(robot);
    robot.interact(() -> panel().stage().hide());
    menu(robot, "Presenter mode");
    waitUntil(
        "presenter mode",
        () -> ui.stage.getScene().getRoot().getStyleClass().contains("tb-presenter"));
    double presenter = WindowUnderTest.fontSize(robot);
    assertThat(presenter).as("the presenter's text size").isGreaterThanOrEqualTo(24);
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A)
        .release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntil("the audience card", () -> panel().card() != null);
    double address = cardFont(".tb-share-card-url");
    assertThat(address).as("the address").isGreaterThan(presenter);
    assertThat(cardFont(".tb-share-note"))
        .as("the caption")
        .isGreaterThanOrEqualTo(presenter * 0.9);
    robot.interact(() -> panel().card().hide());

    // Ctrl+= twice in the window, then the card again: larger.
    robot.interact(() -> ui.stage.requestFocus());
    for (int i = 0; i < 2; i++) {
      robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    }
    FxWait.until("the zoom", () -> WindowUnderTest.fontSize(robot) > presenter);
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A)
        .release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntil("the audience card", () -> panel().card() != null);
    assertThat(cardFont(".tb-share-card-url"))
        .as("the address after Ctrl+=")
        .isGreaterThan(address);
    robot.interact(() -> panel().card().hide());
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
    menu(robot, "Presenter mode");
  }

  /** The address on the audience card, read on the FX thread. */
  private String cardAddress() throws Exception {
    return FxWait.onFx(
        () -> ((Label) panel().card().getScene().lookup(".tb-share-card-url")).getText());
  }

  /** Every label's text on the audience card, one a line, read on the FX thread. */
  private String cardText() throws Exception {
    return FxWait.onFx(
        () ->
            panel().card().getScene().getRoot().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText())
                .collect(java.util.stream.Collectors.joining("\n")));
  }

  /**
   * Shared with "This computer only", the panel showed a QR code of 127.0.0.1, which a phone scans
   * to open its own address and fails. It shows no code there but says that phones need the
   * network, with the button that shares on it; shared on the network, the code is back and says
   * the new address (to a screen reader too) and the line is gone.
   */
  @Test
  void theLoopbackShareShowsNoQrCodeButSharesOnTheNetworkFromThePanel(FxRobot robot)
      throws Exception {
    openSample(robot, "Live coding without fear");
    URI url = startSharing(robot);
    assertThat(url.getHost()).isEqualTo("127.0.0.1");
    robot.interact(() -> panel().stage().setX(ui.stage.getX() + 40)); // back on the screen
    javafx.scene.Node qrCard = FxWait.onFx(() -> robot.lookup("#share-qr").query().getParent());
    assertThat(FxWait.onFx(qrCard::isVisible)).isFalse();
    assertThat(FxWait.onFx(() -> shown(robot.lookup("#share-phones").query()))).isTrue();
    var network = dev.talkbook.core.share.NetworkAddresses.network();
    if (network.isEmpty()) {
      assertThat(label(robot, "#share-phones")).contains("this computer is on no network now");
      assertThat(FxWait.onFx(() -> shown(robot.lookup("#share-panel-network").query()))).isFalse();
      return;
    }
    waitUntil("the network among the choices", () -> share().networkChoice().isPresent());
    String host = dev.talkbook.core.share.NetworkAddresses.host(network.get().address());
    waitUntil(
        "the button naming the network's address",
        () ->
            robot
                .lookup("#share-panel-network")
                .queryAs(Button.class)
                .getText()
                .equals("Share on the network (" + host + ")"));
    // its address whole: beside the viewers it was cut to "Share on the network (192.0.2…"
    Button onNetwork =
        FxWait.onFx(() -> robot.lookup("#share-panel-network").queryAs(Button.class));
    assertThat(FxWait.onFx(() -> onNetwork.getWidth()))
        .isGreaterThanOrEqualTo(FxWait.onFx(() -> onNetwork.prefWidth(-1)) - 0.5);
    assertThat(label(robot, "#share-phones"))
        .isEqualTo(
            "Phones and other computers cannot open this address: it is for this computer only."
                + " To let them follow, share on the network.");
    FxWait.clickOn(robot, "#share-panel-network");
    waitUntil(
        "sharing on the network",
        () ->
            share().getState() == ShareModel.State.RUNNING
                && !share().onlyThisComputerProperty().get()
                && !url(robot).equals(url.toString()));
    URI now = URI.create(FxWait.onFx(() -> url(robot)));
    assertThat(now.getHost()).isEqualTo(host.replaceAll("[\\[\\]]", ""));
    waitUntil("the QR code", () -> qrCard.isVisible());
    Image qr = FxWait.onFx(() -> robot.lookup("#share-qr").queryAs(ImageView.class).getImage());
    assertThat(decode(qr)).isEqualTo(now.toString());
    assertThat(FxWait.onFx(() -> robot.lookup("#share-qr").query().getAccessibleText()))
        .isEqualTo("QR code of the share address");
    assertThat(FxWait.onFx(() -> shown(robot.lookup("#share-phones").query()))).isFalse();
    robot.interact(() -> share().stop());
    waitUntil("stopped", () -> share().getState() == ShareModel.State.STOPPED);
  }

  /**
   * Shared with "This computer only", Ctrl+Shift+A showed 127.0.0.1 and its QR code with no word
   * that nobody in the room could open it. The card says so, with the setting that lets the room
   * join, and shows no QR code; its button shares on the network, and the card then shows that
   * address and its code.
   */
  @Test
  void theCardSaysWhenOnlyThisComputerCanOpenTheAddressAndSharesOnTheNetwork(FxRobot robot)
      throws Exception {
    openSample(robot, "Live coding without fear");
    URI url = startSharing(robot);
    assertThat(url.getHost()).isEqualTo("127.0.0.1");
    robot.interact(() -> panel().stage().hide()); // the window has the keys
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A)
        .release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntil("the audience card", () -> panel().card() != null);
    assertThat(cardAddress()).isEqualTo(url.toString());
    assertThat(FxWait.onFx(() -> panel().card().getScene().lookup(".image-view"))).isNull();
    var network = dev.talkbook.core.share.NetworkAddresses.network();
    if (network.isEmpty()) {
      assertThat(cardText())
          .contains(
              "Only this computer can open this address.",
              "This computer is on no network now",
              "in Share → Live share panel… stop sharing and choose Who can follow → “The network,"
                  + " as …”");
      return;
    }
    // the panel lists the network's addresses once it has looked them up
    waitUntil("the network among the choices", () -> share().networkChoice().isPresent());
    String choice =
        FxWait.onFx(() -> share().networkChoice().get().describe()).replaceFirst("^t", "T");
    waitUntil(
        "the card to name the setting",
        () -> cardText().contains("Who can follow → “" + choice + "”"));
    assertThat(cardText())
        .contains(
            "Only this computer can open this address.",
            "Sharing is set to “This computer only”, so nobody in the room can follow.");
    // a viewer of the old address, on this computer
    dev.talkbook.core.share.SseClient viewer =
        dev.talkbook.core.share.SseClient.open(http, url.resolve("events"), null);
    assertThat(viewer.status()).isEqualTo(200);
    FxWait.clickOn(robot, "#share-card-network");
    waitUntil(
        "sharing on the network",
        () ->
            share().getState() == ShareModel.State.RUNNING
                && !share().onlyThisComputerProperty().get());
    waitUntil("the card showing the new address", () -> !cardAddress().equals(url.toString()));
    URI now = URI.create(cardAddress());
    assertThat(now.getHost())
        .isEqualTo(
            dev.talkbook.core.share.NetworkAddresses.host(network.get().address())
                .replaceAll("[\\[\\]]", ""));
    waitUntil("its QR code", () -> panel().card().getScene().lookup(".image-view") != null);
    Image qr =
        FxWait.onFx(() -> ((ImageView) panel().card().getScene().lookup(".image-view")).getImage());
    assertThat(decode(qr)).isEqualTo(now.toString());
    assertThat(cardText()).doesNotContain("Only this computer");
    // the old address's viewer was told that the share moved, and where: its page goes there
    var end = viewer.next("end", java.time.Duration.ofSeconds(10));
    viewer.close();
    assertThat(end).isNotNull();
    assertThat(end.data()).isEqualTo("{\"moved\":true,\"url\":\"" + now + "\"}");
    robot.interact(() -> share().stop());
    waitUntil("stopped", () -> share().getState() == ShareModel.State.STOPPED);
  }

  /**
   * The command palette starts sharing, and flips the follow toggle as a click in the menu does.
   */
  @Test
  void theCommandPaletteStartsSharingAndFlipsTheFollowToggle(FxRobot robot) throws Exception {
    openSample(robot, "Live coding without fear");
    palette(robot, "start sharing");
    waitUntil("sharing", () -> share().getState() == ShareModel.State.RUNNING);
    assertThat(FxWait.onFx(() -> share().followTalksProperty().get())).isTrue();
    robot.interact(() -> panel().stage().hide()); // the window has the keys again
    FxWait.clickOn(robot, "#editor");
    palette(robot, "viewers follow");
    waitUntil("following turned off", () -> !share().followTalksProperty().get());
  }

  private void palette(FxRobot robot, String words) {
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P)
        .release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
    FxWait.clickOn(robot, "#picker-filter");
    robot.write(words);
    robot.type(KeyCode.ENTER);
  }

  @Test
  void quittingWhileSharingEndsEveryViewersStreamSoTheirPagesSaySharingStopped(FxRobot robot)
      throws Exception {
    openSample(robot, "Live coding without fear");
    URI url = startSharing(robot);
    try (SseClient viewer = SseClient.open(http, url.resolve("events"), null)) {
      viewer.next("state", WAIT);
      ui.quitAsTheAppDoes(robot); // File → Quit: the window, then the notebook and the threads
      // the event on which share.js says "The presenter stopped sharing." (ShareBrowserTest)
      var end = viewer.next("end", WAIT);
      assertThat(end).isNotNull();
      assertThat(end.data()).isEqualTo("{}");
      waitUntil("the stream closed", viewer::ended);
    }
  }

  @Test
  void stopEndsEveryViewersStreamAndThePanelSaysSo(FxRobot robot) throws Exception {
    openSample(robot, "Live coding without fear");
    URI url = startSharing(robot);
    try (SseClient viewer = SseClient.open(http, url.resolve("events"), null)) {
      viewer.next("state", WAIT);
      robot.interact(() -> robot.lookup("#share-start").queryButton().fire()); // "Stop sharing"
      assertThat(viewer.next("end", WAIT)).isNotNull();
      waitUntil("stopped", () -> share().getState() == ShareModel.State.STOPPED);
      assertThat(FxWait.onFx(() -> url(robot))).isEmpty();
      assertThat(label(robot, "#share-status")).startsWith("Not sharing.");
      assertThat(FxWait.onFx(() -> robot.lookup("#share-bind").query().isDisabled())).isFalse();
    }
  }

  @Test
  void theStatusBarSaysTheTalkIsLiveAndHowManyFollowItUntilSharingStops(FxRobot robot)
      throws Exception {
    openSample(robot, "Live coding without fear");
    assertThat(
            FxWait.onFx(
                () ->
                    robot.lookup("#live-indicator").match(javafx.scene.Node::isVisible).tryQuery()))
        .as("not sharing: no sign")
        .isEmpty();
    URI url = startSharing(robot);
    robot.interact(() -> panel().stage().hide()); // the panel closed: the status bar still says it
    waitUntil(
        "the live sign",
        () ->
            robot
                .lookup("#live-indicator")
                .match(javafx.scene.Node::isVisible)
                .tryQuery()
                .isPresent());
    javafx.scene.Node live = robot.lookup("#live-indicator").query();
    assertThat(FxWait.onFx(() -> ((Button) live).getText())).isEqualTo("Live · 0 viewers");
    assertThat(FxWait.onFx(() -> live.localToScene(live.getLayoutBounds()).getHeight()))
        .as("on the status bar, whole")
        .isGreaterThan(8);
    try (SseClient viewer = SseClient.open(http, url.resolve("events"), null)) {
      viewer.next("state", WAIT);
      waitUntil("one viewer", () -> ((Button) live).getText().equals("Live · 1 viewer"));
      // a click shows the panel again
      robot.interact(() -> ((Button) live).fire());
      waitUntil("the panel", () -> panel().stage().isShowing());
      robot.interact(() -> robot.lookup("#share-start").queryButton().fire()); // "Stop sharing"
      waitUntil("stopped", () -> share().getState() == ShareModel.State.STOPPED);
    }
    waitUntil("no live sign", () -> !live.isVisible() && !live.isManaged());
  }

  @Test
  void thePanelOpensAtTheWindowsRightEdgeWhereverTheWindowHasMoved(FxRobot robot) throws Exception {
    openSample(robot, "Live coding without fear");
    startSharing(robot); // the panel grew by the address and its QR code
    robot.interact(() -> panel().stage().hide());
    robot.interact(() -> ui.stage.setX(ui.stage.getX() - 60));
    robot.interact(() -> ui.window.share().panel().show());
    var panelStage = panel().stage();
    double[] edges =
        FxWait.onFx(
            () ->
                new double[] {
                  panelStage.getX(),
                  panelStage.getX() + panelStage.getWidth(),
                  ui.stage.getX(),
                  ui.stage.getX() + ui.stage.getWidth()
                });
    assertThat(edges[1]).as("the panel's right edge, in the window").isLessThanOrEqualTo(edges[3]);
    assertThat(edges[0])
        .as("the panel's left edge, in the window")
        .isGreaterThanOrEqualTo(edges[2]);
  }

  @Test
  void aBrowserFollowsWhatIsTypedInTheWindow(FxRobot robot) throws Exception {
    dev.talkbook.core.site.HeadlessChromium.assumeInstalled();
    openSample(robot, "Live coding without fear");
    URI url = startSharing(robot);
    org.openqa.selenium.WebDriver driver =
        dev.talkbook.core.site.HeadlessChromium.start(dir, 1200, 900);
    try {
      driver.get(url.toString());
      var waiting =
          new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20));
      org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
      waiting.until(
          d -> "live".equals(js.executeScript("return document.body.dataset.connection")));
      waitUntil("one viewer", () -> label(robot, "#share-viewers").equals("1 viewer"));
      typeAtTheEnd(robot, "\nThe room reads this as I type it");
      waiting.until(
          d ->
              d.findElement(org.openqa.selenium.By.cssSelector("[data-tb=notes]"))
                  .getText()
                  .contains("The room reads this as I type it"));
      // the block being typed is marked as the presenter's place
      assertThat(
              js.executeScript(
                  "return document.querySelector('[data-tb=notes] > .tb-here').textContent"))
          .asString()
          .contains("The room reads this as I type it");
      // stopping tells the page
      robot.interact(() -> robot.lookup("#share-start").queryButton().fire());
      waiting.until(
          d ->
              d.findElement(org.openqa.selenium.By.cssSelector("[data-tb=status]"))
                  .getText()
                  .equals("The presenter stopped sharing."));
    } finally {
      driver.quit();
    }
  }

  @Test
  void withNoTalkOpenItSaysWhy(FxRobot robot) throws Exception {
    menu(robot, "Start sharing the open talk");
    waitUntil(
        "the reason", () -> label(robot, "#share-problem").equals("Open a talk to share it."));
    assertThat(FxWait.onFx(() -> share().getState())).isEqualTo(ShareModel.State.STOPPED);
  }

  /** Reads a QR code back with ZXing's decoder. */
  static String decode(Image image) throws Exception {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] pixels = new int[w * h];
    image
        .getPixelReader()
        .getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), pixels, 0, w);
    // Read as the clean, upright code it is: ZXing's general finder misses about 0.7 % of these
    // codes (22 of 3,000 random share addresses; none as a pure barcode), which made this flaky.
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))),
            java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }
}
