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
import org.flywaydb.core.Flyway;

/**
 * Saved user scenarios in a relational database: SQLite (default, a file) or PostgreSQL. The schema
 * is created and upgraded by Flyway migrations ({@code db/migration}). Every write is one
 * transaction, committed before the write is acknowledged; SQLite runs in WAL mode with {@code
 * synchronous=FULL}, so a killed server loses nothing it acknowledged.
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

  private final String url;
  private final Properties props = new Properties();
  private final boolean sqlite;

  ScenarioStore(String url, String user, String password) {
    this.url = url;
    this.sqlite = url.startsWith("jdbc:sqlite:");
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    if (sqlite) {
      props.setProperty("journal_mode", "WAL");
      props.setProperty("synchronous", "FULL");
      props.setProperty("busy_timeout", "10000");
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
    Flyway.configure()
        .dataSource(url, user, password)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  String url() {
    return url;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, props);
  }

  /** True when the database answers. */
  boolean healthy() {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM saved_scenario");
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    } catch (SQLException e) {
      return false;
    }
  }

  List<Saved> list() {
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, name, description, body, version, created_at, updated_at"
                    + " FROM saved_scenario ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      List<Saved> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row(rs));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("database: " + e.getMessage(), e);
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
      throw new IllegalStateException("database: " + e.getMessage(), e);
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
    if (sqlite) {
      // SQLite has one writer at a time; serialising here avoids SQLITE_BUSY on lock upgrades.
      synchronized (this) {
        return transaction(work);
      }
    }
    return transaction(work);
  }

  private <T> T transaction(Tx<T> work) {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try {
        T out = work.run(c);
        c.commit();
        return out;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      if (isUniqueViolation(e)) {
        throw new Conflict("a saved scenario with this name already exists");
      }
      throw new IllegalStateException("database: " + e.getMessage(), e);
    }
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
                      + " FROM saved_scenario WHERE id = ?")) {
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
              throw new Conflict("the scenario changed concurrently; retry");
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
