package dev.talkbook.ui.navigator;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.TalkSummary;
import java.time.LocalDate;

/** What a navigator row shows: an event, a day of its programme, or one of its talks. */
public sealed interface NavNode {
  String label();

  /** An event row. */
  record EventNode(Event event) implements NavNode {
    @Override
    public String label() {
      return event.title();
    }
  }

  /**
   * A day of an event's programme, over its talks on that day: shown only when the event's talks
   * span more than one day. {@code date} is null for the talks without a time ("No time"). Not a
   * talk: what needs one (rename, delete, star) is greyed on it.
   */
  record DayNode(long eventId, LocalDate date, String label, int talks) implements NavNode {
    /** The row of the talks that have no time. */
    public static final String NO_TIME = "No time";
  }

  /** A talk row. */
  record TalkNode(TalkSummary talk) implements NavNode {
    @Override
    public String label() {
      return talk.title();
    }
  }
}
