package io.acktr.envs.minatar;

import io.acktr.api.env.StepResult;
import java.util.SplittableRandom;

/** Plays a game with uniformly random actions and summarizes the episode returns. */
final class RandomPolicy {
    /** Mean and standard error of the episode returns, and the mean episode length. */
    record Returns(double mean, double standardError, double meanLength) {
    }

    private RandomPolicy() {
    }

    /** {@code episodes} episodes, the game seeded once with {@code seed}, the policy with its own stream. */
    static Returns play(MinAtarGame game, int episodes, long seed) {
        SplittableRandom policy = new SplittableRandom(seed + 1_000_003);
        double sum = 0;
        double sumOfSquares = 0;
        long steps = 0;
        game.reset(seed);
        for (int episode = 0; episode < episodes; episode++) {
            if (episode > 0) {
                game.reset();
            }
            double episodeReturn = 0;
            StepResult result;
            do {
                result = game.step(new double[] {policy.nextInt(MinAtarAction.values().length)});
                episodeReturn += result.reward();
                steps++;
            } while (!result.done());
            sum += episodeReturn;
            sumOfSquares += episodeReturn * episodeReturn;
        }
        double mean = sum / episodes;
        double variance = Math.max(0, sumOfSquares / episodes - mean * mean);
        return new Returns(mean, Math.sqrt(variance / episodes), (double) steps / episodes);
    }
}
