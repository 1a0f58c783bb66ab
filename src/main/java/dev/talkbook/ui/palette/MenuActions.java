package dev.talkbook.ui.palette;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The window's menus as command palette entries: each item with its menu path ("View › Theme"), its
 * shortcut, its state (on, off, chosen) and the words set on it with {@link #words}.
 */
public final class MenuActions {
  /** The key in a menu item's properties for the words that find it in the palette. */
  private static final String WORDS = "talkbook.palette.words";

  private MenuActions() {}

  /** The words set on {@code item} with {@link #words}; empty when none. */
  public static String wordsOf(MenuItem item) {
    Object words = item.getProperties().get(WORDS);
    return words == null ? "" : words.toString();
  }

  /** Gives {@code item} words a user would type to find it ("jshell", "appearance"). */
  public static <M extends MenuItem> M words(M item, String words) {
    item.getProperties().put(WORDS, words);
    return item;
  }

  /** Every enabled action of {@code menus}, in menu order. */
  public static List<PaletteEntry<MenuItem>> entries(List<Menu> menus) {
    List<PaletteEntry<MenuItem>> out = new ArrayList<>();
    visit(
        menus,
        (path, item) -> {
          if (item.isDisable() || !item.isVisible()) {
            return;
          }
          String note = path;
          if (item instanceof RadioMenuItem r) {
            note += r.isSelected() ? " · chosen" : "";
          } else if (item instanceof CheckMenuItem c) {
            note += c.isSelected() ? " · on" : " · off";
          }
          out.add(
              new PaletteEntry<>(
                  item,
                  label(item),
                  note,
                  item.getAccelerator() == null ? "" : item.getAccelerator().getDisplayText(),
                  wordsOf(item)));
        });
    return out;
  }

  /**
   * Every item of {@code menus} that says what it does (no separators, no sub-menus themselves), in
   * menu order, with its menu path: "View", "View › Theme".
   */
  public static void visit(List<Menu> menus, BiConsumer<String, MenuItem> action) {
    for (Menu menu : menus) {
      visit(menu, plain(menu.getText()), action);
    }
  }

  private static void visit(Menu menu, String path, BiConsumer<String, MenuItem> action) {
    for (MenuItem item : menu.getItems()) {
      if (item instanceof Menu sub) {
        visit(sub, path + " \u203a " + plain(sub.getText()), action);
      } else if (!(item instanceof SeparatorMenuItem) && item.getText() != null) {
        action.accept(path, item);
      }
    }
  }

  /** A menu's title without its mnemonic mark: "_View" is "View". */
  private static String plain(String text) {
    return text == null ? "" : withoutMark(text);
  }

  /**
   * What {@code item} shows, without the mark of its underlined letter: "Cu_t" is "Cut" ("__" is an
   * underscore shown). Text shown as it is (no mnemonic parsing) is returned whole.
   */
  public static String label(MenuItem item) {
    String text = item.getText();
    if (text == null) {
      return "";
    }
    return item.isMnemonicParsing() ? withoutMark(text) : text;
  }

  private static String withoutMark(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_' && i + 1 < text.length()) {
        i++;
        out.append(text.charAt(i)); // "_t" is t, "__" an underscore
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
