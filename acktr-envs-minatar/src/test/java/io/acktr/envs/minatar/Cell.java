package io.acktr.envs.minatar;

import java.util.LinkedHashSet;
import java.util.Set;

/** A grid cell; {@link #in} lists the cells set in one channel of an observation. */
record Cell(int row, int column) {
    /** The cells whose {@code channel} is 1 in {@code observation}, in row-major order. */
    static Set<Cell> in(double[] observation, int channels, int channel) {
        Set<Cell> cells = new LinkedHashSet<>();
        for (int row = 0; row < MinAtarGame.SIZE; row++) {
            for (int column = 0; column < MinAtarGame.SIZE; column++) {
                if (observation[(row * MinAtarGame.SIZE + column) * channels + channel] == 1) {
                    cells.add(new Cell(row, column));
                }
            }
        }
        return cells;
    }

    /** Every cell of rows {@code firstRow..lastRow} and columns {@code firstColumn..lastColumn}. */
    static Set<Cell> block(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        Set<Cell> cells = new LinkedHashSet<>();
        for (int row = firstRow; row <= lastRow; row++) {
            for (int column = firstColumn; column <= lastColumn; column++) {
                cells.add(new Cell(row, column));
            }
        }
        return cells;
    }
}
