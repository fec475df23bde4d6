package org.karvan.io.osm;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads OSM PBF files (https://wiki.openstreetmap.org/wiki/PBF_Format) with its own decoder of the
 * protocol-buffers wire format: no protobuf library, no generated classes. Blobs are raw or zlib;
 * nodes plain or dense. The first pass remembers which blocks hold which kinds of element, so a
 * later pass skips the blocks it does not need without inflating them.
 */
final class PbfReader implements OsmReader {
  private static final int MAX_HEADER = 64 * 1024;
  private static final int MAX_BLOB = 32 * 1024 * 1024;
  private static final Set<String> KNOWN_FEATURES =
      Set.of("OsmSchema-V0.6", "DenseNodes", "HistoricalInformation");

  private final Path path;

  /** Per data block of the file: a bit per {@link Kind} it holds; null before the first pass. */
  private byte[] blockKinds;

  PbfReader(Path path) {
    this.path = path;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public void read(Set<Kind> kinds, OsmHandler handler) throws IOException {
    boolean first = blockKinds == null;
    byte[] seen = first ? new byte[64] : blockKinds;
    int wanted = 0;
    for (Kind k : kinds) {
      wanted |= 1 << k.ordinal();
    }
    Block block = new Block(handler, EnumSet.copyOf(kinds));
    Inflater inflater = new Inflater();
    int index = 0;
    long offset = 0;
    try (InputStream raw = Files.newInputStream(path);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      while (true) {
        int headerLength;
        try {
          headerLength = in.readInt();
        } catch (EOFException end) {
          break;
        }
        if (headerLength <= 0 || headerLength > MAX_HEADER) {
          throw corrupt(offset, "blob header length " + headerLength + " is out of range");
        }
        byte[] header = in.readNBytes(headerLength);
        if (header.length < headerLength) {
          throw corrupt(offset, "truncated blob header");
        }
        String type = null;
        long size = -1;
        Proto h = new Proto(header, 0, header.length);
        try {
          while (h.more()) {
            int key = h.key();
            switch (key) {
              case (1 << 3) | 2 -> type = h.string();
              case (3 << 3) -> size = h.varint();
              default -> h.skip(key & 7);
            }
          }
        } catch (IllegalStateException e) {
          throw corrupt(offset, "bad blob header: " + e.getMessage());
        }
        if (type == null || size < 0 || size > MAX_BLOB) {
          throw corrupt(offset, "bad blob header (type " + type + ", size " + size + ")");
        }
        long blobStart = offset + 4 + headerLength;
        offset = blobStart + size;
        if (type.equals("OSMData")) {
          if (!first && (index >= seen.length || (seen[index] & wanted) == 0)) {
            in.skipNBytes(size);
            index++;
            continue;
          }
          byte[] data = blob(in, (int) size, inflater, blobStart);
          try {
            int found = block.decode(data);
            if (first) {
              if (index == seen.length) {
                seen = Arrays.copyOf(seen, seen.length * 2);
              }
              seen[index] = (byte) found;
            }
          } catch (IllegalStateException | ArrayIndexOutOfBoundsException e) {
            throw corrupt(blobStart, "bad data block: " + e.getMessage());
          }
          index++;
        } else if (type.equals("OSMHeader")) {
          header(blob(in, (int) size, inflater, blobStart), blobStart);
        } else {
          in.skipNBytes(size);
        }
      }
    } catch (EOFException e) {
      throw corrupt(offset, "file ends inside a blob");
    } finally {
      inflater.end();
    }
    if (first) {
      blockKinds = seen;
    }
  }

  private OsmFormatException corrupt(long offset, String what) {
    return new OsmFormatException(path, "corrupt PBF at byte " + offset + ": " + what);
  }

  private byte[] blob(DataInputStream in, int size, Inflater inflater, long at) throws IOException {
    byte[] blob = in.readNBytes(size);
    if (blob.length < size) {
      throw corrupt(at, "file ends inside a blob");
    }
    byte[] raw = null;
    byte[] zlib = null;
    int rawSize = -1;
    Proto b = new Proto(blob, 0, blob.length);
    try {
      while (b.more()) {
        int key = b.key();
        int field = key >>> 3;
        if (field == 1 && (key & 7) == 2) {
          raw = bytes(b.sub());
        } else if (field == 2) {
          rawSize = (int) b.varint();
        } else if (field == 3 && (key & 7) == 2) {
          zlib = bytes(b.sub());
        } else if (field >= 4 && field <= 7) {
          String[] names = {"lzma", "bzip2", "lz4", "zstd"};
          throw corrupt(at, names[field - 4] + " compression is not supported (only zlib)");
        } else {
          b.skip(key & 7);
        }
      }
    } catch (IllegalStateException e) {
      throw corrupt(at, "bad blob: " + e.getMessage());
    }
    if (raw != null) {
      return raw;
    }
    if (zlib == null || rawSize < 0 || rawSize > MAX_BLOB) {
      throw corrupt(at, "blob without data");
    }
    byte[] out = new byte[rawSize];
    inflater.reset();
    inflater.setInput(zlib);
    try {
      int n = 0;
      while (n < rawSize) {
        int got = inflater.inflate(out, n, rawSize - n);
        if (got == 0 && (inflater.finished() || inflater.needsInput())) {
          break;
        }
        n += got;
      }
      if (n != rawSize) {
        throw corrupt(at, "zlib data gives " + n + " bytes, not " + rawSize);
      }
    } catch (DataFormatException e) {
      throw corrupt(at, "bad zlib data: " + e.getMessage());
    }
    return out;
  }

  private static byte[] bytes(Proto p) {
    return Arrays.copyOfRange(p.buf, p.pos, p.end);
  }

  private void header(byte[] data, long at) throws OsmFormatException {
    Proto p = new Proto(data, 0, data.length);
    try {
      while (p.more()) {
        int key = p.key();
        if (key == ((4 << 3) | 2)) {
          String feature = p.string();
          if (!KNOWN_FEATURES.contains(feature)) {
            throw corrupt(at, "required feature '" + feature + "' is not supported");
          }
        } else {
          p.skip(key & 7);
        }
      }
    } catch (IllegalStateException e) {
      throw corrupt(at, "bad header block: " + e.getMessage());
    }
  }

  /** Decodes primitive blocks, reusing its buffers from block to block. */
  private static final class Block {
    private final OsmHandler handler;
    private final boolean nodes;
    private final boolean ways;
    private final boolean relations;
    private final Tags tags = new Tags();
    private String[] strings;
    private Proto table;
    private final long[][] longs = {new long[256], new long[256], new long[256]};
    private final int[][] ints = {new int[256], new int[256], new int[256], new int[256]};
    private byte[] types = new byte[64];
    private String[] roles = new String[64];
    private int granularity;
    private long latOffset;
    private long lonOffset;

    Block(OsmHandler handler, Set<Kind> kinds) {
      this.handler = handler;
      this.nodes = kinds.contains(Kind.NODE);
      this.ways = kinds.contains(Kind.WAY);
      this.relations = kinds.contains(Kind.RELATION);
    }

    /** Decodes one block; returns a bit per kind of element it holds. */
    int decode(byte[] data) {
      Proto p = new Proto(data, 0, data.length);
      granularity = 100;
      latOffset = 0;
      lonOffset = 0;
      strings = null;
      table = null;
      int groupsStart = -1;
      // The string table and the scale come first in practice, but the format does not promise
      // it: read them in a first scan, then the groups.
      while (p.more()) {
        int at = p.pos;
        int key = p.key();
        switch (key) {
          case (1 << 3) | 2 -> table = p.sub(); // decoded only when a wanted group needs it
          case (2 << 3) | 2 -> {
            if (groupsStart < 0) {
              groupsStart = at;
            }
            p.sub();
          }
          case 17 << 3 -> granularity = (int) p.varint();
          case 19 << 3 -> latOffset = p.varint();
          case 20 << 3 -> lonOffset = p.varint();
          default -> p.skip(key & 7);
        }
      }
      int found = 0;
      if (groupsStart < 0) {
        return found;
      }
      p.pos = groupsStart;
      while (p.more()) {
        int key = p.key();
        if (key == ((2 << 3) | 2)) {
          found |= group(p.sub());
        } else {
          p.skip(key & 7);
        }
      }
      return found;
    }

    /** Decodes the block's string table on first use. */
    private void strings() {
      if (strings != null) {
        return;
      }
      Proto t = table == null ? new Proto(new byte[0], 0, 0) : table;
      int n = 0;
      String[] s = new String[256];
      while (t.more()) {
        int key = t.key();
        if (key == ((1 << 3) | 2)) {
          if (n == s.length) {
            s = Arrays.copyOf(s, n * 2);
          }
          s[n++] = t.string();
        } else {
          t.skip(key & 7);
        }
      }
      strings = Arrays.copyOf(s, n);
    }

    private int group(Proto g) {
      int found = 0;
      while (g.more()) {
        int key = g.key();
        switch (key) {
          case (1 << 3) | 2 -> {
            found |= 1 << Kind.NODE.ordinal();
            Proto sub = g.sub();
            if (nodes) {
              strings();
              node(sub);
            }
          }
          case (2 << 3) | 2 -> {
            found |= 1 << Kind.NODE.ordinal();
            Proto sub = g.sub();
            if (nodes) {
              strings();
              dense(sub);
            }
          }
          case (3 << 3) | 2 -> {
            found |= 1 << Kind.WAY.ordinal();
            Proto sub = g.sub();
            if (ways) {
              strings();
              way(sub);
            }
          }
          case (4 << 3) | 2 -> {
            found |= 1 << Kind.RELATION.ordinal();
            Proto sub = g.sub();
            if (relations) {
              strings();
              relation(sub);
            }
          }
          default -> g.skip(key & 7);
        }
      }
      return found;
    }

    private double lat(long raw) {
      return 1e-9 * (latOffset + (long) granularity * raw);
    }

    private double lon(long raw) {
      return 1e-9 * (lonOffset + (long) granularity * raw);
    }

    private void node(Proto n) {
      long id = 0;
      long lat = 0;
      long lon = 0;
      int nk = 0;
      int nv = 0;
      while (n.more()) {
        int key = n.key();
        switch (key >>> 3) {
          case 1 -> id = n.sint();
          case 2 -> nk = uints(n, key, 0, nk);
          case 3 -> nv = uints(n, key, 1, nv);
          case 8 -> lat = n.sint();
          case 9 -> lon = n.sint();
          default -> n.skip(key & 7);
        }
      }
      tags(nk, nv);
      handler.node(id, lat(lat), lon(lon), tags);
    }

    private void dense(Proto d) {
      int nIds = 0;
      int nLats = 0;
      int nLons = 0;
      int nKv = 0;
      while (d.more()) {
        int key = d.key();
        switch (key >>> 3) {
          case 1 -> nIds = sints(d, key, 0, nIds);
          case 8 -> nLats = sints(d, key, 1, nLats);
          case 9 -> nLons = sints(d, key, 2, nLons);
          case 10 -> nKv = uints(d, key, 0, nKv);
          default -> d.skip(key & 7);
        }
      }
      if (nLats != nIds || nLons != nIds) {
        throw new IllegalStateException("dense nodes with " + nIds + " ids and " + nLats + " lats");
      }
      long id = 0;
      long lat = 0;
      long lon = 0;
      int kv = 0;
      long[] ids = longs[0];
      long[] lats = longs[1];
      long[] lons = longs[2];
      int[] kvs = ints[0];
      for (int i = 0; i < nIds; i++) {
        id += ids[i];
        lat += lats[i];
        lon += lons[i];
        tags.clear();
        if (nKv > 0) {
          while (kv < nKv && kvs[kv] != 0) {
            tags.add(strings[kvs[kv]], strings[kvs[kv + 1]]);
            kv += 2;
          }
          kv++;
        }
        handler.node(id, lat(lat), lon(lon), tags);
      }
    }

    private void way(Proto w) {
      long id = 0;
      int nk = 0;
      int nv = 0;
      int nRefs = 0;
      while (w.more()) {
        int key = w.key();
        switch (key >>> 3) {
          case 1 -> id = w.varint();
          case 2 -> nk = uints(w, key, 0, nk);
          case 3 -> nv = uints(w, key, 1, nv);
          case 8 -> nRefs = sints(w, key, 0, nRefs);
          default -> w.skip(key & 7);
        }
      }
      long[] refs = longs[0];
      for (int i = 1; i < nRefs; i++) {
        refs[i] += refs[i - 1];
      }
      tags(nk, nv);
      handler.way(id, refs, nRefs, tags);
    }

    private void relation(Proto r) {
      long id = 0;
      int nk = 0;
      int nv = 0;
      int nRoles = 0;
      int nIds = 0;
      int nTypes = 0;
      while (r.more()) {
        int key = r.key();
        switch (key >>> 3) {
          case 1 -> id = r.varint();
          case 2 -> nk = uints(r, key, 0, nk);
          case 3 -> nv = uints(r, key, 1, nv);
          case 8 -> nRoles = uints(r, key, 2, nRoles);
          case 9 -> nIds = sints(r, key, 0, nIds);
          case 10 -> nTypes = uints(r, key, 3, nTypes);
          default -> r.skip(key & 7);
        }
      }
      if (nIds != nTypes || nIds != nRoles) {
        throw new IllegalStateException(
            "relation "
                + id
                + " has "
                + nIds
                + " members, "
                + nTypes
                + " types, "
                + nRoles
                + " roles");
      }
      int n = nIds;
      ensureMembers(n);
      long[] ids = longs[0];
      for (int i = 1; i < n; i++) {
        ids[i] += ids[i - 1];
      }
      for (int i = 0; i < n; i++) {
        types[i] = (byte) ints[3][i];
        roles[i] = strings[ints[2][i]];
      }
      tags(nk, nv);
      handler.relation(id, ids, types, roles, n, tags);
    }

    private void ensureMembers(int n) {
      if (n > types.length) {
        types = Arrays.copyOf(types, Math.max(n, types.length * 2));
        roles = Arrays.copyOf(roles, Math.max(n, roles.length * 2));
      }
    }

    private void tags(int nk, int nv) {
      tags.clear();
      if (nk != nv) {
        throw new IllegalStateException(nk + " tag keys but " + nv + " values");
      }
      for (int i = 0; i < nk; i++) {
        tags.add(strings[ints[0][i]], strings[ints[1][i]]);
      }
    }

    /**
     * Reads a repeated unsigned field into {@code ints[which]}: a packed field replaces the values
     * read so far ({@code n}), an unpacked one appends one value. Returns the new count.
     */
    private int uints(Proto p, int key, int which, int n) {
      int[] a = ints[which];
      if ((key & 7) == 2) {
        n = 0;
        Proto s = p.sub();
        while (s.more()) {
          if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
          }
          a[n++] = (int) s.varint();
        }
      } else {
        if (n == a.length) {
          a = Arrays.copyOf(a, n * 2);
        }
        a[n++] = (int) p.varint();
      }
      ints[which] = a;
      return n;
    }

    /** The same for a repeated zig-zag field into {@code longs[which]}. */
    private int sints(Proto p, int key, int which, int n) {
      long[] a = longs[which];
      if ((key & 7) == 2) {
        n = 0;
        Proto s = p.sub();
        while (s.more()) {
          if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
          }
          a[n++] = s.sint();
        }
      } else {
        if (n == a.length) {
          a = Arrays.copyOf(a, n * 2);
        }
        a[n++] = p.sint();
      }
      longs[which] = a;
      return n;
    }
  }
}
