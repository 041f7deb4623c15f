# Figure 2 of the paper, computed independently of natgrad with NumPy: the reference values of
# natgrad-core's Figure2ReferenceTest. Gaussian N(mu, sigma^2), parameters (mu, sigma), start
# (0, 1), data = the shared 1000-point dataset; f = the negative log-likelihood (mean or sum);
# G = I (gradient descent) or the exact Fisher diag(1/sigma^2, 2/sigma^2) (natural gradient);
# step: trust region beta = sqrt(2 eps / g'Gg) with g = G^-1 grad f, or a learning rate alpha;
# "converged" = within 1% of the sample MLE in both mu and sigma (the first such iterate).
# Usage: python3 scripts/reference/figure2.py   (about a minute: one run is 10^6 iterations)
import math
import os
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
x = np.loadtxt(os.path.join(here, "..", "..", "natgrad-core", "src", "main", "resources",
                            "io", "natgrad", "core", "mle", "fig2-gaussian-n1000.csv"), skiprows=1)
n = len(x)
mu_hat = x.mean()
sigma_hat = math.sqrt(((x - mu_hat) ** 2).mean())
print("MLE mu %.10f sigma %.11f" % (mu_hat, sigma_hat))


def grad(mu, sigma, reduce_sum):
    d = x - mu
    g_mu = -d.sum() / sigma ** 2
    g_sigma = n / sigma - (d * d).sum() / sigma ** 3
    scale = 1.0 if reduce_sum else 1.0 / n
    return np.array([g_mu * scale, g_sigma * scale])


def metric(mu, sigma, natural):
    return np.diag([1 / sigma ** 2, 2 / sigma ** 2]) if natural else np.eye(2)


def within(mu, sigma):
    return abs(mu - mu_hat) <= 0.01 * abs(mu_hat) and abs(sigma - sigma_hat) <= 0.01 * sigma_hat


def run(natural, reading, step, max_iter, keep=3):
    reduce_sum = reading == "lr-sum"
    theta = np.array([0.0, 1.0])
    points = [theta.copy()]
    for k in range(1, max_iter + 1):
        gr = grad(theta[0], theta[1], reduce_sum)
        G = metric(theta[0], theta[1], natural)
        g = np.linalg.solve(G, gr)
        beta = math.sqrt(2 * step / (g @ G @ g)) if reading == "trust-region" else step
        theta = theta - beta * g
        if len(points) < keep:
            points.append(theta.copy())
        if within(theta[0], theta[1]):
            return k, points, theta
    return -1, points, theta


for reading, step, budgets in (("trust-region", 1e-4, (100_000, 100_000)),
                               ("lr-sum", 1e-4, (100_000, 100_000)),
                               ("lr-mean", 1e-4, (1_000_000, 100_000))):
    for natural, budget in ((False, budgets[0]), (True, budgets[1])):
        k, pts, last = run(natural, reading, step, budget)
        print("%-12s %-3s converged at %d; point 1 %r; point 2 %r; last %r" % (
            reading, "ngd" if natural else "gd", k, tuple(map(float, pts[1])),
            tuple(map(float, pts[2])), tuple(map(float, last))))
