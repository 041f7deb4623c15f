package io.natgrad.spark;

import io.natgrad.core.glm.IrlsRequest;
import io.natgrad.core.glm.IrlsSums;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * A tree aggregate of the partitions' {@link IrlsSums} whose additions happen in partition order,
 * so that a fit gives the same bits on every run and every cluster shape. Spark's own
 * {@code treeAggregate} merges partial results in the order tasks finish; here each partition's
 * sums carry its index, one intermediate level (when there are more than about √n + √n
 * partitions, the same shape Spark's depth-2 tree takes) adds groups of consecutive partitions in
 * index order on the executors, and the driver adds the groups in order.
 */
final class OrderedAggregate {
  private OrderedAggregate() {}

  static IrlsSums sum(JavaRDD<PartitionBlock> blocks, IrlsRequest r) {
    JavaPairRDD<Integer, IrlsSums> parts = blocks.mapToPair(
        b -> new Tuple2<>(b.index(), b.block().pass(r)));
    int n = blocks.getNumPartitions();
    int scale = Math.max((int) Math.ceil(Math.sqrt(n)), 2);
    if (n > scale + (int) Math.ceil((double) n / scale)) {
      int groups = (n + scale - 1) / scale;
      parts = parts.mapToPair(t -> new Tuple2<>(t._1() / scale, t))
          .groupByKey(groups)
          .mapToPair(g -> {
            List<Tuple2<Integer, IrlsSums>> list = new ArrayList<>();
            g._2().forEach(list::add);
            list.sort(Comparator.comparing(Tuple2::_1));
            return new Tuple2<>(g._1(), addInOrder(list));
          });
    }
    List<Tuple2<Integer, IrlsSums>> all = new ArrayList<>(parts.collect());
    all.sort(Comparator.comparing(Tuple2::_1));
    return addInOrder(all);
  }

  private static IrlsSums addInOrder(List<Tuple2<Integer, IrlsSums>> sorted) {
    IrlsSums total = sorted.get(0)._2();
    for (int k = 1; k < sorted.size(); k++) {
      total.add(sorted.get(k)._2());
    }
    return total;
  }
}
