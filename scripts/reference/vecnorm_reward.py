# Stable-Baselines3 2.3's VecNormalize reward path (common/running_mean_std.py and
# common/vec_env/vec_normalize.py), transcribed to produce reference values for RewardNormalizerTest.
import numpy as np
class RunningMeanStd:
    def __init__(self, epsilon=1e-4, shape=()):
        self.mean = np.zeros(shape, np.float64); self.var = np.ones(shape, np.float64); self.count = epsilon
    def update(self, arr):
        self.update_from_moments(np.mean(arr, axis=0), np.var(arr, axis=0), arr.shape[0])
    def update_from_moments(self, batch_mean, batch_var, batch_count):
        delta = batch_mean - self.mean
        tot_count = self.count + batch_count
        new_mean = self.mean + delta * batch_count / tot_count
        m_a = self.var * self.count
        m_b = batch_var * batch_count
        m_2 = m_a + m_b + np.square(delta) * self.count * batch_count / (self.count + batch_count)
        self.mean, self.var, self.count = new_mean, m_2 / (self.count + batch_count), batch_count + self.count
gamma, eps, clip = 0.99, 1e-8, 10.0
rms = RunningMeanStd(shape=()); returns = np.zeros(3)
rewards = [[1.0, -1.0, 0.5], [1.0, -1.0, 0.25], [1.0, 0.0, -2.0], [1.0, -1.0, 3.0], [1.0, -1.0, 0.0],
           [1.0, 40.0, -0.5], [1.0, -1.0, 0.5], [0.0, -1.0, 1.5], [1.0, -300.0, 0.5], [1.0, -1.0, 2.5]]
dones = [[0, 0, 0], [0, 0, 1], [0, 0, 0], [1, 0, 0], [0, 0, 0], [0, 1, 0], [0, 0, 0], [0, 0, 1], [0, 0, 0], [0, 1, 0]]
for t, (r, d) in enumerate(zip(rewards, dones)):
    r = np.array(r); d = np.array(d, dtype=bool)
    returns = returns * gamma + r
    rms.update(returns)
    out = np.clip(r / np.sqrt(rms.var + eps), -clip, clip)
    returns[d] = 0
    print("{" + ", ".join(repr(float(x)) for x in out) + "},")
print("state", repr(float(rms.mean)), repr(float(rms.var)), repr(float(rms.count)), [repr(float(x)) for x in returns])
# frozen (training=False): no update of returns or statistics
print("frozen", [repr(float(x)) for x in np.clip(np.array([2.0, -3.0, 1000.0]) / np.sqrt(rms.var + eps), -clip, clip)])
