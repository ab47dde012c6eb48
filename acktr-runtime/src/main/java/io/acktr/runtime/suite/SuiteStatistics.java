package io.acktr.runtime.suite;

import static java.util.Objects.requireNonNull;

import io.acktr.runtime.statistics.InterquartileMean;
import io.acktr.runtime.statistics.Interval;
import io.acktr.runtime.statistics.NormalisedScore;
import io.acktr.runtime.statistics.PerformanceProfile;
import io.acktr.runtime.statistics.ProbabilityOfImprovement;
import io.acktr.runtime.statistics.StratifiedBootstrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The statistics of a suite's runs, per task and variant and across tasks (Agarwal et al. 2021):
 * interquartile means with 95% stratified bootstrap intervals, the probability of improvement over
 * the baseline variant and the performance profile of normalised final returns.
 *
 * <p>A run that never reached the threshold counts as needing infinitely many steps: it ranks after
 * every run that reached it, ties with the others that did not, and makes the IQM of steps infinite
 * once such runs carry weight in the middle half.
 */
public final class SuiteStatistics {
    /** Resamples of every bootstrap interval. */
    public static final int RESAMPLES = 2000;
    /** Seed of every bootstrap interval's draws, so that the same runs always give the same report. */
    public static final long BOOTSTRAP_SEED = 0;
    /** Confidence level of every interval. */
    public static final double LEVEL = 0.95;
    /** The thresholds of the performance profile in results.md, on the normalised scale. */
    public static final double[] PROFILE_TABLE_TAUS = {0.25, 0.5, 0.75, 0.9, 1.0, 1.1};

    private final SuiteDefinition suite;
    private final StratifiedBootstrap bootstrap;

    public SuiteStatistics(SuiteDefinition suite) {
        this(suite, new StratifiedBootstrap(RESAMPLES, BOOTSTRAP_SEED, LEVEL));
    }

    SuiteStatistics(SuiteDefinition suite, StratifiedBootstrap bootstrap) {
        this.suite = requireNonNull(suite, "suite is null");
        this.bootstrap = requireNonNull(bootstrap, "bootstrap is null");
    }

    public StratifiedBootstrap bootstrap() {
        return bootstrap;
    }

    /**
     * One task x variant over its seeds.
     *
     * @param steps env steps to the threshold, IQM with its interval (a run that never reached it counts as infinity)
     * @param finalReturn final mean return, IQM with its interval, over the runs that finished an episode
     * @param betterThanBaseline P(final return of a run of this variant > one of the baseline's) with its interval
     * @param fasterThanBaseline P(a run of this variant reached the threshold in fewer steps than one of the baseline's)
     * @param stepsRelative IQM of steps over the baseline's, when both are finite
     * @param stepsRelativeBelow when this variant's IQM is finite and the baseline reached the threshold on no
     *     seed: the baseline needs more steps than each of its runs made, so the ratio is below this
     *     variant's IQM over the baseline's shortest run
     */
    public record Row(String task, String variant, int runs, int reached, Optional<Interval> steps,
                      Optional<Interval> finalReturn, Optional<Interval> betterThanBaseline,
                      Optional<Interval> fasterThanBaseline, double updateMillis, OptionalDouble updateRelative,
                      OptionalDouble stepsRelative, OptionalDouble stepsRelativeBelow) {
    }

    /** The fraction of runs above {@code tau} on the normalised scale, with its interval. */
    public record ProfilePoint(double tau, Interval fraction) {
    }

    /**
     * One variant across the tasks it ran on whose returns can be normalised.
     *
     * @param tasks the tasks pooled
     * @param normalisedFinalReturn IQM of all those runs' normalised final returns, stratified by task
     * @param betterThanBaseline P(X > baseline) averaged over the tasks both ran on
     */
    public record Aggregate(String variant, List<String> tasks, Interval normalisedFinalReturn,
                            Optional<Interval> betterThanBaseline, List<ProfilePoint> profile) {
    }

    public List<Row> rows(List<RunResult> results) {
        return suite.tasks().stream().flatMap(task -> suite.variants().stream()
                .map(variant -> row(task, variant.name(), results))
                .filter(row -> row.runs() > 0)).toList();
    }

