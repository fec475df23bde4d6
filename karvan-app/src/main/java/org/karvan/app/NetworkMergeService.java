package org.karvan.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.karvan.core.model.Network;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.bundle.BundleSource;
import org.karvan.io.merge.BundleMerger;

/**
 * {@code karvan network merge}: imported infrastructure plus curated corridor data. Conflicts are
 * an {@link InvalidInputException} listing each (nothing is written); a merge without conflicts is
 * written and read back, so it has passed every rule of a bundle.
 */
public final class NetworkMergeService {
  private NetworkMergeService() {}

  /** The merged network, where it was written, and the conflicts resolved by preference. */
  public record Merged(Network network, Path out, List<Problem> resolved) {}

  public static Merged merge(
      Path base, Path overlay, BundleMerger.Prefer prefer, Path out, boolean force) {
    if (!force && !NetworkService.isEmptyTarget(out)) {
      throw new InvalidRequestException(
          "out", out + " exists and is not empty; refusing to overwrite it without force");
    }
    BundleMerger.Result r;
    try {
      r = BundleMerger.merge(BundleSource.of(base), BundleSource.of(overlay), prefer);
    } catch (IOException e) {
      throw new InvalidRequestException("network", "cannot read a bundle: " + e.getMessage());
    }
    if (r.problems().hasErrors()) {
      throw new InvalidInputException(
          "the bundles conflict; nothing was written (resolve the conflicts, or pass --prefer)",
          r.problems());
    }
    try {
      BundleMerger.write(r, out);
    } catch (IOException e) {
      throw new InvalidRequestException("out", "cannot write " + out + ": " + e.getMessage());
    }
    return new Merged(BundleReader.read(out), out, r.problems().warnings());
  }
}
