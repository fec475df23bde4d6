package org.karvan.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Saved user scenarios in a relational database: SQLite (default, a file) or PostgreSQL. The schema
 * is created and upgraded by Flyway migrations ({@code db/migration}). Every write is one
 * transaction, committed before the write is acknowledged; SQLite runs in WAL mode with {@code
 * synchronous=FULL}, so a killed server loses nothing it acknowledged.
 *
 * <p>The store is safe when shared by several servers (processes) on one SQLite file or one
 * PostgreSQL database: SQLite write transactions start with {@code BEGIN IMMEDIATE} (the write lock
 * is taken first, so a read never has to be upgraded to a write, which SQLite refuses with {@code
 * SQLITE_BUSY} whatever the busy timeout), waiting up to the busy timeout for another writer;
 * PostgreSQL waits for row locks up to the same {@code lock_timeout}. Optimistic versions
 * (If-Match) are checked inside the write transaction. A lock not obtained in time is {@link Busy};
 * a full disk or database is {@link Full}; an unreachable database is {@link Down}.
 */
final class ScenarioStore implements AutoCloseable {
  /** One saved scenario. */
  record Saved(
      String id,
      String name,
      String description,
      String body,
      int version,
      String createdAt,
      String updatedAt) {}

  /** A write that conflicts with the stored state (name taken, stale version). */
  static final class Conflict extends RuntimeException {
    Conflict(String message) {
      super(message);
    }
  }

  /** The database is locked by another writer for longer than the busy timeout: retry. */
  static final class Busy extends RuntimeException {
    Busy(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The disk (or the database's size limit) is full: nothing was written. */
  static final class Full extends RuntimeException {
    Full(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The database cannot be reached or opened. */
  static final class Down extends RuntimeException {
    Down(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The store's health: {@code UP}, {@code FULL} (the last write found the disk full) or DOWN. */
  record Health(String status, String detail) {
    boolean up() {
      return status.equals("UP");
    }
  }

  /** How long a write waits for another writer's lock before {@link Busy}. */
  static final int DEFAULT_BUSY_TIMEOUT_MS = 5_000;

  private final String url;
  private final Properties props = new Properties();
  private final boolean sqlite;
  private final int busyTimeoutMs;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private volatile String fullSince;

  ScenarioStore(String url, String user, String password) {
    this(url, user, password, DEFAULT_BUSY_TIMEOUT_MS);
  }

  ScenarioStore(String url, String user, String password, int busyTimeoutMs) {
    this.url = url;
    this.sqlite = url.startsWith("jdbc:sqlite:");
    this.busyTimeoutMs = busyTimeoutMs;
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    if (sqlite) {
      props.setProperty("journal_mode", "WAL");
      props.setProperty("synchronous", "FULL");
      props.setProperty("busy_timeout", Integer.toString(busyTimeoutMs));
      props.setProperty("transaction_mode", "IMMEDIATE");
      props.setProperty("foreign_keys", "true");
      String file = url.substring("jdbc:sqlite:".length());
      if (!file.isEmpty() && !file.startsWith(":memory:") && !file.startsWith("file:")) {
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
          Files.createDirectories(parent);
        } catch (java.io.IOException e) {
          throw new IllegalStateException("cannot create the database folder " + parent, e);
        }
      }
    }
    var flyway = Flyway.configure().locations("classpath:db/migration");
    if (sqlite) {
      // The migration connection waits for other servers' locks like every other connection.
      SQLiteDataSource ds = new SQLiteDataSource(new SQLiteConfig(props));
      ds.setUrl(url);
      flyway.dataSource(ds);
    } else {
      flyway.dataSource(url, user, password);
    }
    migrate(flyway.load());
  }

  /**
   * Migrates the schema, retrying while another server holds the database for at most the busy
   * timeout: SQLite answers {@code SQLITE_BUSY} at once, whatever the busy timeout, to a connection
   * that sets WAL mode on a new file while another connection is migrating it.
   */
  private void migrate(Flyway flyway) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(busyTimeoutMs);
    while (true) {
      try {
        flyway.migrate();
        return;
      } catch (RuntimeException e) {
        RuntimeException classified = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
          if (t instanceof SQLException sql) {
            classified = classify("preparing the database", sql);
            break;
          }
        }
        if (!(classified instanceof Busy) || System.nanoTime() > deadline) {
          throw classified;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw classified;
        }
      }
    }
  }

  String url() {
    return url;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, props);
  }

  /**
   * The database's health: DOWN when it does not answer a query, FULL when the last write failed
   * because the disk (or the database's size limit) was full and no write has succeeded since.
   */
  Health health() {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM saved_scenario");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
    } catch (SQLException e) {
      // The SQL state only: the message may name hosts or files, and health is public.
      return new Health("DOWN", "the database does not answer (SQL state " + e.getSQLState() + ")");
    }
    String full = fullSince;
    return full == null ? new Health("UP", null) : new Health("FULL", full);
  }

  /** All saved scenarios, by name. */
  List<Saved> list() {
    return list(Integer.MAX_VALUE, 0);
  }

  /**
   * One page of the saved scenarios, by name (then id): at most {@code limit} from {@code offset}.
   */
  List<Saved> list(int limit, long offset) {
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, name, description, body, version, created_at, updated_at"
                    + " FROM saved_scenario ORDER BY name, id LIMIT ? OFFSET ?")) {
      ps.setInt(1, limit);
      ps.setLong(2, offset);
      try (ResultSet rs = ps.executeQuery()) {
        List<Saved> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw classify("reading saved scenarios", e);
    }
  }

