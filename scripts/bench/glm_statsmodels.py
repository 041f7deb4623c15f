# Issue 16's logistic-regression benchmark, the peer's side: writes the seeded synthetic data
# (n = 1e6, p = 20 with an intercept) as little-endian doubles (x.bin, y.bin) and times
# statsmodels' GLM(...).fit() twice; its coefficients go to sm_coef.txt. Run with Debian's
# python3-statsmodels: /usr/bin/python3 scripts/bench/glm_statsmodels.py (in a scratch directory),
# then the natgrad side: scripts/bench/GlmTime.java (see its header).
import numpy as np, time, sys
import statsmodels.api as sm
rng = np.random.default_rng(0)
n, p = 1_000_000, 20
X = np.empty((n, p)); X[:, 0] = 1.0
X[:, 1:] = rng.standard_normal((n, p - 1))
beta = np.linspace(-0.5, 0.5, p)
eta = X @ beta
y = (rng.random(n) < 1 / (1 + np.exp(-eta))).astype(float)
X.astype('<f8').tofile('x.bin'); y.astype('<f8').tofile('y.bin')
for k in range(2):
    t0 = time.perf_counter()
    res = sm.GLM(y, X, family=sm.families.Binomial()).fit()
    t1 = time.perf_counter()
    print("statsmodels fit %.3f s, iterations %s" % (t1 - t0, res.fit_history['iteration']))
np.savetxt('sm_coef.txt', res.params, fmt='%.17g')

# Poisson with an offset (log exposure 1..5), the same shape
off = np.log(1 + rng.integers(0, 5, n))
mu = np.exp(0.2 + 0.3 * eta + off)
yp = rng.poisson(mu).astype(float)
for k in range(2):
    t0 = time.perf_counter()
    res = sm.GLM(yp, X, family=sm.families.Poisson(), offset=off).fit()
    t1 = time.perf_counter()
    print("statsmodels Poisson with offset fit %.3f s, iterations %s" % (t1 - t0, res.fit_history['iteration']))
