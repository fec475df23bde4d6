package org.karvan.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.karvan.io.route.RouteJson;

/**
 * The OpenAPI 3 document served at {@code /openapi}: the checked-in {@code openapi/karvan-api.json}
 * (each operation with its own parameters) with the shared routing parameters of {@link
 * SharedParams} added to every routing operation, so they are written once. {@code OpenApiTest}
 * checks the document names every registered route and no other.
 */
final class OpenApiDoc {
  private static final String RESOURCE = "/openapi/karvan-api.json";
  private static volatile byte[] json;

  private OpenApiDoc() {}

  /** The document as served. */
  static byte[] json() {
    byte[] j = json;
    if (j == null) {
      j = SharedParams.addTo(base()).getBytes(StandardCharsets.UTF_8);
      json = j;
    }
    return j;
  }

  /** The checked-in document, without the shared parameters. */
  static ObjectNode base() {
    try (InputStream in = OpenApiDoc.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return (ObjectNode) RouteJson.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
