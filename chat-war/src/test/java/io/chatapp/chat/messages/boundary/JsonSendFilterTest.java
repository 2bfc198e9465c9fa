package io.chatapp.chat.messages.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonSendFilterTest {

  @Test
  void servesJsonWhateverItsParametersAndCase() {
    assertThat(JsonSendFilter.isJson("application/json")).isTrue();
    assertThat(JsonSendFilter.isJson("Application/JSON; charset=UTF-8")).isTrue();
    assertThat(JsonSendFilter.isJson(" application/json ;charset=utf-8")).isTrue();
  }

  @Test
  void leavesEveryOtherBodyToTheResource() {
    assertThat(JsonSendFilter.isJson(null)).isFalse();
    assertThat(JsonSendFilter.isJson("multipart/form-data; boundary=x")).isFalse();
    assertThat(JsonSendFilter.isJson("text/plain")).isFalse();
    assertThat(JsonSendFilter.isJson("application/json-patch+json")).isFalse();
  }

  @Test
  void servesClientsThatTakeJsonBack() {
    assertThat(JsonSendFilter.acceptsJson(null)).isTrue();
    assertThat(JsonSendFilter.acceptsJson("")).isTrue();
    assertThat(JsonSendFilter.acceptsJson("*/*")).isTrue();
    assertThat(JsonSendFilter.acceptsJson("application/json, text/plain")).isTrue();
    assertThat(JsonSendFilter.acceptsJson("Application/*;q=0.5")).isTrue();
    assertThat(JsonSendFilter.acceptsJson("text/html")).isFalse();
  }
}
