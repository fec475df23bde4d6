package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.karvan.core.model.Network;
import org.karvan.io.bundle.BundleFormat;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.bundle.BundleSource;

/**
 * The small hand-made bundle under test resources {@code tiny/}, held in memory so tests can break
 * it one edit at a time.
 */
public final class TinyBundle {
  private final Map<String, byte[]> files = new LinkedHashMap<>();

  private TinyBundle() {}

  public static TinyBundle load() {
    TinyBundle t = new TinyBundle();
    for (var spec : BundleFormat.FILES) {
      try (InputStream in = TinyBundle.class.getResourceAsStream("/tiny/" + spec.name())) {
        if (in != null) {
          t.files.put(spec.name(), in.readAllBytes());
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return t;
  }

  public String text(String file) {
    return new String(files.get(file), StandardCharsets.UTF_8);
  }

  /** Replaces the one occurrence of {@code from} in {@code file} (fails when not exactly one). */
  public TinyBundle replace(String file, String from, String to) {
    String s = text(file);
    int at = s.indexOf(from);
    assertThat(at).as("'%s' in %s", from, file).isGreaterThanOrEqualTo(0);
    assertThat(s.indexOf(from, at + 1)).as("'%s' only once in %s", from, file).isEqualTo(-1);
    files.put(
        file,
        (s.substring(0, at) + to + s.substring(at + from.length()))
            .getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public TinyBundle put(String file, byte[] bytes) {
    files.put(file, bytes);
    return this;
  }

  public TinyBundle remove(String file) {
    files.remove(file);
    return this;
  }

  public Map<String, byte[]> files() {
    return files;
  }

  public BundleSource source() {
    return BundleSource.ofMap("tiny", files);
  }

  public Network read() {
    return BundleReader.read(source());
  }
}
