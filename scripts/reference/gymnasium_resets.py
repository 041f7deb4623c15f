# Gymnasium 1.3.0's seeded start states and space samples, for natgrad-rl's GymnasiumSeedingTest:
# for the five classic-control tasks, env.reset(seed=k) for k = 0..49 (the internal state and the
# first observation), and a reset(seed=7) followed by three resets without a seed; and
# Discrete.sample / Box.sample after space.seed(s) (bounded, half-bounded and unbounded coordinates,
# float32 and float64). Every number is the shortest round-trip decimal of the double (float32
# values widened exactly).
# Usage: pip install gymnasium==1.3.0 numpy==2.4.6; python3 scripts/reference/gymnasium_resets.py
import json
import os
import gymnasium as gym
import numpy as np

ENVS = ["CartPole-v1", "Pendulum-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1"]


def nums(a):
    return [repr(float(x)) for x in np.asarray(a, dtype=np.float64).ravel()]


out = {"gymnasium_version": gym.__version__, "numpy_version": np.__version__, "envs": {}}
for env_id in ENVS:
    env = gym.make(env_id)
    rec = {"seeded": [], "continued": []}
    for k in range(50):
        obs, _ = env.reset(seed=k)
        rec["seeded"].append({"seed": k, "state": nums(env.unwrapped.state), "obs": nums(obs)})
    obs, _ = env.reset(seed=7)
    rec["continued"].append({"state": nums(env.unwrapped.state), "obs": nums(obs)})
    for _ in range(3):
        obs, _ = env.reset()
        rec["continued"].append({"state": nums(env.unwrapped.state), "obs": nums(obs)})
    obs, _ = env.reset(seed=2**64 - 1)
    rec["max_seed"] = {"state": nums(env.unwrapped.state), "obs": nums(obs)}
    out["envs"][env_id] = rec

spaces = {}
for seed in range(4):
    d = gym.spaces.Discrete(5)
    d.seed(seed)
    d3 = gym.spaces.Discrete(4, start=-2)
    d3.seed(seed)
    inf = np.inf
    b32 = gym.spaces.Box(low=np.array([-inf, 0.0, -inf, -1.0], dtype=np.float32),
                         high=np.array([inf, inf, 5.0, 1.0], dtype=np.float32), dtype=np.float32)
    b32.seed(seed)
    b64 = gym.spaces.Box(low=np.array([-inf, 0.0, -inf, -1.0]), high=np.array([inf, inf, 5.0, 1.0]),
                         dtype=np.float64)
    b64.seed(seed)
    pend = gym.make("Pendulum-v1").action_space
    pend.seed(seed)
    spaces[str(seed)] = {
        "discrete5": [int(d.sample()) for _ in range(6)],
        "discrete4_start_m2": [int(d3.sample()) for _ in range(6)],
        "box32": [nums(b32.sample()) for _ in range(3)],
        "box64": [nums(b64.sample()) for _ in range(3)],
        "pendulum_action": [nums(pend.sample()) for _ in range(3)],
    }
out["spaces"] = spaces
here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, "..", "..", "natgrad-rl", "src", "test", "resources", "io", "natgrad",
                    "rl", "env", "gymnasium-resets.json")
with open(path, "w") as f:
    json.dump(out, f, indent=0)
print("wrote", os.path.normpath(path))
