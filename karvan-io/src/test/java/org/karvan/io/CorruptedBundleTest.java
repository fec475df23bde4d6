package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.karvan.core.model.Network;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;

/**
 * Property: whatever random damage a valid bundle suffers, the reader either returns a valid
 * network or throws {@link InvalidInputException} whose every error names a file. Never any other
 * exception. Seeds are fixed (and shown in the test name) so a failure reproduces.
 */
class CorruptedBundleTest {
  private static final String[] GARBAGE = {
    "",
    "x",
    "-1",
    "0",
    "NaN",
    "Infinity",
    "1e309",
    "\"",
    "|",
    "||",
    "\u00ff",
    "9999999999999",
    "1,5",
    " ",
    "#",
    "DUAL",
    "RAIL",
    "true",
    "2026-13-45",
    "\n",
    "\r\n",
    "IRAAA",
    "L1"
  };

  static LongStream seeds() {
    return LongStream.range(0, 400);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void readerOnlyEverFailsWithValidationErrors(long seed) {
    Random rnd = new Random(seed);
    TinyBundle b = TinyBundle.load();
    List<String> files = new ArrayList<>(b.files().keySet());
    int edits = 1 + rnd.nextInt(3);
    for (int i = 0; i < edits; i++) {
      String file = files.get(rnd.nextInt(files.size()));
      byte[] bytes = b.files().get(file);
      if (bytes == null) {
        continue;
      }
      b.put(file, corrupt(bytes, rnd));
      if (rnd.nextInt(40) == 0) {
        b.remove(file);
      }
    }
    try {
      Network n = b.read();
      assertThat(n.nodes()).isNotEmpty();
    } catch (InvalidInputException e) {
      assertThat(e.errors())
          .as("seed %d", seed)
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.file()).isNotEmpty());
      assertThat(e.problems()).extracting(Problem::message).doesNotContainNull();
    } catch (RuntimeException e) {
      fail("seed " + seed + ": unexpected " + e, e);
    }
  }

  private static byte[] corrupt(byte[] bytes, Random rnd) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    switch (rnd.nextInt(7)) {
      case 0 -> { // replace one cell
        int li = rnd.nextInt(lines.size());
        String[] cells = lines.get(li).split(",", -1);
        cells[rnd.nextInt(cells.length)] = GARBAGE[rnd.nextInt(GARBAGE.length)];
        lines.set(li, String.join(",", cells));
      }
      case 1 -> lines.remove(rnd.nextInt(lines.size()));
      case 2 -> {
        int li = rnd.nextInt(lines.size());
        lines.add(li, lines.get(li));
      }
      case 3 -> { // truncate at a random byte
        return Arrays.copyOf(bytes, rnd.nextInt(bytes.length + 1));
      }
      case 4 -> { // random bytes somewhere
        byte[] out = Arrays.copyOf(bytes, bytes.length + 3);
        int at = rnd.nextInt(bytes.length + 1);
        System.arraycopy(bytes, at, out, at + 3, bytes.length - at);
        for (int i = 0; i < 3; i++) {
          out[at + i] = (byte) rnd.nextInt(256);
        }
        return out;
      }
      case 5 -> { // swap two header names
        String[] head = lines.get(0).split(",", -1);
        int x = rnd.nextInt(head.length);
        int y = rnd.nextInt(head.length);
        String t = head[x];
        head[x] = head[y];
        head[y] = t;
        lines.set(0, String.join(",", head));
      }
      default -> { // drop a column from one row
        int li = rnd.nextInt(lines.size());
        String l = lines.get(li);
        int comma = l.lastIndexOf(',');
        lines.set(li, comma < 0 ? "" : l.substring(0, comma));
      }
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }
}
