package io.acktr.envs.minatar;

/**
 * An observation being drawn: {@code channels} binary planes over the grid, stored as one array
 * indexed {@code (row * SIZE + column) * channels + channel}.
 */
final class Planes {
    private final int channels;
    private final double[] values;

    Planes(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels = " + channels + ": must be >= 1");
        }
        this.channels = channels;
        this.values = new double[MinAtarGame.SIZE * MinAtarGame.SIZE * channels];
    }

    /** Sets {@code channel} of the cell at {@code (row, column)}, which must be on the grid. */
    void mark(int row, int column, int channel) {
        if (!Position.onGrid(row, column) || channel < 0 || channel >= channels) {
            throw new IndexOutOfBoundsException("cell (" + row + ", " + column + ") channel " + channel
                    + " is outside a " + MinAtarGame.SIZE + " x " + MinAtarGame.SIZE + " x " + channels + " grid");
        }
        values[(row * MinAtarGame.SIZE + column) * channels + channel] = 1;
    }

    void mark(Position cell, int channel) {
        mark(cell.row(), cell.column(), channel);
    }

    /** The drawn values; the array itself, not a copy. */
    double[] values() {
        return values;
    }
}
