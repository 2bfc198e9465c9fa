package io.chatapp.frontend.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Servlet requests and responses as a container hands them over, for the few methods the UI's
 * filter and servlets call; any other call fails the test, so nothing is answered by accident.
 */
public final class FakeHttp {

  private FakeHttp() {}

  /** A browser's request to the UI deployed under {@code contextPath}. */
  public static final class Request {
    String method = "GET";
    String contextPath = "";
    String servletPath = "/";
    String pathInfo;
    final Map<String, String> headers = new HashMap<>();
    final List<Cookie> cookies = new ArrayList<>();
    final Map<String, Object> attributes = new HashMap<>();

    public Request method(String method) {
      this.method = method;
      return this;
    }

    public Request contextPath(String contextPath) {
      this.contextPath = contextPath;
      return this;
    }

    public Request servletPath(String servletPath) {
      this.servletPath = servletPath;
      return this;
    }

    public Request pathInfo(String pathInfo) {
      this.pathInfo = pathInfo;
      return this;
    }

    public Request header(String name, String value) {
      headers.put(name.toLowerCase(), value);
      return this;
    }

    public Request cookie(String name, String value) {
      cookies.add(new Cookie(name, value));
      return this;
    }

    public HttpServletRequest build() {
      return (HttpServletRequest)
          Proxy.newProxyInstance(
              FakeHttp.class.getClassLoader(),
              new Class<?>[] {HttpServletRequest.class},
              (proxy, call, args) ->
                  switch (call.getName()) {
                    case "getMethod" -> method;
                    case "getContextPath" -> contextPath;
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getHeader" -> headers.get(((String) args[0]).toLowerCase());
                    case "getHeaders" -> {
                      String value = headers.get(((String) args[0]).toLowerCase());
                      yield Collections.enumeration(
                          value == null ? List.<String>of() : List.of(value));
                    }
                    case "getCookies" -> cookies.isEmpty() ? null : cookies.toArray(Cookie[]::new);
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "toString" -> method + " " + contextPath + servletPath;
                    default -> throw new UnsupportedOperationException(call.getName());
                  });
    }
  }

  /** What the UI answered. */
  public static final class Response {
    public int status = 200;
    public String redirect;
    public String contentType;
    public final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private PrintWriter writer;

    public String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(values.size() - 1);
    }

    public List<String> all(String name) {
      return headers.getOrDefault(name, List.of());
    }

    public String body() {
      if (writer != null) {
        writer.flush();
      }
      return body.toString(StandardCharsets.UTF_8);
    }

    public HttpServletResponse build() {
      ServletOutputStream out =
          new ServletOutputStream() {
            @Override
            public void write(int b) {
              body.write(b);
            }

            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              throw new UnsupportedOperationException();
            }
          };
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              FakeHttp.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, call, args) -> {
                switch (call.getName()) {
                  case "setStatus" -> status = (int) args[0];
                  case "sendRedirect" -> {
                    status = 302;
                    redirect = (String) args[0];
                  }
                  case "setHeader" ->
                      headers.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
                  case "addHeader" ->
                      headers
                          .computeIfAbsent((String) args[0], n -> new ArrayList<>())
                          .add((String) args[1]);
                  case "setContentType" -> contentType = (String) args[0];
                  case "setCharacterEncoding" -> {}
                  case "getOutputStream" -> {
                    return out;
                  }
                  case "getWriter" -> {
                    if (writer == null) {
                      writer =
                          new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
                    }
                    return writer;
                  }
                  default -> throw new UnsupportedOperationException(call.getName());
                }
                return null;
              });
    }
  }

  /** The rest of the filter chain: the page itself. */
  public static final class Chain implements FilterChain {
    public boolean called;

    @Override
    public void doFilter(
        jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
      called = true;
    }
  }
}
