package io.acktr.envs.minatar;

/**
 * The colours MinAtar draws channels with: its {@code rgb_array} render and {@code display_state()}
 * take seaborn's {@code color_palette("cubehelix", n)}, which samples matplotlib's 256-entry
 * {@code cubehelix} colour map (gamma 1, s 0.5, r -1.5, h 1) at {@code (i + 1) / (n + 1)}.
 */
final class MinAtarPalette {
    private static final int LOOKUP_ENTRIES = 256;

    private MinAtarPalette() {
    }

    /** One {@code 0xRRGGBB} colour per channel, channel 0 darkest. */
    static int[] colours(int channels) {
        int[] colours = new int[channels];
        for (int i = 0; i < channels; i++) {
            double position = (i + 1.0) / (channels + 1.0);
            int entry = Math.min(LOOKUP_ENTRIES - 1, (int) (position * LOOKUP_ENTRIES));
            double x = entry / (LOOKUP_ENTRIES - 1.0);
            int red = component(x, -0.14861, 1.78277);
            int green = component(x, -0.29227, -0.90649);
            int blue = component(x, 1.97294, 0.0);
            colours[i] = red << 16 | green << 8 | blue;
        }
        return colours;
    }

    /** matplotlib's {@code cubehelix} colour function, clipped to [0, 1] and scaled to a byte. */
    private static int component(double x, double p0, double p1) {
        double amplitude = x * (1 - x) / 2;
        double phi = 2 * Math.PI * (0.5 / 3 - 1.5 * x);
        double value = x + amplitude * (p0 * Math.cos(phi) + p1 * Math.sin(phi));
        return (int) Math.round(Math.max(0.0, Math.min(1.0, value)) * 255);
    }
}
