# Issue 16's CSV-to-coefficients benchmark, the peer's side: pandas read_csv + statsmodels GLM.fit.
#   logistic (default): big.csv, the logistic data of glm_statsmodels.py written by pandas' to_csv
#     (y, x1..x19, 377 MB);
#   poisson: bigp.csv, Poisson counts with an offset (log exposure 1..5; y, x1..x19, off), written
#     here by pandas' to_csv on first use (seeded; about 400 MB).
# Time it from the shell: /usr/bin/time /usr/bin/python3 scripts/bench/glm_statsmodels_csv.py [poisson];
# natgrad's side: /usr/bin/time ./natgrad glm --data big.csv --formula "y ~ x1 + ... + x19"
# --family binomial, or --data bigp.csv --family poisson --offset off.
import os, sys, time
import numpy as np, pandas as pd, statsmodels.api as sm
poisson = len(sys.argv) > 1 and sys.argv[1] == "poisson"
name = "bigp.csv" if poisson else "big.csv"
if poisson and not os.path.exists(name):
    rng = np.random.default_rng(1)
    n, p = 1_000_000, 20
    X = rng.standard_normal((n, p - 1))
    eta = 0.2 + X @ np.linspace(-0.15, 0.15, p - 1)
    off = np.log(1 + rng.integers(0, 5, n))
    y = rng.poisson(np.exp(eta + off)).astype(float)
    df = pd.DataFrame(X, columns=["x%d" % j for j in range(1, p)])
    df.insert(0, "y", y); df["off"] = off
    df.to_csv(name, index=False)
    print("wrote", name)
    sys.exit(0)
t0 = time.perf_counter()
df = pd.read_csv(name)
t1 = time.perf_counter()
if poisson:
    X = sm.add_constant(df.drop(columns=["y", "off"]))
    res = sm.GLM(df["y"], X, family=sm.families.Poisson(), offset=df["off"]).fit()
else:
    X = sm.add_constant(df.drop(columns="y"))
    res = sm.GLM(df["y"], X, family=sm.families.Binomial()).fit()
t2 = time.perf_counter()
print("read_csv %.2f s, fit %.2f s, total %.2f s" % (t1 - t0, t2 - t1, t2 - t0))
np.savetxt(name + ".coef.txt", res.params, fmt="%.17g")
