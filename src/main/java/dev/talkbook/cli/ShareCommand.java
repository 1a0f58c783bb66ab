package dev.talkbook.cli;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.share.NetworkAddresses;
import dev.talkbook.core.share.SavedTalkWatch;
import dev.talkbook.core.share.ShareOptions;
import dev.talkbook.core.share.ShareSession;
import dev.talkbook.core.share.SharedTalk;
import dev.talkbook.core.share.TalkFiles;
import dev.talkbook.core.store.Notebook;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code talkbook share TALK}: serves the talk to browsers and keeps them current with what is
 * saved, until Ctrl+C. The notebook is opened read-only, without the writer's lock, so the window
 * or another command can go on writing; saves are picked up within {@link #POLL}.
 */
@Command(
    name = "share",
    description = {
      "Share a talk live: browsers at the printed URL follow its notes and code as they are saved.",
      "The URL is the first line of the output. The notebook is only read (no lock), so the window"
          + " or another command can keep writing; what they save reaches viewers within a"
          + " second. Ctrl+C stops."
    })
final class ShareCommand implements Callable<Integer> {
  /** How often the notebook is asked whether the talk changed. */
  static final Duration POLL = Duration.ofMillis(200);

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TALK", description = "The talk's id or part of its title.")
  String talk;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "0",
      description = "The port to listen on (default: a free one).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "localhost",
      description = {
        "Who can follow: localhost (this computer only, the default), network (the first network"
            + " address of this computer: anyone on that network), or one of this computer's"
            + " addresses."
      })
  String bind;

  @Option(
      names = "--max-viewers",
      paramLabel = "N",
      defaultValue = "" + ShareOptions.DEFAULT_MAX_VIEWERS,
      description = "At most this many viewers at once (default: ${DEFAULT-VALUE}).")
  int maxViewers;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (maxViewers < 1) {
      err.println("talkbook: --max-viewers must be at least 1.");
      return 2;
    }
    if (port < 0 || port > 65535) {
      err.println("talkbook: --port must be between 0 (any free port) and 65535.");
      return 2;
    }
    ShareOptions options =
        ShareOptions.loopback()
            .withBind(NetworkAddresses.parse(bind))
            .withPort(port)
            .withMaxViewers(maxViewers)
            .withPerAddressCapForBind();
    TalkbookCommand root = TalkbookCommand.of(spec);
    // Ctrl+C and SIGTERM interrupt this thread, which stops sharing and closes the notebook; the
    // JVM ends once that is done.
    Thread worker = Thread.currentThread();
    CountDownLatch finished = new CountDownLatch(1);
    Thread onSignal =
        new Thread(
            () -> {
              worker.interrupt();
              try {
                finished.await(3, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "talkbook-share-stop");
    Runtime.getRuntime().addShutdownHook(onSignal);
    // Read-only: no lock, nothing written, beside a running window.
    try (Notebook notebook = root.openToFollow()) {
      Talk t = Refs.talk(notebook, talk);
      dev.talkbook.core.notebook.Event event = notebook.events().get(t.eventId());
      ShareSession session =
          ShareSession.start(
              options, new MarkdownRenderer(), TalkFiles.of(notebook), SharedTalk.of(t, event));
      try {
        out.println(session.url());
        out.flush();
        err.println(
            "Sharing \""
                + t.title()
                + "\" with "
                + session.reach()
                + ". Whoever has the URL can follow; what is saved reaches them within a second."
                + " Ctrl+C stops.");
        err.flush();
        return watch(notebook, t.id(), session, err);
      } finally {
        session.stop();
      }
    } finally {
      err.flush();
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is ending (Ctrl+C): the hook is running, and now lets it end
      }
    }
  }

  /** Follows the saved talk until Ctrl+C (or the thread is interrupted), or the talk is deleted. */
  private int watch(Notebook notebook, long talkId, ShareSession session, PrintWriter err) {
    AtomicInteger shownViewers = new AtomicInteger(-1);
    session.onViewers(
        n -> {
          if (shownViewers.getAndSet(n) != n) {
            err.println(Counts.of(n, "viewer"));
            err.flush();
          }
        });
    SavedTalkWatch.End end =
        new SavedTalkWatch(
                notebook,
                talkId,
                session,
                POLL,
                problem -> {
                  err.println(
                      problem.isEmpty()
                          ? "The notebook can be read again."
                          : problem + " Still trying.");
                  err.flush();
                })
            .run();
    Thread.interrupted(); // the stop request is handled: stop without it
    session.stop();
    if (end == SavedTalkWatch.End.DELETED) {
      err.println("The talk was deleted from the notebook; sharing stopped.");
      return TalkbookCommand.USER_ERROR;
    }
    err.println("Sharing stopped.");
    return 0;
  }
}
