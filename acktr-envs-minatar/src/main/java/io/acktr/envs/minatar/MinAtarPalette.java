package io.acktr.envs.minatar;

/**
 * One colour per channel for {@link MinAtarGame#render()}: {@code n} samples, at {@code (i + 1) / (n + 1)},
 * of the "cubehelix" colour scheme of D. A. Green, "A colour scheme for the display of astronomical
 * intensity images", Bull. Astr. Soc. India 39 (2011), with start 0.5, rotations -1.5, hue 1 and
 * gamma 1, read from a 256-entry table; dark for channel 0 and lighter for higher channels.
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

    /** Green's colour function for one of red, green and blue, clipped to [0, 1] and scaled to a byte. */
    private static int component(double x, double p0, double p1) {
        double amplitude = x * (1 - x) / 2;
        double phi = 2 * Math.PI * (0.5 / 3 - 1.5 * x);
        double value = x + amplitude * (p0 * Math.cos(phi) + p1 * Math.sin(phi));
        return (int) Math.round(Math.max(0.0, Math.min(1.0, value)) * 255);
    }
}
