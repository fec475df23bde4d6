package org.karvan.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A raw HTTP/1.1 client over a socket, for requests no well-behaved client would send. */
final class Raw implements AutoCloseable {
  private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3})");

  final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  Raw(int port) {
    try {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(5_000);
      out = socket.getOutputStream();
      in = socket.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Raw send(String s) {
    return send(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  Raw send(byte[] b) {
    try {
      out.write(b);
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a write fails (the server has closed the connection). */
  boolean sendFails(byte[] b) {
    try {
      out.write(b);
      out.flush();
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Everything the server sends until it closes the connection or is silent for {@code quietMs}.
   */
  String readAll(int quietMs) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try {
      socket.setSoTimeout(quietMs);
      byte[] buf = new byte[65536];
      for (int n; (n = in.read(buf)) >= 0; ) {
        b.write(buf, 0, n);
      }
    } catch (SocketTimeoutException e) {
      // quiet: return what came
    } catch (IOException e) {
      // reset: return what came
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  /** Whether the server has closed the connection (end of stream within {@code waitMs}). */
  boolean closedWithin(int waitMs) {
    try {
      socket.setSoTimeout(waitMs);
      byte[] buf = new byte[65536];
      while (true) {
        if (in.read(buf) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** The status codes of every response in {@code text}, in order. */
  static List<Integer> statuses(String text) {
    List<Integer> out = new ArrayList<>();
    Matcher m = STATUS.matcher(text);
    while (m.find()) {
      out.add(Integer.parseInt(m.group(1)));
    }
    return out;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing
    }
  }
}
