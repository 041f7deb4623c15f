# NumPy's random numbers for natgrad-core's NumPyRandomTest: SeedSequence.generate_state, PCG64's raw
# outputs, state and advance, and the Generator methods Gymnasium uses (random, uniform, integers,
# standard_normal, standard_exponential), for seeds that exercise the entropy coercion (0, small,
# 2^32-1, 2^32, 2^64-1, multi-word). Writes the JSON resource the test reads.
# Usage: python3 scripts/reference/numpy_random.py   (NumPy 2.x; the resource records its version)
import json
import os
import numpy as np

SEEDS = [0, 1, 3, 42, 12345, 2**32 - 1, 2**32, 2**63 - 1, 2**64 - 1, 2**100 + 12345,
         123456789012345678901234567890]
out = {"numpy_version": np.__version__, "seeds": []}
for seed in SEEDS:
    ss = np.random.SeedSequence(seed)
    rec = {"seed": str(seed),
           "pool": [int(x) for x in ss.pool],
           "generate_state_u32_8": [int(x) for x in ss.generate_state(8, np.uint32)],
           "generate_state_u64_4": [str(int(x)) for x in ss.generate_state(4, np.uint64)]}
    bg = np.random.PCG64(seed)
    st = bg.state["state"]
    rec["pcg_state"] = str(st["state"])
    rec["pcg_inc"] = str(st["inc"])
    rec["raw"] = [str(int(x)) for x in np.random.PCG64(seed).random_raw(8)]
    g = np.random.Generator(np.random.PCG64(seed))
    rec["random"] = [repr(float(x)) for x in g.random(5)]
    g = np.random.Generator(np.random.PCG64(seed))
    rec["uniform_m06_m04"] = [repr(float(x)) for x in g.uniform(-0.6, -0.4, size=5)]
    g = np.random.Generator(np.random.PCG64(seed))
    rec["uniform_vec"] = [repr(float(x)) for x in g.uniform(low=[-0.05, -1.0, -0.1],
                                                           high=[0.05, 1.0, 0.1])]
    ints = {}
    for n in [2, 3, 7, 1000, 2**31 + 5, 2**32, 2**32 + 7, 2**62 + 3]:
        g = np.random.Generator(np.random.PCG64(seed))
        ints[str(n)] = [str(int(x)) for x in g.integers(n, size=9)]
    g = np.random.Generator(np.random.PCG64(seed))
    ints["-5..5"] = [str(int(x)) for x in g.integers(-5, 5, size=9)]
    rec["integers"] = ints
    g = np.random.Generator(np.random.PCG64(seed))
    # interleaved: integers then random, to check the buffered 32-bit half
    seq = []
    for k in range(6):
        seq.append(str(int(g.integers(3))))
        seq.append(repr(float(g.random())))
    rec["interleaved"] = seq
    g = np.random.Generator(np.random.PCG64(seed))
    rec["normal"] = [repr(float(x)) for x in g.standard_normal(200)]
    g = np.random.Generator(np.random.PCG64(seed))
    rec["exponential"] = [repr(float(x)) for x in g.standard_exponential(200)]
    bg = np.random.PCG64(seed)
    bg.advance(2**70 + 3)
    rec["advance_2_70_plus_3_state"] = str(bg.state["state"]["state"])
    out["seeds"].append(rec)
# long streams, compared by the SHA-256 of their little-endian float64 bytes
import hashlib
for seed in (7, 8):
    g = np.random.Generator(np.random.PCG64(seed))
    out["normal_1e6_sha256_seed%d" % seed] = hashlib.sha256(
        g.standard_normal(1_000_000).astype("<f8").tobytes()).hexdigest()
    g = np.random.Generator(np.random.PCG64(seed))
    out["exponential_1e6_sha256_seed%d" % seed] = hashlib.sha256(
        g.standard_exponential(1_000_000).astype("<f8").tobytes()).hexdigest()
here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, "..", "..", "natgrad-core", "src", "test", "resources", "io", "natgrad",
                    "core", "random", "numpy-reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=0)
print("wrote", os.path.normpath(path))
