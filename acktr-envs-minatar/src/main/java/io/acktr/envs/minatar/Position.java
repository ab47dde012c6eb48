package io.acktr.envs.minatar;

/** A cell of the grid, or a place just off it; row 0 is the top, column 0 the left. */
record Position(int row, int column) {
    static boolean onGrid(int row, int column) {
        return row >= 0 && row < MinAtarGame.SIZE && column >= 0 && column < MinAtarGame.SIZE;
    }

    boolean onGrid() {
        return onGrid(row, column);
    }

    /** The place {@code rows} down and {@code columns} right of this one (negative for up and left). */
    Position offset(int rows, int columns) {
        return new Position(row + rows, column + columns);
    }
}
