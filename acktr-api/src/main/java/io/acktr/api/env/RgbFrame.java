package io.acktr.api.env;

import static java.util.Objects.requireNonNull;

/**
 * One rendered image, row-major from the top-left, 3 bytes (red, green, blue) per pixel.
 *
 * @param pixels {@code width * height * 3} bytes, not copied
 */
public record RgbFrame(int width, int height, byte[] pixels) {
    public RgbFrame {
        requireNonNull(pixels, "pixels is null");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + " x " + height);
        }
        if (pixels.length != width * height * 3) {
            throw new IllegalArgumentException("a " + width + " x " + height + " frame needs " + width * height * 3
                    + " bytes, got " + pixels.length);
        }
    }

    public static RgbFrame blank(int width, int height) {
        return new RgbFrame(width, height, new byte[width * height * 3]);
    }

    /** Sets pixel {@code (x, y)}, ignoring coordinates outside the frame. */
    public void set(int x, int y, int red, int green, int blue) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return;
        }
        int i = (y * width + x) * 3;
        pixels[i] = (byte) red;
        pixels[i + 1] = (byte) green;
        pixels[i + 2] = (byte) blue;
    }

    /** The {@code 0xRRGGBB} colour of pixel {@code (x, y)}. */
    public int rgb(int x, int y) {
        int i = (y * width + x) * 3;
        return (pixels[i] & 0xff) << 16 | (pixels[i + 1] & 0xff) << 8 | pixels[i + 2] & 0xff;
    }
}
