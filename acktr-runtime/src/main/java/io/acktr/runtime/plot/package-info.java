/**
 * Learning curves and the pictures of a suite: reading {@code progress.csv}, grouping runs into an
 * IQM line with a bootstrap band ({@link io.acktr.runtime.plot.CurveBand}), and drawing charts as
 * PNG with XChart ({@link io.acktr.runtime.plot.ChartWriter}).
 */
package io.acktr.runtime.plot;
