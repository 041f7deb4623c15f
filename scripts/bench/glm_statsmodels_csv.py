# Issue 16's CSV-to-coefficients benchmark, the peer's side: pandas read_csv + statsmodels GLM.fit
# on big.csv (the logistic data of glm_statsmodels.py written by pandas' to_csv: y, x1..x19, 377 MB).
# Time it from the shell: /usr/bin/time /usr/bin/python3 scripts/bench/glm_statsmodels_csv.py;
# natgrad's side: /usr/bin/time ./natgrad glm --data big.csv --formula "y ~ x1 + ... + x19"
# --family binomial.
import time, pandas as pd, statsmodels.api as sm
t0 = time.perf_counter()
df = pd.read_csv("big.csv")
t1 = time.perf_counter()
X = sm.add_constant(df.drop(columns="y")); res = sm.GLM(df["y"], X, family=sm.families.Binomial()).fit()
t2 = time.perf_counter()
print("read_csv %.2f s, fit %.2f s, total %.2f s" % (t1 - t0, t2 - t1, t2 - t0))
