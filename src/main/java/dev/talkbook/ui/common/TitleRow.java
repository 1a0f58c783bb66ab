package dev.talkbook.ui.common;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;

/**
 * A list row's title and, after it on the same baseline, a muted detail (a talk's speakers, an
 * event's date); optionally a lead before the title (a talk's time in a timetable), always whole,
 * in a column as wide as the lead's {@code widest} text so that titles under each other line up.
 * Short of room, the detail gives way first and the title is cut only once the detail is gone: a
 * row no longer reads "Virtual threads in p… Ma…". A detail with less room than {@link
 * #DETAIL_LEAST} px is not shown at all (a name cut to two letters says nothing); a detail that
 * says nothing cut, a date, is shown whole or not at all, and kept before the title's end ({@link
 * #wholeDetail}).
 *
 * <p>A place ({@link #place}) may follow the lead, before the title: a talk's room in a timetable.
 * It never gives way to the title or the detail (it is what tells parallel talks apart): the detail
 * goes first, then the title is cut; the place is cut only in a row narrower than the place.
 */
public final class TitleRow extends Region {
  /** The gap between the title and the detail, px. */
  private static final double GAP = 8;

  /** The least room a cut detail is shown in, px. */
  private static final double DETAIL_LEAST = 48;

  /**
   * The least room a title is cut to so that a whole detail ({@link #wholeDetail}) stays beside it,
   * px: about "Java User…"; narrower, the title has the row alone.
   */
  static final double TITLE_LEAST = 72;

  /**
   * The least room a title keeps beside the place's column ({@link #place}), px: about "Talk...";
   * narrower, the column narrows to the place's own width (the titles no longer line up) and then
   * the title is cut further, the whole title in the row's tooltip.
   */
  static final double BESIDE_PLACE = 40;

  private final Label lead;
  private final double leadWidth;
  private final Label title;
  private final Label detail;

  public TitleRow(Label title, Label detail) {
    this(null, null, title, detail);
  }

  /**
   * A row led by {@code lead} (null: none) in a column as wide as {@code widest} drawn in the
   * lead's font.
   */
  public TitleRow(Label lead, String widest, Label title, Label detail) {
    this.lead = lead;
    this.leadWidth = lead == null ? 0 : Math.ceil(TextWidth.of(widest, lead.getFont())) + GAP;
    this.title = title;
    this.detail = detail;
    if (lead != null) {
      getChildren().add(lead);
    }
    getChildren().addAll(title, detail);
  }

  private Label place;
  private List<String> placesAlike = List.of();
  private Font placeFont;
  private double placeColumn;

  /**
   * {@code place} (a talk's room) after the lead, before the title, in a column as wide as the
   * widest of {@code alike} (the rooms of the rows around it, so that their titles line up) drawn
   * in the place's font. It never gives way to the title or the detail.
   */
  public TitleRow place(Label place, List<String> alike) {
    if (this.place != null) {
      getChildren().remove(this.place);
    }
    this.place = place;
    this.placesAlike = List.copyOf(alike);
    this.placeFont = null;
    getChildren().add(lead == null ? 0 : 1, place);
    requestLayout();
    return this;
  }

  /** The place's column with the gap after it, px: 0 without a place. */
  private double placeRoom() {
    if (place == null) {
      return 0;
    }
    if (!place.getFont().equals(placeFont)) { // measured again once the style sets the font
      placeFont = place.getFont();
      double widest = 0;
      for (String alike : placesAlike) {
        widest = Math.max(widest, TextWidth.of(alike, placeFont));
      }
      placeColumn = Math.ceil(widest);
    }
    double own = place.getText() == null || place.getText().isEmpty() ? 0 : place.prefWidth(-1);
    double column = Math.max(placeColumn, own);
    return column == 0 ? 0 : column + GAP;
  }

  /** Whether the detail is shown whole or not at all. */
  private boolean wholeDetail;

  /**
   * The detail is shown whole or not at all: an event's date cut to "2026-1…" said nothing. It is
   * kept before the title's end: the title is cut to make room for it, down to {@link
   * #TITLE_LEAST}; a long event title ("Java User Group January") hid its date.
   */
  public TitleRow wholeDetail() {
    wholeDetail = true;
    requestLayout();
    return this;
  }

