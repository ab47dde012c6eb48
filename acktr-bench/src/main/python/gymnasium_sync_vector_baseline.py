"""Baseline for GymnasiumBridgeBenchmark: env steps per second of Gymnasium's own SyncVectorEnv.

    python gymnasium_sync_vector_baseline.py [--envs 8] [--seconds 10] [--repeats 5] CartPole-v1 Hopper-v5

Steps ENVS environments of each id in a gymnasium.vector.SyncVectorEnv (its default autoreset)
with uniformly random actions drawn in advance, as the Java benchmark does, and prints the
environment steps per second of each repeat and their median.
"""

import argparse
import statistics
import time

import gymnasium as gym
import numpy as np


def measure(env_id, envs, seconds):
    vector = gym.vector.SyncVectorEnv([lambda: gym.make(env_id) for _ in range(envs)])
    vector.reset(seed=1)
    vector.action_space.seed(1)
    actions = [vector.action_space.sample() for _ in range(1024)]
    for i in range(200):  # warm-up
        vector.step(actions[i % len(actions)])
    steps = 0
    start = time.perf_counter()
    while True:
        for action in actions[:128]:
            vector.step(action)
        steps += 128 * envs
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            break
    vector.close()
    return steps / elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ids", nargs="+")
    parser.add_argument("--envs", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--repeats", type=int, default=5)
    arguments = parser.parse_args()
    for env_id in arguments.ids:
        rates = [measure(env_id, arguments.envs, arguments.seconds) for _ in range(arguments.repeats)]
        print("%s x%d SyncVectorEnv: %s env steps/s, median %.0f" % (
            env_id, arguments.envs, ", ".join("%.0f" % r for r in rates), statistics.median(rates)))


if __name__ == "__main__":
    main()
