package io.natgrad.rl.metric;

import io.natgrad.core.metric.Metric;

/** G = I: with it the natural policy gradient is the plain policy gradient (REINFORCE). */
final class EuclideanMetric implements PolicyMetric {

  @Override
  public String name() {
    return "euclidean";
  }

  @Override
  public Metric on(PolicySample sample) {
    return Metric.euclidean();
  }
}
