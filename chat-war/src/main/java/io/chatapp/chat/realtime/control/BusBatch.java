package io.chatapp.chat.realtime.control;

import static io.chatapp.platform.json.JsonSupport.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * What one publish on the {@link RealtimeBus}' channel carries: the instance that published it (its
 * own sockets get the frames from it directly), then records, one a line, each a small JSON header
 * (whom it is for, a receipt, or an order to the instances) and, after a tab, the text of the frame
 * it carries, if any, as it will go to the sockets. An empty origin is a batch every instance acts
 * on, its publisher too.
 *
 * <p>The frame's text travels as it is, not as a string inside the header: escaped into a JSON
 * string at each publish and unescaped from it at each instance, it was about two thirds of the
 * bus' JSON work (chat-war's JFR at 1,000 msg/s). JSON text, as {@link
 * io.chatapp.chat.realtime.entity.Frame#toText} writes it, never holds a raw tab or line break
 * (inside strings they are escaped), so neither can end a header or a frame early. The format is
 * new with the channel's name ({@link RealtimeBus#CHANNEL}): instances of builds before it publish
 * on another channel, and the two do not hear each other.
 */
record BusBatch(String origin, List<Item> items) {

  /** One record: its header, and the frame's text ({@code null} for an order to the instances). */
  record Item(JsonObject header, String frame) {

    static Item order(JsonObject header) {
      return new Item(header, null);
    }
  }

  BusBatch {
    if (origin.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("An origin is one line");
    }
    items = List.copyOf(items);
  }

  /** A batch for every instance, its publisher too. */
  static BusBatch toAll(List<Item> items) {
    return new BusBatch("", items);
  }

  /** Whether {@code text} is a batch that {@code origin} published. */
  static boolean publishedBy(String origin, String text) {
    return !origin.isEmpty()
        && text.startsWith(origin)
        && text.length() > origin.length()
        && text.charAt(origin.length()) == '\n';
  }

  String toText() {
    StringBuilder text = new StringBuilder(origin).append('\n');
    for (Item item : items) {
      text.append(item.header());
      if (item.frame() != null) {
        text.append('\t').append(item.frame());
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** The batch in a published text; a {@link jakarta.json.JsonException} when it is not one. */
  static BusBatch parse(String text) {
    int first = text.indexOf('\n');
    if (first < 0) {
      throw new JsonException("Not a batch: no origin line");
    }
    List<Item> items = new ArrayList<>();
    for (int start = first + 1, end; start < text.length(); start = end + 1) {
      end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      int tab = text.indexOf('\t', start);
      boolean framed = tab >= 0 && tab < end;
      String header = text.substring(start, framed ? tab : end);
      JsonObject json = JSON.createReader(new StringReader(header)).readObject();
      items.add(new Item(json, framed ? text.substring(tab + 1, end) : null));
    }
    return new BusBatch(text.substring(0, first), items);
  }
}
