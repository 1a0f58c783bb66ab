package dev.talkbook.core.notebook;

import java.util.List;

/** A deleted event with everything its talks took with them, so the deletion can be undone. */
public record DeletedEvent(Event event, List<DeletedTalk> talks) {
  public DeletedEvent {
    talks = List.copyOf(talks);
  }
}
