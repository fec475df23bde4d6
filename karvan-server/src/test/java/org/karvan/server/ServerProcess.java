package org.karvan.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Karvan server in a child JVM (its own process, its own SQLite locks), for tests. */
final class ServerProcess implements AutoCloseable {
  final Process process;
  final String base;

  private ServerProcess(Process process, String base) {
    this.process = process;
    this.base = base;
  }

  /**
   * Starts {@link ServerMain} on a free port with the database and token; waits until it listens.
   */
  static ServerProcess start(String dbUrl, String token, Path stderr) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                ServerMain.class.getName(),
                "--port",
                "0",
                "--db",
                dbUrl,
                "--token",
                token)
            .redirectError(stderr.toFile());
    Process p = pb.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      Matcher m = listening.matcher(line);
      if (m.find()) {
        return new ServerProcess(p, m.group(1));
      }
    }
    p.destroyForcibly();
    throw new AssertionError("the server process did not print its address");
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
