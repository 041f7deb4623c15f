package io.natgrad.core.linalg;

/**
 * An operator that applies its own inverse in closed form — a K-FAC metric's block-diagonal
 * Kronecker structure — so a natural-gradient direction G⁻¹∇f needs no conjugate gradient.
 * {@link io.natgrad.core.optim.DirectionSolver}s use {@link #solve} when they meet one.
 */
public interface SolvableOperator extends LinearOperator {

  /** out = A⁻¹ b; {@code b} is not modified. */
  void solve(double[] b, double[] out);

  /** A + λI, still solvable in closed form. */
  @Override
  SolvableOperator plusDamping(double damping);
}
