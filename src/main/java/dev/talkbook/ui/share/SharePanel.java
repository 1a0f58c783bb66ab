package dev.talkbook.ui.share;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.share.NetworkAddresses;
import dev.talkbook.ui.common.DefaultButtons;
import dev.talkbook.ui.common.Keys;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.Tips;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.StringConverter;

/**
 * Live share in the window: the Share menu, the panel (who can follow, Start or Stop, the viewer
 * URL with a QR code, the number of viewers, whether viewers follow talk switches and see the
 * REPL's code) in a small window of its own, and the card that shows the URL and a large QR code to
 * the audience (also in presenter mode). Binds to a {@link ShareModel}.
 */
public final class SharePanel {
  static final String STYLESHEET = stylesheet();

  /** Share → Show the address to the audience. */
  static final String AUDIENCE_KEY = "Shortcut+Shift+A";

  private static String stylesheet() {
    var url = SharePanel.class.getResource("/dev/talkbook/ui/share/share.css");
    if (url == null) {
      throw new IllegalStateException("resource /dev/talkbook/ui/share/share.css is missing");
    }
    return url.toExternalForm();
  }

  private final ShareModel model;
  private final Stage owner;
  private final Consumer<String> openLink;

  final Label status = new Label();
  final ComboBox<NetworkAddresses.Choice> bind = new ComboBox<>();
  final Button startStop = new Button();
  final TextField url = new TextField();
  final Button copy = new Button("Copy");
  final Button openInBrowser = new Button("Open");
  final ImageView qr = new ImageView();

  /**
   * In place of the QR code while sharing with this computer only: phones cannot open a loopback
   * address, so a code to scan would only fail; it says so, with the button that shares on the
   * network (when this computer is on one).
   */
  final Label phones = new Label();

  /** Shares on the network, beside {@link #phones}. */
  final Button shareOnNetwork = new Button();

  final Label viewers = new Label();
  final CheckBox followTalks = new CheckBox("Viewers follow when I open another talk");
  final CheckBox shareCode = new CheckBox("Show the code I run in the REPL");
  final Button audience = new Button("Show to the room");
  final Label problem = new Label();
  private final VBox root;

  /** How long Copy says "Copied" after a click. */
  static final javafx.util.Duration COPIED_FOR = javafx.util.Duration.seconds(2);

  private final javafx.animation.PauseTransition copiedShown =
      new javafx.animation.PauseTransition(COPIED_FOR);

  private Stage stage;
  private Stage card;

  public SharePanel(ShareModel model, Stage owner, Consumer<String> openLink) {
    this.model = model;
    this.owner = owner;
    this.openLink = openLink;
    this.root = build();
    bindToModel();
    status.setId("share-status");
    bind.setId("share-bind");
    startStop.setId("share-start");
    url.setId("share-url");
    copy.setId("share-copy");
    openInBrowser.setId("share-open");
    qr.setId("share-qr");
    qr.setAccessibleText("QR code of the share address");
    phones.setId("share-phones");
    shareOnNetwork.setId("share-panel-network");
    viewers.setId("share-viewers");
    followTalks.setId("share-follow");
    shareCode.setId("share-code");
    audience.setId("share-audience");
    problem.setId("share-problem");
  }

  /** The panel's content (also for tests). */
  public Parent root() {
    return root;
  }

  // ---- the menu ---------------------------------------------------------------------------------

