package io.chatapp.chat.chats.entity;

import java.util.List;

/**
 * The texts of a group's system messages ("Alice added Bob and Carol"), from display names. A long
 * list names the first few and counts the rest, so the text stays a message's size.
 */
public final class SystemTexts {

  /** Names spelt out in one text; the rest are counted. */
  static final int NAMED = 5;

  private SystemTexts() {}

  public static String created(String actor, GroupName name, List<String> members) {
    return actor + " created \u201C" + name.value() + "\u201D with " + list(members);
  }

  public static String added(String actor, List<String> added) {
    return actor + " added " + list(added);
  }

  public static String left(String member) {
    return member + " left";
  }

  public static String removed(String actor, String member) {
    return actor + " removed " + member;
  }

  public static String nowAdmin(String text, String admin) {
    return text + "; " + admin + " is now an admin";
  }

  public static String renamed(String actor, GroupName name) {
    return actor + " renamed the group to \u201C" + name.value() + "\u201D";
  }

  /** "Bob", "Bob and Carol", "Bob, Carol and Dan", "Bob, …, Fay and 3 others". */
  static String list(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    if (names.size() <= NAMED) {
      return String.join(", ", names.subList(0, names.size() - 1))
          + " and "
          + names.get(names.size() - 1);
    }
    int rest = names.size() - NAMED;
    return String.join(", ", names.subList(0, NAMED))
        + " and "
        + rest
        + (rest == 1 ? " other" : " others");
  }
}
