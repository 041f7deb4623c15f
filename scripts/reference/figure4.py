# Figure 4 of the paper, computed independently of natgrad with NumPy: the distribution of the
# block statistics that natgrad-rl's Figure4ReferenceTest bounds. The toy task: s0 = 0,
# s' = s + a, r = -s'^2 - a^2, T = 10 steps; policy a ~ N(mu, sigma^2), start (mu, sigma) = (10, 14);
# N = 10 episodes per iteration; the paper's estimator g = (1/N) sum_tau (sum_t grad log pi) R_tau;
# metric G = I (PG) or the exact trajectory Fisher T diag(1/sigma^2, 2/sigma^2) (NPG); trust-region
# step beta = sqrt(2 eps / g'Gg), eps = 0.075, theta <- theta + beta G^-1 g; sigma floored at 1e-3
# after each step; 300 iterations. A block is 10 agents; J is the exact expected return
# -(A mu^2 + B sigma^2), A = T(T+1)(2T+1)/6 + T, B = T(T+1)/2 + T.
# Usage: python3 scripts/reference/figure4.py [BLOCKS] [SEED]   (default 400 blocks, seed 0)
import sys
import numpy as np

T, N, EPS, ITERS, AGENTS = 10, 10, 0.075, 300, 10
A = T * (T + 1) * (2 * T + 1) / 6 + T
B = T * (T + 1) / 2 + T
blocks = int(sys.argv[1]) if len(sys.argv) > 1 else 400
rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 0)


def train(natural, m):
    mu = np.full(m, 10.0)
    sigma = np.full(m, 14.0)
    history = {}
    for k in range(ITERS + 1):
        if k in (50, 100, 300):
            history[k] = (-(A * mu ** 2 + B * sigma ** 2), sigma.copy())
        if k == ITERS:
            break
        eps = rng.standard_normal((m, N, T))
        a = mu[:, None, None] + sigma[:, None, None] * eps
        s = np.cumsum(a, axis=2)
        ret = (-(s ** 2) - a ** 2).sum(axis=2)                       # R_tau, (m, N)
        d = a - mu[:, None, None]
        score_mu = (d / sigma[:, None, None] ** 2).sum(axis=2)        # sum_t dlog pi/dmu
        score_sigma = ((d ** 2 - sigma[:, None, None] ** 2) / sigma[:, None, None] ** 3).sum(axis=2)
        g = np.stack([(score_mu * ret).mean(axis=1), (score_sigma * ret).mean(axis=1)], axis=1)
        if natural:
            gdiag = np.stack([T / sigma ** 2, 2 * T / sigma ** 2], axis=1)
        else:
            gdiag = np.ones((m, 2))
        direction = g / gdiag
        beta = np.sqrt(2 * EPS / (direction * gdiag * direction).sum(axis=1))
        mu = mu + beta * direction[:, 0]
        sigma = np.maximum(sigma + beta * direction[:, 1], 1e-3)
    return history


stats = {}
for method, natural in (("pg", False), ("npg", True)):
    h = train(natural, blocks * AGENTS)
    for k, (j, sig) in h.items():
        stats[(method, "J", k)] = j.reshape(blocks, AGENTS).mean(axis=1)
        stats[(method, "sigma", k)] = sig.reshape(blocks, AGENTS).mean(axis=1)
print("block means over %d blocks of %d agents: min, 1%%, median, 99%%, max" % (blocks, AGENTS))
for key in [("npg", "J", 50), ("pg", "J", 50), ("npg", "J", 100), ("pg", "J", 100),
            ("npg", "J", 300), ("pg", "J", 300), ("npg", "sigma", 50), ("pg", "sigma", 50)]:
    v = stats[key]
    print("%-4s %-5s at %3d: %12.4f %12.4f %12.4f %12.4f %12.4f" % (
        key[0], key[1], key[2], v.min(), *np.percentile(v, [1, 50, 99]), v.max()))
