package dev.talkbook.core.notebook;

import java.time.LocalDate;
import java.util.Optional;

/** An event in the notebook: a conference, a meetup. Dates, location and URL are optional. */
public record Event(
    long id, String title, LocalDate startDate, LocalDate endDate, String location, String url) {

  public Optional<LocalDate> start() {
    return Optional.ofNullable(startDate);
  }

  public Optional<LocalDate> end() {
    return Optional.ofNullable(endDate);
  }

  /** The editable fields of an event, validated on construction. */
  public record Details(
      String title, LocalDate startDate, LocalDate endDate, String location, String url) {
    public Details {
      title = Fields.requireTitle(title, "An event");
      if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
        throw new NotebookException(
            "The event ends (" + endDate + ") before it starts (" + startDate + ").");
      }
      location = Fields.optionalLine(location, "The location");
      url = Fields.webUrl(url, "Event URL");
    }

    public static Details titled(String title) {
      return new Details(title, null, null, null, null);
    }
  }

  public Details details() {
    return new Details(title, startDate, endDate, location, url);
  }
}