  /**
   * The Share menu: start (while a talk is open, {@code noTalk} false), stop, the panel, the
   * audience card, following talks. The panel is taken from {@code panel} when an item needs it:
   * the window makes it on first use, not at its start.
   */
  public static Menu menu(
      ShareModel model, Supplier<SharePanel> panel, ObservableBooleanValue noTalk) {
    MenuItem start = item("Start sharing the open talk", null, () -> panel.get().startAndShow());
    start
        .disableProperty()
        .bind(
            model
                .stateProperty()
                .isNotEqualTo(ShareModel.State.STOPPED)
                .or(Bindings.createBooleanBinding(noTalk::get, noTalk)));
    MenuItem stop = item("Stop sharing", null, model::stop);
    stop.disableProperty().bind(model.stateProperty().isNotEqualTo(ShareModel.State.RUNNING));
    CheckMenuItem follow = new CheckMenuItem("Viewers follow when I open another talk");
    follow.selectedProperty().bindBidirectional(model.followTalksProperty());
    return new Menu(
        "_Share",
        null,
        start,
        stop,
        new SeparatorMenuItem(),
        item("Live share panel…", "Shortcut+Shift+L", () -> panel.get().show()),
        item(
            "Show the address to the audience", AUDIENCE_KEY, () -> panel.get().showAudienceCard()),
        new SeparatorMenuItem(),
        follow);
  }

