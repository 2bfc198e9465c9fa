package io.chatapp.frontend.chat.boundary;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.frontend.backend.control.Answer;
import jakarta.faces.context.FacesContext;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.function.Function;
import org.primefaces.PrimeFaces;

/**
 * What every remote command of the chat page does with its request and its answer: reads the
 * script's parameters, and hands the service's status and JSON back to the script tagged with the
 * script's call id ({@code ChatRpc.done} in {@code resources/js/chat/rpc.js}).
 */
final class RemoteCall {

  private RemoteCall() {}

  /** A parameter of the remote command, {@code ""} when absent. */
  static String param(String name) {
    String value =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    return value == null ? "" : value;
  }

  /** The script's comma-separated ids as a JSON array, blanks left out. */
  static JsonArrayBuilder ids(String name) {
    JsonArrayBuilder ids = JSON.createArrayBuilder();
    Arrays.stream(param(name).split(","))
        .map(String::trim)
        .filter(id -> !id.isEmpty())
        .forEach(ids::add);
    return ids;
  }

  static String json(Function<JsonObjectBuilder, JsonObjectBuilder> fields) {
    return fields.apply(JSON.createObjectBuilder()).build().toString();
  }

  static void reply(Answer answer) {
    PrimeFaces.Ajax ajax = PrimeFaces.current().ajax();
    ajax.addCallbackParam("callId", param("callId"));
    ajax.addCallbackParam("status", answer.status());
    ajax.addCallbackParam("body", answer.body());
  }
}
