package io.natgrad.core.linalg;

import java.util.ArrayList;
import java.util.List;

/**
 * A block-diagonal operator diag(B₁, …, B_k) + λI over consecutive index ranges, each block a
 * {@link KroneckerBlock} (a K-FAC layer, A ⊗ S) or a diagonal (e.g. a Gaussian policy's log σ,
 * whose Fisher block is exact): K-FAC's approximation of the Fisher (Martens and Grosse 2015,
 * §4; ACKTR, Wu et al. 2017). Its inverse is the blocks' inverses, each in closed form, with the
 * damping λ added inside every block (in the Kronecker eigenbasis for Kronecker blocks):
 *
 * <pre>
 * (G + λI)⁻¹ v = ( (B₁ + λI)⁻¹ v₁, …, (B_k + λI)⁻¹ v_k )
 * </pre>
 *
 * Indices not covered by any block are refused at construction: the blocks tile 0..n−1.
 */
public final class BlockDiagonal implements SolvableOperator {
  private final List<Block> blocks;
  private final int dimension;
  private final double damping;

  /** One block at [offset, offset + size). */
  private record Block(int offset, KroneckerBlock kronecker, double[] diagonal) {
    int size() {
      return kronecker != null ? kronecker.dimension() : diagonal.length;
    }
  }

  private BlockDiagonal(List<Block> blocks, int dimension, double damping) {
    this.blocks = blocks;
    this.dimension = dimension;
    this.damping = damping;
  }

  /** Builds the blocks in index order; each starts where the previous one ends. */
  public static final class Builder {
    private final List<Block> blocks = new ArrayList<>();
    private int next;

    /** A Kronecker block A ⊗ S for the next A.rows·S.rows indices. */
    public Builder kronecker(KroneckerBlock block) {
      blocks.add(new Block(next, block, null));
      next += block.dimension();
      return this;
    }

    /** A diagonal block diag(d) (each d ≥ 0) for the next d.length indices. */
    public Builder diagonal(double[] d) {
      for (int i = 0; i < d.length; i++) {
        if (!(d[i] >= 0) || Double.isInfinite(d[i])) {
          throw new IllegalArgumentException("diagonal block entry " + i + " must be finite and"
              + " >= 0, got " + d[i]);
        }
      }
      blocks.add(new Block(next, null, d.clone()));
      next += d.length;
      return this;
    }

    /** The indices covered so far (where the next block starts). */
    public int size() {
      return next;
    }

    /** The operator over the blocks added, whose dimensions must sum to {@code dimension}. */
    public BlockDiagonal build(int dimension) {
      if (next != dimension) {
        throw new IllegalArgumentException("the blocks cover " + next + " indices, the operator"
            + " has dimension " + dimension);
      }
      return new BlockDiagonal(List.copyOf(blocks), dimension, 0.0);
    }
  }

  /** A builder of blocks starting at index 0. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public void apply(double[] v, double[] out) {
    for (Block b : blocks) {
      if (b.kronecker() != null) {
        onKroneckerPart(b, v, out, (part, res) -> b.kronecker().apply(part, res));
      } else {
        for (int i = 0; i < b.size(); i++) {
          out[b.offset() + i] = b.diagonal()[i] * v[b.offset() + i];
        }
      }
    }
    if (damping != 0) {
      for (int i = 0; i < dimension; i++) {
        out[i] += damping * v[i];
      }
    }
  }

  /** Runs {@code op} on the block's slice of v, writing the block's slice of out. */
  private static void onKroneckerPart(Block b, double[] v, double[] out,
      java.util.function.BiConsumer<double[], double[]> op) {
    double[] part = java.util.Arrays.copyOfRange(v, b.offset(), b.offset() + b.size());
    double[] res = new double[b.size()];
    op.accept(part, res);
    System.arraycopy(res, 0, out, b.offset(), b.size());
  }

  @Override
  public void solve(double[] v, double[] out) {
    for (Block b : blocks) {
      int o = b.offset();
      int m = b.size();
      if (b.kronecker() != null) {
        onKroneckerPart(b, v, out, (part, res) -> b.kronecker().solveDamped(part, damping, res));
      } else {
        for (int i = 0; i < m; i++) {
          double d = b.diagonal()[i] + damping;
          if (!(d > 0)) {
            throw new IllegalArgumentException("the metric is singular at index " + (o + i)
                + ": add damping");
          }
          out[o + i] = v[o + i] / d;
        }
      }
    }
  }

  /** Computes every Kronecker block's eigendecompositions now (otherwise on the first solve). */
  public void decompose() {
    for (Block b : blocks) {
      if (b.kronecker() != null) {
        b.kronecker().decompose();
      }
    }
  }

  @Override
  public BlockDiagonal plusDamping(double lambda) {
    Damped.checkDamping(lambda);
    return new BlockDiagonal(blocks, dimension, damping + lambda);
  }
}
