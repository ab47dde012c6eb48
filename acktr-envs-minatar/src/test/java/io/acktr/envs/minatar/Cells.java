package io.acktr.envs.minatar;

import java.util.LinkedHashSet;
import java.util.Set;

/** Reads observations in tests: the cells where a channel is set. */
final class Cells {
    private Cells() {
    }

    /** The cells whose {@code channel} is 1 in {@code observation}, in row-major order. */
    static Set<Position> of(double[] observation, int channels, int channel) {
        Set<Position> cells = new LinkedHashSet<>();
        for (int row = 0; row < MinAtarGame.SIZE; row++) {
            for (int column = 0; column < MinAtarGame.SIZE; column++) {
                if (observation[(row * MinAtarGame.SIZE + column) * channels + channel] == 1) {
                    cells.add(new Position(row, column));
                }
            }
        }
        return cells;
    }

    /** Every cell of rows {@code firstRow..lastRow} and columns {@code firstColumn..lastColumn}. */
    static Set<Position> rectangle(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        Set<Position> cells = new LinkedHashSet<>();
        for (int row = firstRow; row <= lastRow; row++) {
            for (int column = firstColumn; column <= lastColumn; column++) {
                cells.add(new Position(row, column));
            }
        }
        return cells;
    }

    static Position at(int row, int column) {
        return new Position(row, column);
    }
}