    private Row row(SuiteDefinition.Task task, String variant, List<RunResult> results) {
        List<RunResult> mine = select(task.name(), variant, results);
        List<RunResult> base = select(task.name(), suite.baseline(), results);
        double[] steps = steps(mine);
        double[] finals = finals(mine);
        int reached = (int) mine.stream().filter(r -> r.stepsToThreshold().isPresent()).count();
        Optional<Interval> stepsInterval = steps.length == 0 ? Optional.empty()
                : Optional.of(bootstrap.interval(steps, InterquartileMean::of));
        Optional<Interval> finalInterval = finals.length == 0 ? Optional.empty()
                : Optional.of(bootstrap.interval(finals, InterquartileMean::of));
        Optional<Interval> better = Optional.empty();
        Optional<Interval> faster = Optional.empty();
        boolean comparable = !variant.equals(suite.baseline()) && !base.isEmpty();
        if (comparable && finals.length > 0 && finals(base).length > 0) {
            better = Optional.of(improvement(List.of(finals), List.of(finals(base))));
        }
        if (comparable && steps.length > 0) {
            faster = Optional.of(improvement(List.of(negated(steps)), List.of(negated(steps(base)))));
        }
        double update = mine.stream().mapToDouble(RunResult::meanUpdateMillis).average().orElse(Double.NaN);
        double baseUpdate = base.stream().mapToDouble(RunResult::meanUpdateMillis).average().orElse(Double.NaN);
        OptionalDouble stepsRelative = OptionalDouble.empty();
        OptionalDouble stepsRelativeBelow = OptionalDouble.empty();
        if (stepsInterval.isPresent() && Double.isFinite(stepsInterval.get().estimate()) && !base.isEmpty()) {
            double baseIqm = InterquartileMean.of(steps(base));
            if (Double.isFinite(baseIqm)) {
                stepsRelative = OptionalDouble.of(stepsInterval.get().estimate() / baseIqm);
            } else if (base.stream().noneMatch(r -> r.stepsToThreshold().isPresent())) {
                long shortest = base.stream().mapToLong(RunResult::envSteps).min().orElseThrow();
                stepsRelativeBelow = OptionalDouble.of(stepsInterval.get().estimate() / shortest);
            }
        }
        return new Row(task.name(), variant, mine.size(), reached, stepsInterval, finalInterval, better, faster, update,
                Double.isFinite(baseUpdate) && baseUpdate > 0 ? OptionalDouble.of(update / baseUpdate) : OptionalDouble.empty(),
                stepsRelative, stepsRelativeBelow);
    }

    /** P(X > Y) averaged over tasks with its interval, X's and Y's runs resampled apart within each task. */
    private Interval improvement(List<double[]> x, List<double[]> y) {
        return bootstrap.interval(ProbabilityOfImprovement.interleave(x, y), ProbabilityOfImprovement::averagedOverInterleaved);
    }

    /** The tasks that enter the results across tasks: those whose returns can be normalised. */
    public List<SuiteDefinition.Task> normalisedTasks() {
        return suite.tasks().stream().filter(t -> t.normalisation().isPresent()).toList();
    }

    /** Every variant with runs on a normalisable task, across those tasks, on the thresholds {@code taus}. */
    public List<Aggregate> aggregates(List<RunResult> results, double[] taus) {
        List<Aggregate> aggregates = new ArrayList<>();
        for (SuiteDefinition.Variant variant : suite.variants()) {
            List<String> tasks = new ArrayList<>();
            List<double[]> scores = new ArrayList<>();
            List<double[]> mineOnShared = new ArrayList<>();
            List<double[]> baseOnShared = new ArrayList<>();
            for (SuiteDefinition.Task task : normalisedTasks()) {
                NormalisedScore normalisation = task.normalisation().orElseThrow();
                double[] mine = normalisation.of(finals(select(task.name(), variant.name(), results)));
                if (mine.length == 0) {
                    continue;
                }
                tasks.add(task.name());
                scores.add(mine);
                double[] base = normalisation.of(finals(select(task.name(), suite.baseline(), results)));
                if (base.length > 0) {
                    mineOnShared.add(mine);
                    baseOnShared.add(base);
                }
            }
            if (tasks.isEmpty()) {
                continue;
            }
            Interval iqm = bootstrap.interval(scores, strata -> InterquartileMean.of(pooled(strata)));
            Optional<Interval> better = variant.name().equals(suite.baseline()) || mineOnShared.isEmpty() ? Optional.empty()
                    : Optional.of(improvement(mineOnShared, baseOnShared));
            List<ProfilePoint> profile = new ArrayList<>();
            for (double tau : taus) {
                profile.add(new ProfilePoint(tau, bootstrap.interval(scores, strata -> PerformanceProfile.fractionAbove(strata, tau))));
            }
            aggregates.add(new Aggregate(variant.name(), List.copyOf(tasks), iqm, better, List.copyOf(profile)));
        }
        return aggregates;
    }

    static List<RunResult> select(String task, String variant, List<RunResult> results) {
        return results.stream().filter(r -> r.task().equals(task) && r.variant().equals(variant)).toList();
    }

    /** Steps to the threshold of each run, infinity for a run that never reached it. */
    static double[] steps(List<RunResult> runs) {
        return runs.stream().mapToDouble(r -> r.stepsToThreshold().isPresent() ? r.stepsToThreshold().getAsLong()
                : Double.POSITIVE_INFINITY).toArray();
    }

    /** Final mean returns of the runs that finished an episode. */
    static double[] finals(List<RunResult> runs) {
        return runs.stream().mapToDouble(RunResult::finalMeanReturn).filter(v -> !Double.isNaN(v)).toArray();
    }

    private static double[] negated(double[] values) {
        double[] negated = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            negated[i] = -values[i];
        }
        return negated;
    }

    private static double[] pooled(List<double[]> strata) {
        return strata.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
