package org.karvan.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Answers requests that Jetty rejects before they reach Javalin (ambiguous or traversing paths, bad
 * headers) with RFC 9457 problem JSON instead of an HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {
  private static String body(int status, String reason) {
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
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/problem+json"));
    return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void handle(
      String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int status = response.getStatus();
    Object msg = request.getAttribute("jakarta.servlet.error.message");
    response.setContentType("application/problem+json");
    response
        .getOutputStream()
        .write(body(status, msg == null ? null : msg.toString()).getBytes(StandardCharsets.UTF_8));
    base.setHandled(true);
  }
}
