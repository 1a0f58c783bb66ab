package dev.talkbook.ui.common;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
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
 * says nothing cut, a date, is shown whole or not at all, in the longest of its forms that fits
 * beside the whole title ({@link #wholeDetail}): the title is what the user looks for.
 *
 * <p>A place ({@link #place}) may follow the lead, before the title: a talk's room in a timetable.
 * It never gives way to the title or the detail (it is what tells parallel talks apart): the detail
 * goes first, then the title is cut; the place is cut only in a row narrower than the place.
 *
 * <p>A row that {@link #wraps} and does not fit on one line takes a second: the lead and the title
 * on the first (the title cut only when it is wider than that whole line), the place and the detail
 * under the title on the second (a row with neither stays one line). At 215 px a timetable's row
 * read "09:00 Saal 1 Talk …".
 *
 * <p>A lead may have a shorter form ({@link #shortLead}: a talk's start for its span), taken where
 * the full one would leave the title less than {@link #TITLE_BESIDE_LEAD}.
 */
public final class TitleRow extends Region {
  /** The gap between the title and the detail, px. */
  private static final double GAP = 8;

  /** The least room a cut detail is shown in, px. */
  private static final double DETAIL_LEAST = 48;

  /**
   * The least room a title keeps beside the place's column ({@link #place}), px: about "Talk...";
   * narrower, the column narrows to the place's own width (the titles no longer line up) and then
   * the title is cut further, the whole title in the row's tooltip.
   */
  static final double BESIDE_PLACE = 40;

  /** The space between a wrapped row's two lines, px. */
  private static final double LINE_GAP = 1;

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

  /** The detail's forms, longest first (its own text, then the shorter ones); empty: its text. */
  private List<String> detailForms = List.of();

  /**
   * The detail is shown whole or not at all: an event's date cut to "2026-1…" said nothing. The
   * title wins: the detail shows in the longest of its text and its {@code shorter} forms (longest
   * first: "8 Dec 2026" for "Tuesday, 8 December 2026") that fits beside the whole title; where
   * none does, it goes on a second line in a row that {@link #wraps}, else it is not shown (the
   * row's tooltip has it). An event's title cut to "JavaDay ..." to keep a long weekday date beside
   * it hid what the user looked for (tester11a).
   */
  public TitleRow wholeDetail(String... shorter) {
    wholeDetail = true;
    List<String> forms = new java.util.ArrayList<>();
    forms.add(detail.getText() == null ? "" : detail.getText());
    forms.addAll(List.of(shorter));
    detailForms = List.copyOf(forms);
    requestLayout();
    return this;
  }

  /** The detail's forms, longest first. */
  private List<String> forms() {
    return detailForms.isEmpty()
        ? List.of(detail.getText() == null ? "" : detail.getText())
        : detailForms;
  }

  /** How wide the detail is showing {@code form}, px. */
  private double widthOf(String form) {
    String now = detail.getText() == null ? "" : detail.getText();
    double around = detail.prefWidth(-1) - TextWidth.of(now, detail.getFont());
    return Math.ceil(TextWidth.of(form, detail.getFont()) + around);
  }

  /** The detail's longest form at most {@code room} px wide, else null. */
  private String formIn(double room) {
    for (String form : forms()) {
      if (widthOf(form) <= room + 0.5) {
        return form;
      }
    }
    return null;
  }

  /** How wide the detail is in its shortest form, with the gap before it; 0 without a detail. */
  private double leastDetailRoom() {
    if (!hasDetail()) {
      return 0;
    }
    List<String> forms = forms();
    return GAP + (wholeDetail ? widthOf(forms.get(forms.size() - 1)) : detail.prefWidth(-1));
  }

  /**
   * Whether the detail is shown in {@code room} px, shown or hidden so: a whole detail in the
   * longest of its forms that fits, another whole or cut to at least {@link #DETAIL_LEAST}.
   */
  private boolean detailIn(double room) {
    boolean shown;
    if (wholeDetail) {
      String form = hasDetail() ? formIn(room) : null;
      shown = form != null;
      if (shown) {
        showForm(form);
      }
    } else {
      shown = hasDetail() && (room >= detail.prefWidth(-1) || room >= DETAIL_LEAST);
    }
    detail.setVisible(shown);
    return shown;
  }

  /** Shows {@code form} in the detail (its text changed only when it differs). */
  private void showForm(String form) {
    if (!form.equals(detail.getText())) {
      detail.setText(form);
    }
  }

  /** Whether a row that does not fit on one line takes a second ({@link #wraps}). */
  private boolean wraps;

  /** How much narrower the row is laid out than the width its height is asked for, px. */
  private double outside;

  /**
   * A row that does not fit on one line takes a second: the place and the detail go under the
   * title. Its height follows its width ({@link #computePrefHeight}); {@code outside} is how much
   * narrower than the width its height is asked for the row is laid out (a tree cell asks its
   * graphic's height for the cell's width, then lays it out after its indentation and arrow).
   */
  public TitleRow wraps(double outside) {
    this.wraps = true;
    this.outside = Math.max(0, outside);
    requestLayout();
    return this;
  }

  /** How much narrower it is laid out than the width its height is asked for ({@link #wraps}). */
  public double outside() {
    return outside;
  }

  /**
   * Whether this row is drawn on two lines when {@code width} px wide. A row with nothing for the
   * second line (no detail, no place: a talk without speakers or room) stays one line, its title
   * cut: a row two lines high with the second empty halved what the list showed (tester14a).
   */
  public boolean twoLinesAt(double width) {
    boolean placed = place != null && !isEmpty(place);
    if (!wraps || (!placed && !hasDetail())) {
      return false;
    }
    Insets in = getInsets();
    double own = placed ? place.prefWidth(-1) + GAP : 0;
    double all =
        in.getLeft()
            + leadRoom(width)
            + own
            + title.prefWidth(-1)
            + leastDetailRoom()
            + in.getRight();
    return all > width + 0.5;
  }

  private static boolean isEmpty(Label label) {
    return label.getText() == null || label.getText().isEmpty();
  }

  /** The lead's full text and its shorter form ({@link #shortLead}); null: none. */
  private String fullLead;

  private String shortLead;

  /** The shorter form's column, px, with the gap after it. */
  private double shortLeadWidth;

  /**
   * The least room the title keeps beside the lead's full form before the lead takes its shorter
   * one ({@link #shortLead}), px: about twenty letters. At the navigator's first width a talk's
   * "09:00–09:45" left "Opening ke…" of its title.
   */
  static final double TITLE_BESIDE_LEAD = 160;

  /**
   * {@code shorter}, a shorter form of the lead (a talk's start "09:00" for its "09:00–09:45"), in
   * a column as wide as {@code widest}: the lead takes it where its full form would leave the title
   * less than {@link #TITLE_BESIDE_LEAD}. The choice follows the row's width alone, so rows of one
   * width (a list's) all take the same form and their titles line up.
   */
  public TitleRow shortLead(String shorter, String widest) {
    if (lead != null) {
      fullLead = lead.getText();
      shortLead = shorter;
      shortLeadWidth = Math.ceil(TextWidth.of(widest, lead.getFont())) + GAP;
      requestLayout();
    }
    return this;
  }

  /** Whether the lead takes its shorter form in a row {@code width} px wide. */
  private boolean shortLeadAt(double width) {
    Insets in = getInsets();
    return shortLead != null
        && width - in.getLeft() - in.getRight() - Math.max(leadWidth, textRoom(fullLead))
            < TITLE_BESIDE_LEAD;
  }

  /** The lead's room showing {@code text}: its width with the label's padding and the gap. */
  private double textRoom(String text) {
    String now = lead.getText() == null ? "" : lead.getText();
    double around = lead.prefWidth(-1) - TextWidth.of(now, lead.getFont());
    return Math.ceil(TextWidth.of(text, lead.getFont()) + around) + GAP;
  }

  /** The lead's column in a row {@code width} px wide, with the gap after it; 0 without a lead. */
  private double leadRoom(double width) {
    if (lead == null) {
      return 0;
    }
    if (shortLead == null) {
      return Math.max(leadWidth, lead.prefWidth(-1) + GAP);
    }
    return shortLeadAt(width)
        ? Math.max(shortLeadWidth, textRoom(shortLead))
        : Math.max(leadWidth, textRoom(fullLead));
  }

  /** Shows the lead's form for the row's width (its text changed only when it differs). */
  private void showLead() {
    if (shortLead != null) {
      String form = shortLeadAt(getWidth()) ? shortLead : fullLead;
      if (!form.equals(lead.getText())) {
        lead.setText(form);
      }
    }
  }

  @Override
  protected double computeMinWidth(double height) {
    return 0; // the row is cut to the cell, never widens the list
  }

  @Override
  protected double computePrefWidth(double height) {
    Insets in = getInsets();
    double detailWidth = hasDetail() ? GAP + widthOf(forms().get(0)) : 0;
    return in.getLeft()
        + leadRoom(Double.MAX_VALUE)
        + placeRoom()
        + title.prefWidth(-1)
        + detailWidth
        + in.getRight();
  }

  @Override
  public Orientation getContentBias() {
    return wraps ? Orientation.HORIZONTAL : super.getContentBias();
  }

  @Override
  protected double computePrefHeight(double width) {
    if (width >= 0 && twoLinesAt(width - outside)) {
      return twoLineHeight();
    }
    return oneLineHeight();
  }

  private double oneLineHeight() {
    Insets in = getInsets();
    double top = Math.max(title.getBaselineOffset(), detail.getBaselineOffset());
    double below =
        Math.max(
            title.prefHeight(-1) - title.getBaselineOffset(),
            detail.prefHeight(-1) - detail.getBaselineOffset());
    return in.getTop() + top + below + in.getBottom();
  }

  /** The height of the first line: the lead and the title. */
  private double firstLine() {
    double top = title.getBaselineOffset();
    double below = title.prefHeight(-1) - title.getBaselineOffset();
    if (lead != null) {
      top = Math.max(top, lead.getBaselineOffset());
      below = Math.max(below, lead.prefHeight(-1) - lead.getBaselineOffset());
    }
    return top + below;
  }

  /** The height of the second line: the place and the detail. */
  private double secondLine() {
    double top = detail.getBaselineOffset();
    double below = detail.prefHeight(-1) - detail.getBaselineOffset();
    if (place != null) {
      top = Math.max(top, place.getBaselineOffset());
      below = Math.max(below, place.prefHeight(-1) - place.getBaselineOffset());
    }
    return top + below;
  }

  private double twoLineHeight() {
    Insets in = getInsets();
    return in.getTop() + firstLine() + LINE_GAP + secondLine() + in.getBottom();
  }

  @Override
  public double getBaselineOffset() {
    return getInsets().getTop() + Math.max(title.getBaselineOffset(), detail.getBaselineOffset());
  }

  private boolean hasDetail() {
    return !forms().get(0).isEmpty();
  }

  @Override
  protected void layoutChildren() {
    showLead();
    if (twoLinesAt(getWidth()) && getHeight() >= twoLineHeight() - 0.5) {
      layoutTwoLines();
      return;
    }
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
      x += leadRoom(getWidth());
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
      if (wraps) {
        // A row that wraps is on one line only when all of it fits: in the column when it fits
        // there too, else with the column narrowed to the place.
        double rest = width - title.prefWidth(-1) - leastDetailRoom();
        kept = Math.min(width, rest >= placeRoom() ? placeRoom() : own + GAP);
      }
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
    double titleWidth = Math.min(title.prefWidth(-1), width);
    double room = width - titleWidth - GAP;
    boolean showDetail = detailIn(room);
    layoutInArea(title, x, y, titleWidth, height, baseline, HPos.LEFT, VPos.BASELINE);
    if (showDetail) {
      double detailWidth = Math.min(detail.prefWidth(-1), room);
      layoutInArea(
          detail, x + titleWidth + GAP, y, detailWidth, height, baseline, HPos.LEFT, VPos.BASELINE);
    }
  }

  /**
   * The lead and the title on the first line, the title cut only at that line's end; the place and
   * the detail on the second, under the title, the place whole unless wider than the line, the
   * detail cut or (with less room than {@link #DETAIL_LEAST}) not shown.
   */
  private void layoutTwoLines() {
    Insets in = getInsets();
    double x = in.getLeft();
    double y = in.getTop();
    double first = firstLine();
    double firstBaseline =
        Math.max(title.getBaselineOffset(), lead == null ? 0 : lead.getBaselineOffset());
    if (lead != null) {
      layoutInArea(lead, x, y, lead.prefWidth(-1), first, firstBaseline, HPos.LEFT, VPos.BASELINE);
      x += leadRoom(getWidth());
    }
    double width = Math.max(0, getWidth() - x - in.getRight());
    layoutInArea(
        title,
        x,
        y,
        Math.min(title.prefWidth(-1), width),
        first,
        firstBaseline,
        HPos.LEFT,
        VPos.BASELINE);
    double y2 = y + first + LINE_GAP;
    double second = secondLine();
    double secondBaseline =
        Math.max(detail.getBaselineOffset(), place == null ? 0 : place.getBaselineOffset());
    double x2 = x;
    double room = width;
    if (place != null && !isEmpty(place)) {
      double placeWidth = Math.min(place.prefWidth(-1), room);
      layoutInArea(place, x2, y2, placeWidth, second, secondBaseline, HPos.LEFT, VPos.BASELINE);
      x2 += placeWidth + GAP;
      room = Math.max(0, room - placeWidth - GAP);
    }
    boolean showDetail = detailIn(room);
    if (showDetail) {
      layoutInArea(
          detail,
          x2,
          y2,
          Math.min(detail.prefWidth(-1), room),
          second,
          secondBaseline,
          HPos.LEFT,
          VPos.BASELINE);
    }
  }
}
