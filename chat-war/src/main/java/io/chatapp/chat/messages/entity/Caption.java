package io.chatapp.chat.messages.entity;

/**
 * The optional text of an image message: as a {@link MessageText}, but 0 to 4,000 characters, empty
 * when absent.
 */
public record Caption(String value) {

  public Caption {
    value = value == null ? "" : MessageText.clean(value);
  }
}
