package dev.talkbook.bench.store;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Picks items with Zipf–Mandelbrot weights {@code 1 / (rank + q)^s}: the first most often. */
final class Zipf<T> {
  private final List<T> items;
  private final double[] cumulative;

  Zipf(List<T> items, double s, double q) {
    this.items = List.copyOf(items);
    this.cumulative = new double[items.size()];
    double sum = 0;
    for (int i = 0; i < cumulative.length; i++) {
      sum += 1.0 / Math.pow(i + 1 + q, s);
      cumulative[i] = sum;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= sum;
    }
  }

  T next(Random random) {
    int i = Arrays.binarySearch(cumulative, random.nextDouble());
    int index = i >= 0 ? i : -i - 1;
    return items.get(Math.min(index, items.size() - 1));
  }
}
