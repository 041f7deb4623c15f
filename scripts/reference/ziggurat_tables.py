# The ziggurat tables of NumPy's standard_normal and standard_exponential, for natgrad-core's
# NumPyGenerator (writes ZigguratTables.java). The layer widths (wi, we) must be NumPy's exact
# doubles, since every fast-path draw is rabs * w[idx]: they are recovered from NumPy's own draws
# (for each layer, the one double w with fl(rabs * w) == |x| for every fast-path draw of that
# layer, checked against all of them). The thresholds (ki, ke) and densities (fi, fe) are computed
# from the ziggurat's equations in 60-digit arithmetic (mpmath) from those widths; they enter only
# a comparison, so a last-bit difference from NumPy's changes a draw with probability < 1e-14.
# Usage: python3 scripts/reference/ziggurat_tables.py   (NumPy 2.x and mpmath; about a minute)
import os
import numpy as np
import mpmath as mp

mp.mp.dps = 60
NOR_R = mp.mpf("3.6541528853610087963519472518")
EXP_R = mp.mpf("7.6971174701310497140446280481")


def approx_normal():
    f = lambda x: mp.exp(-x * x / 2)
    v = NOR_R * f(NOR_R) + mp.sqrt(mp.pi / 2) * mp.erfc(NOR_R / mp.sqrt(2))
    x = [mp.mpf(0)] * 256
    x[255] = NOR_R
    for i in range(255, 1, -1):
        x[i - 1] = mp.sqrt(-2 * mp.log(f(x[i]) + v / x[i]))
    x[0] = v / f(NOR_R)
    return [float(xi / mp.mpf(2) ** 52) for xi in x]


def approx_exponential():
    f = lambda x: mp.exp(-x)
    v = (EXP_R + 1) * f(EXP_R)
    x = [mp.mpf(0)] * 256
    x[255] = EXP_R
    for i in range(255, 1, -1):
        x[i - 1] = -mp.log(f(x[i]) + v / x[i])
    x[0] = v / f(EXP_R)
    return [float(xi / mp.mpf(2) ** 53) for xi in x]


def normal_unpack(r):
    idx = r & 0xFF
    r >>= 8
    return idx, (r >> 1) & 0x000FFFFFFFFFFFFF


def exponential_unpack(r):
    r >>= 3
    idx = r & 0xFF
    return idx, r >> 8


def collect(approx, unpack, draw):
    """Exact widths from the fast-path draws of 400 short streams (each up to its first slow-path
    draw, where the raw outputs and the draws stop being aligned one to one)."""
    merged = [[] for _ in range(256)]
    for seed in range(400):
        raws = np.random.PCG64(seed).random_raw(2000)
        outs = draw(np.random.Generator(np.random.PCG64(seed)), 2000)
        j = 0
        for out in outs:
            idx, mant = unpack(int(raws[j]))
            guess = mant * approx[idx]
            if guess == 0 or abs(abs(out) - guess) > 1e-12 * guess:
                break
            merged[idx].append((mant, abs(float(out))))
            j += 1
    exact = []
    for idx in range(256):
        mants = np.array([m for m, _ in merged[idx]], dtype=np.float64)
        outs = np.array([o for _, o in merged[idx]], dtype=np.float64)
        w = outs[0] / mants[0]
        for _ in range(16):
            w = np.nextafter(w, 0)
        candidates = []
        for _ in range(33):
            if np.all(mants * w == outs):
                candidates.append(float(w))
            w = np.nextafter(w, np.inf)
        assert len(candidates) == 1, (idx, candidates, len(mants))
        exact.append(candidates[0])
    return exact, min(len(m) for m in merged)


wi, nmin = collect(approx_normal(), normal_unpack, lambda g, n: g.standard_normal(n))
we, emin = collect(approx_exponential(), exponential_unpack, lambda g, n: g.standard_exponential(n))
two52, two53 = mp.mpf(2) ** 52, mp.mpf(2) ** 53
xn = [mp.mpf(w) * two52 for w in wi]
xe = [mp.mpf(w) * two53 for w in we]
fi = [1.0] + [float(mp.exp(-xn[i] ** 2 / 2)) for i in range(1, 256)]
fe = [1.0] + [float(mp.exp(-xe[i])) for i in range(1, 256)]
ki = [int(mp.floor(two52 * NOR_R / xn[0])), 0] + [int(mp.floor(two52 * xn[i - 1] / xn[i]))
                                                  for i in range(2, 256)]
ke = [int(mp.floor(two53 * EXP_R / xe[0])), 0] + [int(mp.floor(two53 * xe[i - 1] / xe[i]))
                                                  for i in range(2, 256)]


def longs(a):
    return ",\n      ".join(", ".join("0x%016XL" % v for v in a[i:i + 4]) for i in range(0, 256, 4))


def doubles(a):
    return ",\n      ".join(", ".join(float(v).hex() for v in a[i:i + 3]) for i in range(0, 256, 3))


java = '''package io.natgrad.core.random;

/**
 * The ziggurat tables of NumPy's {@code standard_normal} (256 layers, r = %s) and
 * {@code standard_exponential} (256 layers, r = %s), written by
 * {@code scripts/reference/ziggurat_tables.py} (NumPy %s): the widths W are recovered from NumPy's
 * own draws (%d and %d fast-path draws in the least sampled layer), K and F computed from the
 * ziggurat's equations in 60-digit arithmetic. Generated: do not edit.
 */
final class ZigguratTables {
  private ZigguratTables() {}

  static final double NOR_R = %s;
  static final double NOR_INV_R = %s;
  static final double EXP_R = %s;

  static final long[] KI = {
      %s};

  static final double[] WI = {
      %s};

  static final double[] FI = {
      %s};

  static final long[] KE = {
      %s};

  static final double[] WE = {
      %s};

  static final double[] FE = {
      %s};
}
''' % (mp.nstr(NOR_R, 17), mp.nstr(EXP_R, 17), np.__version__, nmin, emin,
       float(NOR_R).hex(), float(1 / NOR_R).hex(), float(EXP_R).hex(),
       longs(ki), doubles(wi), doubles(fi), longs(ke), doubles(we), doubles(fe))
here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, "..", "..", "natgrad-core", "src", "main", "java", "io", "natgrad", "core",
                    "random", "ZigguratTables.java")
with open(path, "w") as f:
    f.write(java)
print("wrote", os.path.normpath(path), "least sampled layers:", nmin, emin)