  private static MenuItem item(String text, String accelerator, Runnable action) {
    MenuItem item = new MenuItem(text);
    if (accelerator != null) {
      item.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    item.setOnAction(e -> action.run());
    return item;
  }

  /** Starts sharing the open talk and shows the panel. */
  public void startAndShow() {
    show();
    model.start();
  }

  /** Shows the panel's window (made on first use). */
  public void show() {
    if (stage == null) {
      stage = new Stage();
      stage.initOwner(owner);
      stage.setTitle("Live share — Talkbook");
      Scene scene = new Scene(root);
      // the Share menu's keys work from the panel too (it has the keyboard once shown)
      scene
          .getAccelerators()
          .put(KeyCombination.keyCombination(AUDIENCE_KEY), this::showAudienceCard);
      scene.setOnKeyPressed(
          e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
              stage.hide();
            }
          });
      stage.setScene(scene);
      stage.setResizable(false);
      dress(root);
      // Not resizable: the window follows its content, which grows by the address's QR code and
      // the viewers once sharing starts (they were cut off under the note) and by a problem.
      javafx.beans.InvalidationListener fit = o -> fitToContent();
      model.urlProperty().addListener(fit);
      model.stateProperty().addListener(fit);
      problem.textProperty().addListener(fit);
      model.refreshChoices();
    }
    if (!stage.isShowing()) {
      stage.show();
      place();
    }
    stage.toFront();
  }

  /**
   * At the window's right edge, like an inspector, leaving the notes in view: where the window is
   * now (it may have moved since the panel was last shown, which left the panel hanging past it).
   */
  private void place() {
    stage.setX(owner.getX() + Math.max(0, owner.getWidth() - stage.getWidth() - 24));
    stage.setY(owner.getY() + 72);
    keepOnScreen();
  }

  /**
   * Moves the panel up as far as its bottom needs to stay on the window's screen: 72 px under the
   * top of a window on a 1024×640 screen, its last lines were below the screen's edge.
   */
  private void keepOnScreen() {
    var screens =
        javafx.stage.Screen.getScreensForRectangle(
            owner.getX(),
            owner.getY(),
            Math.max(1, owner.getWidth()),
            Math.max(1, owner.getHeight()));
    javafx.geometry.Rectangle2D area =
        (screens.isEmpty() ? javafx.stage.Screen.getPrimary() : screens.get(0)).getVisualBounds();
    if (stage.getY() + stage.getHeight() > area.getMaxY()) {
      stage.setY(Math.max(area.getMinY(), area.getMaxY() - stage.getHeight()));
    }
  }

  /** Sizes the shown panel's window to what it holds now, still inside the window's right edge. */
  private void fitToContent() {
    if (stage != null && stage.isShowing()) {
      root.applyCss();
      stage.sizeToScene();
      double overhang = stage.getX() + stage.getWidth() - (owner.getX() + owner.getWidth());
      if (overhang > 0) {
        stage.setX(Math.max(owner.getX(), stage.getX() - overhang - 24));
      }
      keepOnScreen();
    }
  }

  /** The panel's window, or null before it was first shown. */
  public Stage stage() {
    return stage;
  }

  // ---- the panel --------------------------------------------------------------------------------

  private VBox build() {
    Label title = new Label("Live share");
    title.getStyleClass().add("tb-share-title");
    status.getStyleClass().add("tb-share-status");
    status.setWrapText(true);

    Label who = new Label("Who can follow");
    who.getStyleClass().add("tb-share-label");
    bind.setMaxWidth(Double.MAX_VALUE);
    bind.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(NetworkAddresses.Choice c) {
            return c == null ? "" : capitalised(c.describe());
          }

          @Override
          public NetworkAddresses.Choice fromString(String s) {
            return null;
          }
        });
    bind.setTooltip(Tips.tooltip("Stop sharing to change who can follow."));
    // By keyboard: Down (or Enter) on the closed list opens it, to choose there; Enter did not open
    // it but started sharing (the default button) with a choice the user had not seen, and Down
    // did nothing.
    bind.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          boolean plain = !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown();
          if (plain
              && !bind.isShowing()
              && (e.getCode() == KeyCode.DOWN
                  || e.getCode() == KeyCode.UP
                  || e.getCode() == KeyCode.ENTER)) {
            bind.show();
            e.consume();
          }
        });

    startStop.setDefaultButton(true);
    DefaultButtons.keepFocusWhileBusy(startStop);
    startStop.setMaxWidth(Double.MAX_VALUE);
    startStop.setOnAction(
        e -> {
          if (model.getState() == ShareModel.State.STOPPED) {
            model.start();
          } else {
            model.stop();
          }
        });

    url.setEditable(false);
    url.setPromptText("Address, once sharing");
    url.getStyleClass().add("tb-share-url");
    HBox.setHgrow(url, Priority.ALWAYS);
    copy.setOnAction(
        e -> {
          ClipboardContent c = new ClipboardContent();
          c.putString(url.getText());
          Clipboard.getSystemClipboard().setContent(c);
          copy.setText("Copied");
          copiedShown.playFromStart();
        });
    // "Copied" says what the click did, for a moment: it stayed for minutes, through editing and
    // talk switches, and read as the state of an address that may since have changed.
    copiedShown.setOnFinished(e -> copy.setText("Copy"));
    url.textProperty()
        .addListener(
            (obs, was, now) -> {
              copiedShown.stop();
              copy.setText("Copy");
            });
    openInBrowser.setOnAction(e -> openLink.accept(url.getText()));
    HBox urlRow = new HBox(6, url, copy, openInBrowser);
    urlRow.setAlignment(Pos.CENTER_LEFT);

    qr.setFitWidth(200);
    qr.setFitHeight(200);
    qr.setSmooth(false);
    qr.setPreserveRatio(true);
    StackPane qrCard = new StackPane(qr);
    qrCard.getStyleClass().add("tb-share-qr");
    qrCard.setMinSize(216, 216);
    qrCard.setMaxSize(216, 216);

    viewers.getStyleClass().add("tb-share-viewers");
    VBox side = new VBox(10, viewers, audience);
    side.setAlignment(Pos.CENTER_LEFT);
    audience.setOnAction(e -> showAudienceCard());
    audience.setTooltip(
        Tips.tooltip(
            "The address and a large QR code for the room (" + Keys.shown(AUDIENCE_KEY) + ")"));
    audience.setMinWidth(Region.USE_PREF_SIZE);
    qrCard.visibleProperty().bind(model.onlyThisComputerProperty().not());
    qrCard.managedProperty().bind(qrCard.visibleProperty());
    phones.setWrapText(true);
    phones.setMinHeight(Region.USE_PREF_SIZE);
    phones.getStyleClass().add("tb-share-phones");
    shareOnNetwork.setOnAction(e -> model.networkChoice().ifPresent(model::shareOn));
    shareOnNetwork.managedProperty().bind(shareOnNetwork.visibleProperty());
    // the whole width, under the address: the button names the address it shares on in full
    shareOnNetwork.setMinWidth(Region.USE_PREF_SIZE);
    VBox phonesBox = new VBox(8, phones, shareOnNetwork);
    phonesBox.setAlignment(Pos.CENTER_LEFT);
    phonesBox
        .visibleProperty()
        .bind(model.onlyThisComputerProperty().and(model.urlProperty().isNotEmpty()));
    phonesBox.managedProperty().bind(phonesBox.visibleProperty());
    HBox middle = new HBox(16, qrCard, side);
    middle.setAlignment(Pos.CENTER_LEFT);
    // the address's QR code and the viewers, while there is an address
    middle.visibleProperty().bind(model.urlProperty().isNotEmpty());
    middle.managedProperty().bind(middle.visibleProperty());

    followTalks.selectedProperty().bindBidirectional(model.followTalksProperty());
    shareCode.selectedProperty().bindBidirectional(model.shareCodeProperty());

    problem.getStyleClass().add("tb-share-problem");
    problem.setWrapText(true);
    problem.managedProperty().bind(problem.textProperty().isNotEmpty());
    problem.visibleProperty().bind(problem.textProperty().isNotEmpty());

    Label note =
        new Label(
            "Anyone with the address can read this talk and the code you run while you share."
                + " Stop ends every viewer's connection.");
    note.setWrapText(true);
    note.getStyleClass().add("tb-share-note");

    // Wrapped labels take the height their wrapped text needs (else the window is sized to one
    // line).
    for (Label l : new Label[] {status, problem, note}) {
      l.setMinHeight(Region.USE_PREF_SIZE);
    }
    VBox box =
        new VBox(
            10,
            title,
            status,
            who,
            bind,
            startStop,
            problem,
            urlRow,
            phonesBox,
            middle,
            followTalks,
            shareCode,
            note);
    box.setPadding(new Insets(18));
    box.setPrefWidth(460);
    box.getStyleClass().add("tb-share-panel");
    return box;
  }

  private void bindToModel() {
    bind.setItems(model.choices());
    bind.valueProperty().bindBidirectional(model.bindProperty());
    bind.disableProperty().bind(model.stateProperty().isNotEqualTo(ShareModel.State.STOPPED));
    startStop
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    switch (model.getState()) {
                      case STOPPED -> "Start sharing";
                      case STARTING -> "Starting…";
                      case RUNNING -> "Stop sharing";
                      case STOPPING -> "Stopping…";
                    },
                model.stateProperty()));
    startStop
        .disableProperty()
        .bind(
            model
                .stateProperty()
                .isEqualTo(ShareModel.State.STARTING)
                .or(model.stateProperty().isEqualTo(ShareModel.State.STOPPING)));
    status
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    switch (model.getState()) {
                      case STOPPED -> "Not sharing. Start to let browsers follow the open talk.";
                      case STARTING -> "Starting…";
                      case RUNNING ->
                          "Sharing “"
                              + model.sharedTitleProperty().get()
                              + "” with "
                              + model.reachProperty().get()
                              + ".";
                      case STOPPING -> "Stopping: telling the viewers…";
                    },
                model.stateProperty(),
                model.sharedTitleProperty(),
                model.reachProperty()));
    url.textProperty().bind(model.urlProperty());
    copy.disableProperty().bind(model.urlProperty().isEmpty());
    openInBrowser.disableProperty().bind(model.urlProperty().isEmpty());
    audience.disableProperty().bind(model.urlProperty().isEmpty());
    model
        .urlProperty()
        .addListener(
            (obs, was, now) -> {
              showCodeOrPhones();
              copy.setText("Copy");
            });
    model.onlyThisComputerProperty().addListener((obs, was, now) -> showCodeOrPhones());
    model.choices().addListener((javafx.beans.InvalidationListener) o -> showCodeOrPhones());
    // Made on first use: sharing may already run (and have an address) by then.
    showCodeOrPhones();
    viewers
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  if (model.getState() != ShareModel.State.RUNNING) {
                    return "";
                  }
                  int n = model.viewersProperty().get();
                  return Counts.of(n, "viewer");
                },
                model.viewersProperty(),
                model.stateProperty()));
    problem.textProperty().bind(model.problemProperty());
  }

  /**
   * The address's QR code for a share on the network; for one on this computer only, no code (a
   * phone that scanned it would open its own 127.0.0.1) but the line that says phones need "Share
   * on the network", with the button that does it.
   */
  private void showCodeOrPhones() {
    String address = model.urlProperty().get();
    boolean here = model.onlyThisComputerProperty().get();
    qr.setImage(address.isEmpty() || here ? null : QrCodes.image(address, 4));
    var network = model.networkChoice();
    phones.setText(
        network.isPresent()
            ? "Phones and other computers cannot open this address: it is for this computer only."
                + " To let them follow, share on the network."
            : "Phones and other computers cannot open this address: it is for this computer only,"
                + " and this computer is on no network now. Join theirs (Wi-Fi or a cable) to"
                + " share on the network.");
    shareOnNetwork.setVisible(network.isPresent());
    network.ifPresent(
        c ->
            shareOnNetwork.setText(
                "Share on the network (" + NetworkAddresses.host(c.address()) + ")"));
  }

  // ---- the audience card ------------------------------------------------------------------------

  /** The card's content, while it shows: filled again when the address changes. */
  private VBox cardBox;

  private final javafx.beans.InvalidationListener refillCard = o -> fillCard();

  /**
   * A large QR code and the address, over the window (also in presenter mode's full screen), for
   * the room to scan; Esc, a click or Share → Show the address again closes it. Shared with this
   * computer only, it says that nobody in the room can open the address, shows no QR code, and
   * offers to share on the network instead.
   */
  public void showAudienceCard() {
    if (card != null && card.isShowing()) {
      card.hide();
      return;
    }
    if (model.urlProperty().get().isEmpty()) {
      show();
      return;
    }
    cardBox = new VBox(18);
    cardBox.setAlignment(Pos.CENTER);
    cardBox.setPadding(new Insets(28));
    cardBox.getStyleClass().addAll("tb-share-panel", "tb-share-card");
    cardBox.setMaxWidth(Region.USE_PREF_SIZE);
    dress(cardBox);
    card = new Stage(StageStyle.UNDECORATED);
    card.initOwner(owner);
    card.setTitle("Follow live — Talkbook");
    Scene scene = new Scene(cardBox);
    Stage shown = card;
    scene.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            shown.hide();
          }
        });
    cardBox.setOnMouseClicked(e -> shown.hide());
    card.setScene(scene);
    fillCard();
    model.urlProperty().addListener(refillCard);
    model.onlyThisComputerProperty().addListener(refillCard);
    model.choices().addListener(refillCard);
    Parent ownerRoot = owner.getScene() == null ? null : owner.getScene().getRoot();
    if (ownerRoot != null) {
      ownerRoot.styleProperty().addListener(refillCard); // the presenter's zoom
    }
    card.setOnHidden(
        e -> {
          if (ownerRoot != null) {
            ownerRoot.styleProperty().removeListener(refillCard);
          }
          model.urlProperty().removeListener(refillCard);
          model.onlyThisComputerProperty().removeListener(refillCard);
          model.choices().removeListener(refillCard);
        });
    card.show();
    placeCard();
    card.toFront();
  }

  /** The card's content for the address as it is now. */
  private void fillCard() {
    if (cardBox == null || card == null) {
      return;
    }
    // The room reads it from the back: the text at the presenter's size at least.
    cardBox.setStyle("-fx-font-size: " + roomFontSize() + "px;");
    String address = model.urlProperty().get();
    Label url = new Label(address.isEmpty() ? "Starting to share…" : address);
    url.getStyleClass().add("tb-share-card-url");
    url.setWrapText(true);
    Label hint = new Label("Scan or type the address to follow the notes live. Esc closes.");
    hint.getStyleClass().add("tb-share-note");
    if (address.isEmpty()) {
      cardBox.getChildren().setAll(url);
    } else if (model.onlyThisComputerProperty().get()) {
      cardBox.getChildren().setAll(onlyThisComputer(url));
    } else {
      double side = Math.max(320, Math.min(owner.getHeight(), owner.getWidth()) * 0.62);
      ImageView big = new ImageView(QrCodes.image(address, 4));
      big.setAccessibleText("QR code of the share address");
      big.setFitWidth(side);
      big.setFitHeight(side);
      big.setSmooth(false);
      big.setPreserveRatio(true);
      StackPane code = new StackPane(big);
      code.getStyleClass().add("tb-share-qr");
      code.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
      cardBox.getChildren().setAll(code, url, hint);
    }
    if (card.isShowing()) {
      card.sizeToScene();
      placeCard();
    }
  }

  /**
   * A loopback address on the card: the room cannot open it, so no QR code to scan, the address for
   * this computer, what to choose instead and a button that does it.
   */
  private List<Node> onlyThisComputer(Label url) {
    var network = model.networkChoice();
    String setting =
        "in Share → Live share panel… stop sharing and choose Who can follow → “"
            + network.map(c -> capitalised(c.describe())).orElse("The network, as …")
            + "”";
    Label warning = new Label("Only this computer can open this address.");
    warning.getStyleClass().add("tb-share-card-warning");
    Label why =
        new Label(
            "Sharing is set to “This computer only”, so nobody in the room can follow. "
                + (network.isPresent()
                    ? "To let the room join, share on the network: the button below does it, or "
                        + setting
                    : "This computer is on no network now: to let the room join, join theirs"
                        + " (Wi-Fi or a cable), then "
                        + setting)
                + ".");
    why.setWrapText(true);
    why.setMaxWidth(Math.max(560, 24 * roomFontSize())); // about 40 letters a line
    why.setMinHeight(Region.USE_PREF_SIZE);
    why.getStyleClass().add("tb-share-card-why");
    url.getStyleClass().add("tb-share-card-loopback");
    List<Node> nodes = new ArrayList<>(List.of(warning, why, url));
    network.ifPresent(
        choice -> {
          Button share =
              new Button("Share on the network (" + NetworkAddresses.host(choice.address()) + ")");
          share.setId("share-card-network");
          share.setDefaultButton(true);
          // a click on the button is not a click that closes the card
          share.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> e.consume());
          share.setOnAction(e -> model.shareOn(choice));
          nodes.add(share);
        });
    Label hint = new Label("Esc closes.");
    hint.getStyleClass().add("tb-share-note");
    nodes.add(hint);
    return nodes;
  }

  /** A text size set on a window's root, in px (presenter mode sets its size there). */
  private static final java.util.regex.Pattern FONT_SIZE =
      java.util.regex.Pattern.compile("-fx-font-size:\\s*([0-9.]+)px");

  /**
   * The card's text size in px: the size the window's own text has in presenter mode (scaled to the
   * screen, following Ctrl+= / Ctrl+-, set on the window's root), and never below the presenter's
   * default size. The address was about 20 px on a 1080-line screen, the notes beside it 36 px, and
   * it did not follow the zoom.
   */
  double roomFontSize() {
    double size = dev.talkbook.ui.common.Settings.PRESENTER_FONT_SIZE.fallback();
    if (owner.getScene() != null && owner.getScene().getRoot().getStyle() != null) {
      var m = FONT_SIZE.matcher(owner.getScene().getRoot().getStyle());
      if (m.find()) {
        size = Math.max(size, Double.parseDouble(m.group(1)));
      }
    }
    return size;
  }

  /** The card in the middle of the window. */
  private void placeCard() {
    card.setX(owner.getX() + (owner.getWidth() - card.getWidth()) / 2);
    card.setY(owner.getY() + (owner.getHeight() - card.getHeight()) / 2);
  }

  /** The audience card's window while it shows, else null. */
  public Stage card() {
    return card != null && card.isShowing() ? card : null;
  }

  /** The app's sheet and the owner's light or dark theme, kept in step with the owner. */
  private void dress(Parent content) {
    if (!content.getStylesheets().contains(STYLESHEET)) {
      content.getStylesheets().add(STYLESHEET);
    }
    Theme.dress(content, owner);
    if (owner.getScene() != null) {
      owner
          .getScene()
          .getRoot()
          .getStyleClass()
          .addListener((ListChangeListener<String>) c -> Theme.dress(content, owner));
    }
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
