package dev.talkbook.ui.share;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.core.share.NetworkAddresses;
import dev.talkbook.core.share.ShareOptions;
import dev.talkbook.core.share.ShareSession;
import dev.talkbook.core.share.SharedTalk;
import dev.talkbook.core.share.TalkFiles;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.common.Settings;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The view model of live share in the window: whether the open talk is shared, where, with how many
 * viewers; start and stop. No controls; called on the FX thread.
 *
 * <p>While sharing, every change of the open talk's live text goes to the {@link ShareSession} as
 * it happens (handing it over costs microseconds; the session renders and sends on its own thread),
 * and so does the caret's line. Starting, stopping and the event title of a newly opened talk (a
 * notebook read) happen on the background executor. When the presenter opens another talk, viewers
 * follow if {@link #followTalksProperty()} is on; otherwise they keep the talk that was shared, as
 * it was last seen.
 */
public final class ShareModel {
  /** Where sharing is. */
  public enum State {
    STOPPED,
    STARTING,
    RUNNING,
    STOPPING
  }

  private final OpenTalkSource open;
  private final Notebook notebook;
  private final Executor background;
  private final Executor fx;
  private final Supplier<MarkdownRenderer> renderer;
  private final Settings settings;

  private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.STOPPED);
  private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper reach = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper onlyThisComputer = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper sharedTitle = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
  private final ReadOnlyIntegerWrapper viewers = new ReadOnlyIntegerWrapper();
  private final BooleanProperty followTalks = new SimpleBooleanProperty(true);
  private final BooleanProperty shareCode = new SimpleBooleanProperty(true);
  private final ObjectProperty<NetworkAddresses.Choice> bind = new SimpleObjectProperty<>();
  private final ObservableList<NetworkAddresses.Choice> choices =
      FXCollections.observableArrayList();

  private final AtomicInteger latestViewers = new AtomicInteger();
  private final AtomicBoolean viewersScheduled = new AtomicBoolean();
  private ShareSession session;
  private SharedTalk shared;
  private ReplSession repl;
  private AutoCloseable codeFollow;

  /** Counts starts and stops, so that a start finishing after a stop stops what it started. */
  private long generation;

  /**
   * @param background where starting, stopping and notebook reads run (the notebook thread)
   * @param fx where results are applied ({@code Platform::runLater})
   * @param renderer the app's renderer, asked for on the background executor
   */
  public ShareModel(
      OpenTalkSource open,
      Notebook notebook,
      Executor background,
      Executor fx,
      Supplier<MarkdownRenderer> renderer,
      Settings settings) {
    this.open = open;
    this.notebook = notebook;
    this.background = background;
    this.fx = fx;
    this.renderer = renderer;
    this.settings = settings;
    NetworkAddresses.Choice loopback =
        new NetworkAddresses.Choice(java.net.InetAddress.getLoopbackAddress(), "lo");
    choices.setAll(loopback);
    bind.set(loopback);
    followTalks.set(settings.get(Settings.SHARE_FOLLOW_TALKS));
    shareCode.set(settings.get(Settings.SHARE_CODE));
    followTalks.addListener(
        (obs, was, follow) -> {
          settings.put(Settings.SHARE_FOLLOW_TALKS, follow);
          if (follow && session != null) {
            talkOpened(open.talkProperty().get());
          }
        });
    shareCode.addListener(
        (obs, was, on) -> {
          settings.put(Settings.SHARE_CODE, on);
          followCode();
        });
    bind.addListener(
        (obs, was, choice) -> {
          if (choice != null) {
            settings.put(Settings.SHARE_BIND, choice.address().getHostAddress());
          }
        });
    open.talkProperty().addListener((obs, was, talk) -> talkOpened(talk));
    open.textProperty().addListener((obs, was, text) -> textChanged(text));
    open.caretLineProperty().addListener((obs, was, line) -> caretMoved(line));
    refreshChoices();
  }

  // ---- properties -------------------------------------------------------------------------------

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public State getState() {
    return state.get();
  }

  /** The viewers' address while sharing, else "". */
  public ReadOnlyStringProperty urlProperty() {
    return url.getReadOnlyProperty();
  }

  /** Who can follow, in words ("this computer only (127.0.0.1)"), while sharing. */
  public ReadOnlyStringProperty reachProperty() {
    return reach.getReadOnlyProperty();
  }

  /**
   * Whether the share listens on the loopback address, so that only this computer can open its
   * address (nobody in the room); false while not sharing.
   */
  public ReadOnlyBooleanProperty onlyThisComputerProperty() {
    return onlyThisComputer.getReadOnlyProperty();
  }

  /** The title of the talk the viewers see, while sharing. */
  public ReadOnlyStringProperty sharedTitleProperty() {
    return sharedTitle.getReadOnlyProperty();
  }

  /** Why sharing could not start, or "". */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty viewersProperty() {
    return viewers.getReadOnlyProperty();
  }

  /** Whether viewers follow when another talk is opened. */
  public BooleanProperty followTalksProperty() {
    return followTalks;
  }

  /** Whether the code run in the REPL is shown to viewers. */
  public BooleanProperty shareCodeProperty() {
    return shareCode;
  }

  /** Where to listen: this computer only, or one of its network addresses. */
  public ObjectProperty<NetworkAddresses.Choice> bindProperty() {
    return bind;
  }

  /** The addresses to choose from: the loopback one first. */
  public ObservableList<NetworkAddresses.Choice> choices() {
    return choices;
  }

  /** The first of the computer's network addresses among the choices, if it is on a network. */
  public Optional<NetworkAddresses.Choice> networkChoice() {
    return choices.stream().filter(c -> !c.loopback()).findFirst();
  }

  /**
   * Shares on {@code where} instead: while sharing elsewhere, starts there (a new address) and then
   * stops the old share telling its viewers that it moved, with the new address when they can reach
   * it ({@link ShareSession#stopMovedTo}); else only chooses it for the next start. When the new
   * share cannot start, the old one stops as {@link #stop()} does and the problem says why.
   */
  public void shareOn(NetworkAddresses.Choice where) {
    if (state.get() != State.RUNNING) {
      bind.set(where);
      return;
    }
    ShareSession old = session;
    session = null;
    shared = null;
    // the REPL stays followed into the old share until the new one takes its code over (start)
    state.set(State.STOPPED);
    bind.set(where);
    movingFrom = old;
    start();
  }

  /** The share that {@link #shareOn} moves away from, until the next start has begun; FX thread. */
  private ShareSession movingFrom;

  /** Lists the computer's addresses again (on the background executor). */
  public void refreshChoices() {
    String wanted = settings.get(Settings.SHARE_BIND);
    CompletableFuture.supplyAsync(NetworkAddresses::choices, background)
        .thenAcceptAsync(
            list -> {
              NetworkAddresses.Choice current = bind.get();
              choices.setAll(list);
              String keep =
                  current != null && !current.loopback()
                      ? current.address().getHostAddress()
                      : wanted;
              bind.set(
                  list.stream()
                      .filter(c -> c.address().getHostAddress().equals(keep))
                      .findFirst()
                      .orElse(list.get(0)));
            },
            fx);
  }

  // ---- commands ---------------------------------------------------------------------------------

  /** Starts sharing the open talk (or says why it cannot). */
  public void start() {
    if (state.get() != State.STOPPED) {
      return;
    }
    Talk talk = open.talkProperty().get();
    ShareSession from = movingFrom;
    movingFrom = null;
    if (talk == null) {
      if (from != null) {
        closeCodeFollow();
        background.execute(from::stop);
      }
      problem.set("Open a talk to share it.");
      return;
    }
    problem.set("");
    state.set(State.STARTING);
    long mine = ++generation;
    String text = open.textProperty().getValue();
    Integer line = open.caretLineProperty().getValue();
    NetworkAddresses.Choice where = bind.get();
    ShareOptions options =
        ShareOptions.loopback().withBind(where.address()).withPerAddressCapForBind();
    CompletableFuture.supplyAsync(
            () -> {
              SharedTalk first = sharedTalk(talk, event(talk), text);
              ShareSession s =
                  ShareSession.start(options, renderer.get(), TalkFiles.of(notebook), first);
              s.presenterAt(line == null ? -1 : line);
              return new Started(s, first);
            },
            background)
        .whenCompleteAsync(
            (started, error) -> {
              if (mine != generation) { // stopped (or started again) meanwhile
                if (started != null) {
                  background.execute(started.session()::stop);
                }
                if (from != null) {
                  background.execute(from::stop);
                }
                return;
              }
              if (error != null) {
                if (from != null) {
                  closeCodeFollow();
                  background.execute(from::stop);
                }
                state.set(State.STOPPED);
                problem.set(Errors.message(unwrap(error)));
                return;
              }
              session = started.session();
              shared = started.talk();
              if (from != null) {
                // the code run so far stays on the viewers' pages, and one still running ends there
                session.liveCode().carryOver(from.liveCode());
                java.net.URI next = session.url();
                background.execute(() -> from.stopMovedTo(next));
              }
              onlyThisComputer.set(session.address().isLoopbackAddress());
              url.set(session.url().toString());
              reach.set(session.reach());
              sharedTitle.set(shared.title());
              viewers.set(session.viewers());
              session.onViewers(this::viewersChanged);
              state.set(State.RUNNING);
              if (from == null || codeFollow == null) {
                followCode();
              }
              // else the old share's follow of the REPL goes on into this one (carryOver hands it
              // on under LiveCode's lock): a new follow here, after closing that one, left a
              // moment in which a snippet's end reached neither
              // what changed while it started
              textChanged(open.textProperty().getValue());
              talkOpened(open.talkProperty().get());
            },
            fx);
  }

  private record Started(ShareSession session, SharedTalk talk) {}

  /** Stops sharing: viewers are told, their streams close; done on the background executor. */
  public CompletableFuture<Void> stop() {
    generation++;
    if (state.get() == State.STARTING) {
      closeCodeFollow(); // a share that was moving followed the REPL into the old one until now
      state.set(State.STOPPED); // the start, when done, stops what it started
      return CompletableFuture.completedFuture(null);
    }
    if (session == null) {
      return CompletableFuture.completedFuture(null);
    }
    ShareSession s = session;
    session = null;
    shared = null;
    closeCodeFollow();
    state.set(State.STOPPING);
    return CompletableFuture.runAsync(s::stop, background)
        .whenCompleteAsync(
            (done, error) -> {
              state.set(State.STOPPED);
              url.set("");
              reach.set("");
              onlyThisComputer.set(false);
              sharedTitle.set("");
              viewers.set(0);
            },
            fx);
  }

  /** Shares what the REPL runs, from now on (while {@link #shareCodeProperty()} is on). */
  public void followRepl(ReplSession replSession) {
    this.repl = replSession;
    followCode();
  }

  // ---- following the open talk ------------------------------------------------------------------

  private void talkOpened(Talk talk) {
    if (session == null || talk == null || shared == null) {
      return;
    }
    if (talk.id() == shared.talkId()) {
      // the same talk: its details may have changed
      shared = SharedTalk.of(talk, shared.eventTitle(), shared.zone()).withNotes(shared.notes());
      sharedTitle.set(shared.title());
      session.show(shared);
      return;
    }
    if (!followTalks.get()) {
      return;
    }
    ShareSession s = session;
    CompletableFuture.supplyAsync(() -> event(talk), background)
        .whenCompleteAsync(
            (event, error) -> {
              Talk now = open.talkProperty().get();
              if (s != session || now == null || now.id() != talk.id()) {
                return; // stopped, or another talk opened meanwhile
              }
              String text = open.textProperty().getValue();
              shared =
                  (error == null ? SharedTalk.of(now, event) : SharedTalk.of(now, "", null))
                      .withNotes(text == null ? now.body() : text);
              sharedTitle.set(shared.title());
              session.show(shared);
              Integer line = open.caretLineProperty().getValue();
              session.presenterAt(line == null ? -1 : line);
            },
            fx);
  }

  private void textChanged(String text) {
    Talk talk = open.talkProperty().get();
    if (session != null && shared != null && talk != null && talk.id() == shared.talkId()) {
      if (!shared.notes().equals(text)) {
        shared = shared.withNotes(text);
        session.show(shared);
      }
    }
  }

  private void caretMoved(Integer line) {
    Talk talk = open.talkProperty().get();
    if (session != null && shared != null && talk != null && talk.id() == shared.talkId()) {
      session.presenterAt(line == null ? -1 : line);
    }
  }

  private void followCode() {
    closeCodeFollow();
    if (session != null && repl != null && shareCode.get()) {
      codeFollow = session.liveCode().follow(repl);
    } else if (session != null && !shareCode.get()) {
      session.liveCode().clear();
    }
  }

  private void closeCodeFollow() {
    if (codeFollow != null) {
      try {
        codeFollow.close();
      } catch (Exception e) {
        System.getLogger(ShareModel.class.getName())
            .log(System.Logger.Level.DEBUG, "unfollowing the REPL", e);
      }
      codeFollow = null;
    }
  }

  /** Viewer counts come from the server's threads; only the newest reaches the FX thread. */
  private void viewersChanged(int n) {
    latestViewers.set(n);
    if (viewersScheduled.compareAndSet(false, true)) {
      fx.execute(
          () -> {
            viewersScheduled.set(false);
            if (session != null) {
              viewers.set(latestViewers.get());
            }
          });
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private dev.talkbook.core.notebook.Event event(Talk talk) {
    return notebook.events().get(talk.eventId());
  }

  private static SharedTalk sharedTalk(
      Talk talk, dev.talkbook.core.notebook.Event event, String text) {
    return SharedTalk.of(talk, event).withNotes(text == null ? talk.body() : text);
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof java.util.concurrent.CompletionException && e.getCause() != null
        ? e.getCause()
        : e;
  }

  /** The choices' labels, for tests. */
  List<String> choiceLabels() {
    return choices.stream().map(NetworkAddresses.Choice::describe).toList();
  }
}
