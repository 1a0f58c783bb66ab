package dev.talkbook.ui.navigator;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.TalkSummary;

/** What a navigator row shows: an event or one of its talks. */
public sealed interface NavNode {
  String label();

  /** An event row. */
  record EventNode(Event event) implements NavNode {
    @Override
    public String label() {
      return event.title();
    }
  }

  /** A talk row. */
  record TalkNode(TalkSummary talk) implements NavNode {
    @Override
    public String label() {
      return talk.title();
    }
  }
}
