package org.karvan.core.graph;

import java.util.Arrays;

/**
 * An indexed binary min-heap of int items keyed by double, with decrease-key. Items are dense ids
 * in {@code [0, capacity)}. Reused across queries: {@link #clear()} costs O(size), not O(capacity).
 */
public final class MinHeap {
  private int[] heap;
  private double[] keys;
  private final int[] pos; // position of item in heap, -1 when absent
  private int size;

  public MinHeap(int capacity) {
    heap = new int[16];
    keys = new double[16];
    pos = new int[capacity];
    Arrays.fill(pos, -1);
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public int size() {
    return size;
  }

  public double peekKey() {
    return keys[0];
  }

  /** Inserts {@code item} or lowers its key; a higher key is ignored. */
  public void push(int item, double key) {
    int i = pos[item];
    if (i < 0) {
      if (size == heap.length) {
        heap = Arrays.copyOf(heap, size * 2);
        keys = Arrays.copyOf(keys, size * 2);
      }
      i = size++;
      heap[i] = item;
      keys[i] = key;
      pos[item] = i;
      up(i);
    } else if (key < keys[i]) {
      keys[i] = key;
      up(i);
    }
  }

  public int pop() {
    int top = heap[0];
    pos[top] = -1;
    size--;
    if (size > 0) {
      heap[0] = heap[size];
      keys[0] = keys[size];
      pos[heap[0]] = 0;
      down(0);
    }
    return top;
  }

  public void clear() {
    for (int i = 0; i < size; i++) {
      pos[heap[i]] = -1;
    }
    size = 0;
  }

  private void up(int i) {
    int item = heap[i];
    double k = keys[i];
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (keys[p] <= k) {
        break;
      }
      heap[i] = heap[p];
      keys[i] = keys[p];
      pos[heap[i]] = i;
      i = p;
    }
    heap[i] = item;
    keys[i] = k;
    pos[item] = i;
  }

  private void down(int i) {
    int item = heap[i];
    double k = keys[i];
    int half = size >>> 1;
    while (i < half) {
      int c = 2 * i + 1;
      int r = c + 1;
      if (r < size && keys[r] < keys[c]) {
        c = r;
      }
      if (keys[c] >= k) {
        break;
      }
      heap[i] = heap[c];
      keys[i] = keys[c];
      pos[heap[i]] = i;
      i = c;
    }
    heap[i] = item;
    keys[i] = k;
    pos[item] = i;
  }
}
