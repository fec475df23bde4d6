package org.karvan.server;

import java.nio.file.Path;

/**
 * Starts a server from plain arguments (used by tests that run a server in its own process; users
 * run {@code karvan serve}). Arguments: {@code --port N --host H --network DIR --db URL --token T}.
 */
public final class ServerMain {
  private ServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    ServerConfig c = ServerConfig.defaults();
    String token = System.getenv("KARVAN_API_TOKEN");
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--port" -> c = c.withPort(Integer.parseInt(v));
        case "--host" -> c = c.withHost(v);
        case "--network" -> c = c.withNetwork(Path.of(v));
        case "--db" -> c = c.withDb(v, c.dbUser(), c.dbPassword());
        case "--token" -> token = v;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    KarvanServer s = KarvanServer.start(c.withToken(token), System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(s::close));
    Thread.currentThread().join();
  }
}
