package org.karvan.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The server's first handler, in front of Javalin, enforcing on the wire what no handler can be
 * trusted to:
 *
 * <ul>
 *   <li>not ready yet: every request gets 503 ({@code /api/health} says {@code STARTING}) until the
 *       routes and static files are in place;
 *   <li>the request body: read without holding a thread (Jetty calls back as bytes arrive), at most
 *       {@code maxBody} bytes whether declared with {@code Content-Length} or chunked (413 and the
 *       connection closed at the first byte over); the handlers then read it from memory, so a
 *       client that sends part of a body and stops holds no thread, only a connection until the
 *       idle timeout;
 *   <li>the whole exchange: from the first byte of the request to the last byte of the answer, at
 *       most the request time limit plus {@code graceMs} for writing a late 503; after that the
 *       connection is aborted.
 * </ul>
 *
 * The time the exchange started is left in the request attribute {@link #DEADLINE} (a {@code
 * System.nanoTime()} value) so the handlers give the computation only what is left.
 */
final class ExchangeGuard extends Handler.Wrapper {
  /** Request attribute: the exchange's deadline, as {@link System#nanoTime()}. */
  static final String DEADLINE = "karvan.deadline";

  private final long maxBody;
  private final long timeoutMs;
  private final long graceMs;
  private final BooleanSupplier ready;

  ExchangeGuard(long maxBody, long timeoutMs, long graceMs, BooleanSupplier ready) {
    this.maxBody = maxBody;
    this.timeoutMs = timeoutMs;
    this.graceMs = graceMs;
    this.ready = ready;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    request.setAttribute(DEADLINE, deadline);
    if (!ready.getAsBoolean()) {
      boolean health = request.getHttpURI().getPath().equals("/api/health");
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
      problem(
          response,
          callback,
          503,
          health
              ? "{\"status\":\"STARTING\"}"
              : problemBody(503, "unavailable", "Unavailable", "the server is starting"));
      return true;
    }
    Callback guarded = abortAfter(request, response, callback, deadline);
    long declared = request.getLength();
    if (declared > maxBody) {
      tooLarge(response, guarded, declared + " bytes");
      return true;
    }
    boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    if (declared <= 0 && !chunked) {
      return super.handle(request, response, guarded);
    }
    new BodyReader(request, response, guarded).run();
    return true;
  }

  /** Completes the exchange with a failure (aborting the connection) if it outlives its time. */
  private Callback abortAfter(
      Request request, Response response, Callback callback, long deadlineNanos) {
    AtomicBoolean done = new AtomicBoolean();
    Scheduler scheduler = getServer().getScheduler();
    long delay = deadlineNanos - System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMs);
    Scheduler.Task task =
        scheduler.schedule(
            () -> {
              if (done.compareAndSet(false, true)) {
                callback.failed(
                    new java.util.concurrent.TimeoutException(
                        "exchange over " + (timeoutMs + graceMs) + " ms"));
              }
            },
            delay,
            TimeUnit.NANOSECONDS);
    return new Callback() {
      @Override
      public void succeeded() {
        task.cancel();
        if (done.compareAndSet(false, true)) {
          callback.succeeded();
        }
      }

      @Override
      public void failed(Throwable x) {
        task.cancel();
        if (done.compareAndSet(false, true)) {
          callback.failed(x);
        }
      }

      @Override
      public InvocationType getInvocationType() {
        return callback.getInvocationType();
      }
    };
  }

  private void tooLarge(Response response, Callback callback, String size) {
    // The rest of the body is never read: say so and close rather than drain it.
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    problem(
        response,
        callback,
        413,
        problemBody(
            413,
            "too-large",
            "Request too large",
            "the request body has " + size + "; the limit is " + maxBody + " bytes (--max-body)"));
  }

  private static String problemBody(int status, String type, String title, String detail) {
    return "{\"type\":\"urn:karvan:problem:"
        + type
        + "\",\"title\":\""
        + title
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + detail.replace("\"", "'")
        + "\"}";
  }

  private static void problem(Response response, Callback callback, int status, String body) {
    response.setStatus(status);
    response
        .getHeaders()
        .put(
            new HttpField(
                HttpHeader.CONTENT_TYPE,
                status == 503 && body.startsWith("{\"status\"") ? Api.JSON : Api.PROBLEM_JSON));
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** Reads the body as Jetty delivers it, then hands the request on with the body in memory. */
  private final class BodyReader implements Runnable {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    BodyReader(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
    }

    @Override
    public void run() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          callback.failed(chunk.getFailure());
          return;
        }
        ByteBuffer b = chunk.getByteBuffer();
        int n = b.remaining();
        if (body.size() + (long) n > maxBody) {
          chunk.release();
          tooLarge(response, callback, "more than " + maxBody + " bytes");
          return;
        }
        byte[] a = new byte[n];
        b.get(a);
        body.write(a, 0, n);
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          dispatch();
          return;
        }
      }
    }

    private void dispatch() {
      Request buffered = new Buffered(request, body.toByteArray());
      try {
        if (!ExchangeGuard.super.handle(buffered, response, callback)) {
          Response.writeError(buffered, response, callback, 404);
        }
      } catch (Throwable t) {
        callback.failed(t);
      }
    }
  }

  /** The request with its body already read into memory. */
  private static final class Buffered extends Request.Wrapper {
    private final long length;
    private Content.Chunk chunk;

    Buffered(Request wrapped, byte[] body) {
      super(wrapped);
      this.length = body.length;
      this.chunk = Content.Chunk.from(ByteBuffer.wrap(body), true);
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk c = chunk;
      chunk = Content.Chunk.EOF;
      return c;
    }

    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run();
    }

    @Override
    public long getLength() {
      return length;
    }
  }
}