  private double leadRoom() {
    return lead == null ? 0 : Math.max(leadWidth, lead.prefWidth(-1) + GAP);
  }

  @Override
  protected double computeMinWidth(double height) {
    return 0; // the row is cut to the cell, never widens the list
  }

  @Override
  protected double computePrefWidth(double height) {
    Insets in = getInsets();
    double detailWidth = hasDetail() ? GAP + detail.prefWidth(-1) : 0;
    return in.getLeft()
        + leadRoom()
        + placeRoom()
        + title.prefWidth(-1)
        + detailWidth
        + in.getRight();
  }

  @Override
  protected double computePrefHeight(double width) {
    Insets in = getInsets();
    double top = Math.max(title.getBaselineOffset(), detail.getBaselineOffset());
    double below =
        Math.max(
            title.prefHeight(-1) - title.getBaselineOffset(),
            detail.prefHeight(-1) - detail.getBaselineOffset());
    return in.getTop() + top + below + in.getBottom();
  }

  @Override
  public double getBaselineOffset() {
    return getInsets().getTop() + Math.max(title.getBaselineOffset(), detail.getBaselineOffset());
  }

  private boolean hasDetail() {
    return detail.getText() != null && !detail.getText().isEmpty();
  }

  @Override
  protected void layoutChildren() {
    Insets in = getInsets();
    double x = in.getLeft();
    double y = in.getTop();
    if (lead != null) {
      double baselineOfAll = Math.max(title.getBaselineOffset(), detail.getBaselineOffset());
      layoutInArea(
          lead,
          x,
          y,
          lead.prefWidth(-1),
          Math.max(0, getHeight() - in.getTop() - in.getBottom()),
          baselineOfAll,
          HPos.LEFT,
          VPos.BASELINE);
      x += leadRoom();
    }
    double width = Math.max(0, getWidth() - (x - in.getLeft()) - in.getLeft() - in.getRight());
    double height = Math.max(0, getHeight() - in.getTop() - in.getBottom());
    double baseline = Math.max(title.getBaselineOffset(), detail.getBaselineOffset());
    if (place != null) {
      // The place whole before the title, which is cut to make room for it. The place's column
      // (as wide as the widest place around it) narrows first, down to the place's own width,
      // while the title keeps BESIDE_PLACE; the place itself is cut only in a row narrower than it.
      double own = place.getText() == null || place.getText().isEmpty() ? 0 : place.prefWidth(-1);
      double kept =
          Math.min(width, Math.min(placeRoom(), Math.max(own + GAP, width - BESIDE_PLACE)));
      layoutInArea(
          place,
          x,
          y,
          Math.max(0, Math.min(place.prefWidth(-1), kept - GAP)),
          height,
          baseline,
          HPos.LEFT,
          VPos.BASELINE);
      x += kept;
      width = Math.max(0, width - kept);
    }
    double detailWhole = hasDetail() ? detail.prefWidth(-1) : 0;
    double titleWidth = Math.min(title.prefWidth(-1), width);
    if (wholeDetail && hasDetail()) {
      // The title gives way to the whole detail, as long as it keeps some room of its own.
      double besideDetail = width - detailWhole - GAP;
      if (besideDetail >= Math.min(TITLE_LEAST, title.prefWidth(-1))) {
        titleWidth = Math.min(titleWidth, Math.floor(besideDetail));
      }
    }
    double room = width - titleWidth - GAP;
    boolean showDetail =
        hasDetail() && (room >= detailWhole || (!wholeDetail && room >= DETAIL_LEAST));
    detail.setVisible(showDetail);
    layoutInArea(title, x, y, titleWidth, height, baseline, HPos.LEFT, VPos.BASELINE);
    if (showDetail) {
      double detailWidth = Math.min(detailWhole, room);
      layoutInArea(
          detail, x + titleWidth + GAP, y, detailWidth, height, baseline, HPos.LEFT, VPos.BASELINE);
    }
  }
}
