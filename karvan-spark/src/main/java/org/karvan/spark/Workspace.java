package org.karvan.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.karvan.app.Karvan;
import org.karvan.app.Limits;
import org.karvan.app.ScenarioSource;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.bundle.BundleSource;
import org.karvan.io.profile.ProfileReader;
import org.karvan.io.scenario.ScenarioReader;

/**
 * What a job computes on, as bytes that Spark broadcasts: the network bundle's files (none for the
 * embedded default network), the profile (none for the default) with its {@code --set} overrides,
 * and the scenario files the request names. The driver reads them once from its own disk, checks
 * them (the same errors as the CLI), and each executor JVM rebuilds and compiles the workspace once
 * per content ({@link #karvan}), whatever number of tasks it runs.
 *
 * @param bundle file name to bytes, or null for the default network
 * @param display file name to the name shown in messages (the driver's path)
 * @param scenarios scenario reference (a file path as given) to its bytes
 * @param key digest of everything above, the executor cache key
 */
record Workspace(
    Map<String, byte[]> bundle,
    Map<String, String> display,
    byte[] profile,
    String profileName,
    Map<String, Double> set,
    Map<String, byte[]> scenarios,
    String key)
    implements Serializable {

  /** Compiled workspaces of this JVM (driver or executor), by content digest. */
  private static final Map<String, Karvan> CACHE = new ConcurrentHashMap<>();

  /** How many times this JVM compiled a workspace (tests check "once per executor"). */
  static final java.util.concurrent.atomic.AtomicInteger COMPILED =
      new java.util.concurrent.atomic.AtomicInteger();

  /** This workspace, compiled once per JVM. */
  Karvan karvan() {
    return CACHE.computeIfAbsent(
        key,
        k -> {
          COMPILED.incrementAndGet();
          Network net =
              bundle == null
                  ? BundleReader.readDefault()
                  : BundleReader.read(
                      new BundleSource() {
                        @Override
                        public String display(String file) {
                          return display.getOrDefault(file, file);
                        }

                        @Override
                        public byte[] read(String file) {
                          return bundle.get(file);
                        }
                      });
          return Karvan.open(net, readProfile(), new Replay(scenarios), Limits.CLI);
        });
  }

  private Profile readProfile() {
    Profile p =
        profile == null ? ProfileReader.readDefault() : ProfileReader.read(profile, profileName);
    return set.isEmpty() ? p : p.with(set, "--set");
  }

  /**
   * Reads and checks the inputs on the driver: {@code network} and {@code profile} may be null (the
   * defaults); scenario files are recorded as the driver's Karvan finds them, so call {@link
   * Driver#freeze} once the request has been checked.
   */
  static Driver open(Path network, Path profile, Map<String, Double> set) {
    Map<String, byte[]> files = null;
    Map<String, String> display = new TreeMap<>();
    Network net;
    if (network == null) {
      net = BundleReader.readDefault();
    } else {
      BundleReader.read(network); // the CLI's errors for a missing or bad bundle
      BundleSource src;
      try {
        src = BundleSource.of(network);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Map<String, byte[]> rec = new TreeMap<>();
      net =
          BundleReader.read(
              new BundleSource() {
                @Override
                public String display(String file) {
                  String d = src.display(file);
                  display.put(file, d);
                  return d;
                }

                @Override
                public byte[] read(String file) throws IOException {
                  byte[] b = src.read(file);
                  if (b != null) {
                    rec.put(file, b);
                  }
                  return b;
                }
              });
      files = rec;
    }
    byte[] prof = null;
    if (profile != null) {
      ProfileReader.read(profile); // the CLI's errors
      try {
        prof = Files.readAllBytes(profile);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<String, Double> overrides = Map.copyOf(new LinkedHashMap<>(set));
    Recorder rec = new Recorder();
    Workspace partial =
        new Workspace(
            files,
            display,
            prof,
            profile == null ? null : profile.toString(),
            overrides,
            Map.of(),
            "");
    Karvan k = Karvan.open(net, partial.readProfile(), rec, Limits.CLI);
    return new Driver(k, partial, rec);
  }

  /** The driver's workspace while the request is checked. */
  static final class Driver {
    private final Karvan karvan;
    private final Workspace partial;
    private final Recorder recorder;

    Driver(Karvan karvan, Workspace partial, Recorder recorder) {
      this.karvan = karvan;
      this.partial = partial;
      this.recorder = recorder;
    }

    Karvan karvan() {
      return karvan;
    }

    /**
     * The workspace to broadcast, with the scenario files read so far; the driver's own compiled
     * workspace serves its JVM's tasks (local mode compiles once).
     */
    Workspace freeze() {
      Map<String, byte[]> sc = new TreeMap<>(recorder.read);
      MessageDigest md;
      try {
        md = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      if (partial.bundle() != null) {
        partial.bundle().forEach((n, b) -> digest(md, n, b));
      }
      partial.display().forEach((n, d) -> digest(md, n, d.getBytes(StandardCharsets.UTF_8)));
      digest(md, "profile:" + partial.profileName(), partial.profile());
      new TreeMap<>(partial.set()).forEach((n, v) -> digest(md, "set:" + n, bytes(v)));
      sc.forEach((n, b) -> digest(md, "scenario:" + n, b));
      Workspace w =
          new Workspace(
              partial.bundle(),
              partial.display(),
              partial.profile(),
              partial.profileName(),
              partial.set(),
              sc,
              HexFormat.of().formatHex(md.digest()));
      CACHE.putIfAbsent(w.key(), karvan);
      return w;
    }

    private static byte[] bytes(double v) {
      return Double.toString(v).getBytes(StandardCharsets.UTF_8);
    }

    private static void digest(MessageDigest md, String name, byte[] b) {
      md.update(name.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      if (b != null) {
        md.update(b);
      }
      md.update((byte) 0);
    }
  }

  /** The CLI's scenario files (YAML or JSON by path), remembering the bytes of each one found. */
  static final class Recorder implements ScenarioSource {
    final Map<String, byte[]> read = new ConcurrentHashMap<>();

    @Override
    public Optional<Found> find(String ref) {
      Path p = Path.of(ref);
      if (!Files.isRegularFile(p)) {
        return Optional.empty();
      }
      byte[] b;
      try {
        b = Files.readAllBytes(p);
      } catch (IOException e) {
        return Optional.of(new Found(ScenarioReader.read(p), null)); // the CLI's error
      }
      Found f = new Found(ScenarioReader.read(b, p.toString()), "spark:" + ref);
      read.put(ref, b);
      return Optional.of(f);
    }

    @Override
    public String describe() {
      return "a scenario file (YAML or JSON)";
    }
  }

  /** The scenario files the driver read, on an executor. */
  private record Replay(Map<String, byte[]> files) implements ScenarioSource {
    @Override
    public Optional<Found> find(String ref) {
      byte[] b = files.get(ref);
      return b == null
          ? Optional.empty()
          : Optional.of(new Found(ScenarioReader.read(b, Path.of(ref).toString()), "spark:" + ref));
    }

    @Override
    public String describe() {
      return "a scenario file (YAML or JSON)";
    }
  }
}
