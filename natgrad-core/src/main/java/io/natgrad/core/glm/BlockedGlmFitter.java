package io.natgrad.core.glm;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Fisher scoring (R's {@code glm.fit}, the same {@link IrlsLoop} as {@link GlmFitter}) over rows
 * kept in blocks wherever they live — a cluster's partitions, or chunks of this JVM's arrays —
 * that never move: each iteration is one aggregate of the blocks' {@link IrlsSums} at the new
 * coefficients (the deviance, validity, and the next XᵀWX and XᵀWz), solved here by the normal
 * equations with R's aliasing rule. A design too ill-conditioned for the normal equations (a
 * column with less than 1e-4 of its norm outside the span of those before it) gets a warning,
 * since without the rows here there is no QR to fall back on. Per-row results (η, μ, working
 * weights) stay with the rows: the fit's arrays for them are null.
 */
public final class BlockedGlmFitter {
  private final double epsilon;
  private final int maxIterations;

  /** Where the blocks are: one request answered by all blocks, their sums added in block order. */
  @FunctionalInterface
  public interface Blocks {
    IrlsSums aggregate(IrlsRequest request);
  }

  /**
   * @param epsilon the convergence tolerance ε (R's default 1e-8)
   * @param maxIterations at most this many iterations (R's default 25)
   */
  public BlockedGlmFitter(double epsilon, int maxIterations) {
    IrlsLoop.checkControl(epsilon, maxIterations);
    this.epsilon = epsilon;
    this.maxIterations = maxIterations;
  }

  /** Blocks in this JVM, answered in parallel and added in list order. */
  public static Blocks inMemory(List<GlmBlock> blocks) {
    List<GlmBlock> list = List.copyOf(blocks);
    return r -> {
      IrlsSums[] parts = IntStream.range(0, list.size()).parallel()
          .mapToObj(k -> list.get(k).pass(r)).toArray(IrlsSums[]::new);
      return addInOrder(parts, r);
    };
  }

  /** The sums of {@code parts} added in their order (an empty list: the sums of no rows). */
  public static IrlsSums addInOrder(IrlsSums[] parts, IrlsRequest r) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("no rows: the data have no blocks");
    }
    IrlsSums total = parts[0];
    for (int k = 1; k < parts.length; k++) {
      total.add(parts[k]);
    }
    return total;
  }

  /** The rows of one design split into blocks of at most {@code rowsPerBlock} rows. */
  public static List<GlmBlock> split(double[] x, int n, int p, double[] y, double[] w,
      double[] off, int rowsPerBlock) {
    List<GlmBlock> out = new ArrayList<>();
    for (int r0 = 0; r0 < n; r0 += rowsPerBlock) {
      int r1 = Math.min(n, r0 + rowsPerBlock);
      out.add(new GlmBlock(java.util.Arrays.copyOfRange(x, r0 * p, r1 * p), r1 - r0, p,
          java.util.Arrays.copyOfRange(y, r0, r1),
          w == null ? null : java.util.Arrays.copyOfRange(w, r0, r1),
          off == null ? null : java.util.Arrays.copyOfRange(off, r0, r1)));
    }
    return out;
  }

  /**
   * Fits the model whose design has {@code p} columns.
   *
   * @param intercept whether the design's first column is the intercept (for the null deviance)
   */
  public GlmFit fit(Blocks blocks, int p, Family family, Link link, boolean intercept) {
    Points rows = new Points(blocks, p, family, link, false);
    IrlsLoop.Result r = IrlsLoop.run(rows, p, epsilon, maxIterations);
    IrlsSums last = ((SumPoint) r.last()).sums;
    if (rows.illConditioned) {
      r.warnings().add("the weighted design is ill-conditioned (a column has less than 1e-4 of "
          + "its norm outside the span of those before it): the normal equations lose about "
          + "twice the digits a QR would; fit in process (without --engine) to compare");
    }
    if (last.edge) {
      r.warnings().add(IrlsLoop.edgeWarning(family));
    }
    double dev = last.deviance;
    IrlsSums aic = blocks.aggregate(new IrlsRequest(family, link, IrlsRequest.Mode.AT, r.beta(),
        Double.NaN, false, false, dev / last.sumW));
    double nullDev;
    if (intercept && last.anyOffset) {
      Points nullRows = new Points(blocks, 1, family, link, true);
      nullDev = IrlsLoop.run(nullRows, 1, epsilon, maxIterations).last().deviance();
    } else {
      IrlsRequest.Mode mode = intercept ? IrlsRequest.Mode.MEAN : IrlsRequest.Mode.OFFSET;
      nullDev = blocks.aggregate(new IrlsRequest(family, link, mode, null,
          last.sumWY / last.sumW, false, false, Double.NaN)).deviance;
    }
    double aicValue = family.aicFromTerms(last.rows, last.sumW, aic.aicTerms, dev);
    return IrlsLoop.assemble(r, p, family, last.weighted, last.pearson, nullDev, aicValue,
        intercept, null, null, null);
  }

  /** The points the iteration visits, each one aggregate over the blocks. */
  private static final class Points implements IrlsLoop.Rows {
    private final Blocks blocks;
    private final int p;
    private final Family family;
    private final Link link;
    private final boolean interceptOnly;
    boolean illConditioned;

    Points(Blocks blocks, int p, Family family, Link link, boolean interceptOnly) {
      this.blocks = blocks;
      this.p = p;
      this.family = family;
      this.link = link;
      this.interceptOnly = interceptOnly;
    }

    @Override
    public IrlsLoop.Point start() {
      return new SumPoint(this, blocks.aggregate(IrlsRequest.start(family, link, interceptOnly)));
    }

    @Override
    public IrlsLoop.Point at(double[] beta) {
      return new SumPoint(this, blocks.aggregate(IrlsRequest.at(family, link, beta,
          interceptOnly)));
    }
  }

  private static final class SumPoint implements IrlsLoop.Point {
    private final Points owner;
    final IrlsSums sums;

    SumPoint(Points owner, IrlsSums sums) {
      this.owner = owner;
      this.sums = sums;
    }

    @Override
    public double deviance() {
      return sums.deviance;
    }

    @Override
    public boolean valid() {
      return sums.valid;
    }

    @Override
    public Wls solve(double tol) {
      if (sums.varianceNaN || sums.varianceZero) {
        throw new IllegalStateException(sums.varianceNaN ? "NAs in V(mu)" : "0s in V(mu)");
      }
      if (sums.informative == 0) {
        return null;
      }
      NormalEquations ne = NormalEquations.fromSums(sums.system.clone(), owner.p, tol);
      owner.illConditioned |= !ne.wellConditioned();
      return Wls.of(ne);
    }
  }
}
