package dev.talkbook.ui.common;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * When typing is saved, for the notes and the talk's details alike: {@link #DELAY} after a pause,
 * and while typing goes on without one, at the latest {@link #MAX_WAIT} after the first change not
 * yet saved, so a crash loses at most about that much typing. Any thread: a save may start on
 * another than the one typing.
 */
public final class SaveWait {
  /** How long after a pause in typing it is saved. */
  public static final Duration DELAY = Duration.ofMillis(400);

  /** The longest a change stays unsaved while typing goes on without a pause. */
  public static final Duration MAX_WAIT = Duration.ofMillis(500);

  private static final long NONE = Long.MIN_VALUE;

  private final LongSupplier nanoTime;

  /** When the first change not yet being saved came, or {@link #NONE}. */
  private final AtomicLong firstUnsaved = new AtomicLong(NONE);

  public SaveWait() {
    this(System::nanoTime);
  }

  SaveWait(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * A change now: how long until it is to be saved, in nanoseconds ({@link #DELAY}, less when the
   * first unsaved change came over {@code MAX_WAIT - DELAY} ago; 0: at once).
   */
  public long changed() {
    long now = nanoTime.getAsLong();
    long first = firstUnsaved.updateAndGet(f -> f == NONE ? now : f);
    long left = MAX_WAIT.toNanos() - (now - first);
    return Math.max(0, Math.min(DELAY.toNanos(), left));
  }

  /** Whether a wait {@link #changed} gave is cut short by {@link #MAX_WAIT}: no pause yet. */
  public static boolean beforePause(long waitNanos) {
    return waitNanos < DELAY.toNanos();
  }

  /**
   * A save of every change so far starts (or nothing is left unsaved): the next change starts a new
   * wait.
   */
  public void saving() {
    firstUnsaved.set(NONE);
  }
}
