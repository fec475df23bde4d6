package org.karvan.app;

import org.karvan.core.routing.RouteRequest;

/**
 * No route exists under the request's constraints. Carries the router's explanation; the front ends
 * word it (the CLI exits 2, the API answers 422 {@code no-route}).
 */
public final class NoRouteException extends RuntimeException {
  private final transient RouteRequest request;

  public NoRouteException(RouteRequest request, String explanation) {
    super(explanation);
    this.request = request;
  }

  public RouteRequest request() {
    return request;
  }
}
