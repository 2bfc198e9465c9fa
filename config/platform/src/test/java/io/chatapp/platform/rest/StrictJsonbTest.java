package io.chatapp.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ProcessingException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonbTest {

  public record Group(String name, List<String> userIds) {}

  private final Jsonb jsonb = new StrictJsonb().getContext(Group.class);

  @Test
  void bindsStringsAndLists() {
    Group group =
        jsonb.fromJson("{\"name\":\"Crew\",\"userIds\":[\"a\",\"b\"],\"x\":1}", Group.class);
    assertThat(group).isEqualTo(new Group("Crew", List.of("a", "b")));
    assertThat(jsonb.fromJson("{\"name\":null}", Group.class)).isEqualTo(new Group(null, null));
  }

  @Test
  void refusesWhatIsNotAStringNamingTheField() {
    assertThat(failure("{\"name\":5}")).contains("name has a value that is not a string");
    assertThat(failure("{\"name\":true}")).contains("name has a value that is not a string");
    assertThat(failure("{\"name\":{\"a\":1}}")).contains("name has a value that is not a string");
    assertThat(failure("{\"name\":[1]}")).contains("name has a value that is not a string");
    assertThat(failure("{\"name\":\"x\",\"userIds\":[\"a\",7]}"))
        .contains("userIds has a value that is not a string");
  }

  @Test
  void namesAFieldOfAnotherTypeAndTellsBrokenJsonFromAnotherShape() {
    assertThat(failure("{\"name\":\"x\",\"userIds\":\"abc\"}"))
        .contains("userIds has the wrong JSON type");
    assertThat(failure("[1]"))
        .contains("The request body must be a JSON object of the expected shape");
    assertThat(failure("{\"name\":")).contains("The request body is not valid JSON");
  }

  @Test
  void leavesOtherFailuresAlone() {
    assertThat(BindingFailure.describe(new ProcessingException("connection refused"))).isEmpty();
  }

  @Test
  void neverQuotesTheBody() {
    assertThat(failure("{\"name\":{\"secret-otp\":12345678}}")).doesNotContain("secret", "1234");
  }

  private String failure(String body) {
    Throwable thrown = catchThrowable(() -> jsonb.fromJson(body, Group.class));
    assertThat(thrown).as(body).isNotNull();
    return BindingFailure.describe(new ProcessingException(thrown)).orElseThrow();
  }
}
