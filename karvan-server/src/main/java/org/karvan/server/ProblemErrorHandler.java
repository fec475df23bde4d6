package org.karvan.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers requests that Jetty rejects before they reach Javalin (ambiguous or traversing paths, bad
 * headers, malformed chunked bodies) with RFC 9457 problem JSON instead of an HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {
  static String body(int status, String reason) {
    String r = reason == null ? "bad request" : reason.replace("\\", "\\\\").replace("\"", "'");
    return "{\"type\":\"urn:karvan:problem:http-"
        + status
        + "\",\"title\":\"HTTP "
        + status
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + r
        + "\"}";
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Api.PROBLEM_JSON));
    return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Api.PROBLEM_JSON);
    response.write(
        true, ByteBuffer.wrap(body(code, message).getBytes(StandardCharsets.UTF_8)), callback);
  }
}