  /** How many scenarios are saved. */
  long count() {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM saved_scenario");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw classify("counting saved scenarios", e);
    }
  }

  Optional<Saved> get(String id) {
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, name, description, body, version, created_at, updated_at"
                    + " FROM saved_scenario WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw classify("reading a saved scenario", e);
    }
  }

  private static Saved row(ResultSet rs) throws SQLException {
    return new Saved(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getInt(5),
        rs.getString(6),
        rs.getString(7));
  }

  private interface Tx<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T inTransaction(Tx<T> work) {
    // Within one process, writers queue here (fair, bounded by the busy timeout) rather than poll
    // SQLite's lock; across processes, BEGIN IMMEDIATE and the busy timeout do the same.
    boolean locked;
    try {
      locked = writeLock.tryLock(busyTimeoutMs, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy("interrupted while waiting for the database", e);
    }
    if (!locked) {
      throw new Busy(
          "the database is busy: another write held it for more than " + busyTimeoutMs + " ms",
          null);
    }
    try {
      T out = transaction(work);
      fullSince = null;
      return out;
    } finally {
      writeLock.unlock();
    }
  }

  private <T> T transaction(Tx<T> work) {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try {
        if (!sqlite) {
          try (var st = c.createStatement()) {
            st.execute("SET LOCAL lock_timeout = " + busyTimeoutMs);
          }
        }
        T out = work.run(c);
        c.commit();
        return out;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollbackFailed) {
          // SQLite may already have rolled back (SQLITE_FULL): the first error is the cause.
          e.addSuppressed(rollbackFailed);
        }
        throw e;
      }
    } catch (SQLException e) {
      if (isUniqueViolation(e)) {
        throw new Conflict("a saved scenario with this name already exists");
      }
      throw classify("writing", e);
    }
  }

  /** The exception for a database error: busy, full, down, or (otherwise) a plain failure. */
  private RuntimeException classify(String doing, SQLException e) {
    String state = String.valueOf(e.getSQLState());
    String msg = String.valueOf(e.getMessage());
    int code = sqlite ? e.getErrorCode() & 0xff : -1;
    if (code == 5
        || code == 6
        || msg.contains("SQLITE_BUSY")
        || msg.contains("SQLITE_LOCKED")
        || state.equals("55P03")
        || state.equals("40001")
        || state.equals("40P01")) {
      return new Busy(
          "the database is busy (locked by another writer for more than "
              + busyTimeoutMs
              + " ms) while "
              + doing
              + "; retry",
          e);
    }
    if (code == 13 || msg.contains("SQLITE_FULL") || state.equals("53100")) {
      String detail =
          "the disk holding the scenario database is full (" + firstLine(msg) + ") while " + doing;
      fullSince = Instant.now() + ": " + detail;
      return new Full(detail, e);
    }
    if (code == 14 || state.startsWith("08") || state.equals("57P01") || state.equals("57P03")) {
      return new Down("the database cannot be reached while " + doing + ": " + firstLine(msg), e);
    }
    return new IllegalStateException("database, " + doing + ": " + msg, e);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static boolean isUniqueViolation(SQLException e) {
    String state = e.getSQLState();
    String msg = String.valueOf(e.getMessage());
    return "23505".equals(state) || msg.contains("UNIQUE constraint failed");
  }

  Saved create(String name, String description, String body) {
    String now = Instant.now().toString();
    String id = UUID.randomUUID().toString();
    return inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO saved_scenario (id, name, description, body, version, created_at,"
                      + " updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, name);
            ps.setString(3, description);
            ps.setString(4, body);
            ps.setString(5, now);
            ps.setString(6, now);
            ps.executeUpdate();
          }
          return new Saved(id, name, description, body, 1, now, now);
        });
  }

  /** Replaces a scenario; {@code expectedVersion} (from If-Match) guards lost updates. */
  Optional<Saved> update(
      String id, String name, String description, String body, Integer expectedVersion) {
    String now = Instant.now().toString();
    return inTransaction(
        c -> {
          Saved old;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, name, description, body, version, created_at, updated_at"
                      + " FROM saved_scenario WHERE id = ?"
                      // SQLite holds the database's write lock already (BEGIN IMMEDIATE).
                      + (sqlite ? "" : " FOR UPDATE"))) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              old = row(rs);
            }
          }
          if (expectedVersion != null && expectedVersion != old.version()) {
            throw new Conflict(
                "version mismatch: stored version is "
                    + old.version()
                    + ", If-Match gave "
                    + expectedVersion);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE saved_scenario SET name = ?, description = ?, body = ?, version = ?,"
                      + " updated_at = ? WHERE id = ? AND version = ?")) {
            ps.setString(1, name);
            ps.setString(2, description);
            ps.setString(3, body);
            ps.setInt(4, old.version() + 1);
            ps.setString(5, now);
            ps.setString(6, id);
            ps.setInt(7, old.version());
            if (ps.executeUpdate() != 1) {
              throw new Conflict(
                  "version mismatch: the scenario changed concurrently (version "
                      + old.version()
                      + " is no longer current); read it again");
            }
          }
          return Optional.of(
              new Saved(id, name, description, body, old.version() + 1, old.createdAt(), now));
        });
  }

  boolean delete(String id) {
    return inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM saved_scenario WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
          }
        });
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The token check for writes. With a configured token, that token; otherwise the stored one; at
   * first start a new token is generated, stored (as a SHA-256 hash) and returned once, so the
   * caller can print it.
   *
   * @return the newly generated token, if one was generated
   */
  Optional<String> initToken(String configured, java.util.function.Consumer<String> hashSink) {
    if (configured != null && !configured.isBlank()) {
      hashSink.accept(sha256(configured));
      return Optional.empty();
    }
    try {
      return storeToken(hashSink);
    } catch (Conflict e) {
      // Another server stored its token between our read and our insert: use that one.
      return storeToken(hashSink);
    }
  }

  private Optional<String> storeToken(java.util.function.Consumer<String> hashSink) {
    return inTransaction(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT token_sha256 FROM api_token WHERE id = 1");
              ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              hashSink.accept(rs.getString(1));
              return Optional.<String>empty();
            }
          }
          byte[] raw = new byte[24];
          new SecureRandom().nextBytes(raw);
          String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO api_token (id, token_sha256, created_at) VALUES (1, ?, ?)")) {
            ps.setString(1, sha256(token));
            ps.setString(2, Instant.now().toString());
            ps.executeUpdate();
          }
          hashSink.accept(sha256(token));
          return Optional.of(token);
        });
  }

  /** Removes the stored token (used when a generated token could not be shown). */
  void forgetToken() {
    inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM api_token WHERE id = 1")) {
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public void close() {
    // Connections are opened per operation; nothing to release.
  }
}
