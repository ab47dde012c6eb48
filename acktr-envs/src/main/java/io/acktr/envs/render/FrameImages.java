package io.acktr.envs.render;

import io.acktr.api.env.RgbFrame;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/** Conversions from {@link RgbFrame} to {@link BufferedImage}, and PNG files. */
public final class FrameImages {
    private static final int MAX_PALETTE = 256;

    private FrameImages() {
    }

    /** The frame as a {@link BufferedImage#TYPE_INT_RGB} image. */
    public static BufferedImage toImage(RgbFrame frame) {
        requireNonNull(frame, "frame is null");
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                image.setRGB(x, y, frame.rgb(x, y));
            }
        }
        return image;
    }

    /**
     * The frame as an 8-bit indexed image whose palette holds exactly its colours, or the
     * {@link #toImage RGB image} when it has more than 256 colours. Rendered frames have a handful
     * of colours, so GIF frames built from this lose nothing and skip colour quantization.
     */
    public static BufferedImage toIndexedImageIfFewColours(RgbFrame frame) {
        requireNonNull(frame, "frame is null");
        int[] palette = new int[MAX_PALETTE];
        int colours = 0;
        int width = frame.width();
        int height = frame.height();
        byte[] indices = new byte[width * height];
        int lastColour = -1;
        int lastIndex = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = frame.rgb(x, y);
                int index;
                if (rgb == lastColour) {
                    index = lastIndex;
                } else {
                    index = indexOf(palette, colours, rgb);
                    if (index < 0) {
                        if (colours == MAX_PALETTE) {
                            return toImage(frame);
                        }
                        index = colours;
                        palette[colours++] = rgb;
                    }
                    lastColour = rgb;
                    lastIndex = index;
                }
                indices[y * width + x] = (byte) index;
            }
        }
        int[] used = Arrays.copyOf(palette, Math.max(colours, 2));
        IndexColorModel model = new IndexColorModel(8, used.length, used, 0, false, -1, DataBuffer.TYPE_BYTE);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, model);
        image.getRaster().setDataElements(0, 0, width, height, indices);
        return image;
    }

    /** Writes the frame as a PNG file. */
    public static void writePng(RgbFrame frame, Path file) throws IOException {
        requireNonNull(file, "file is null");
        if (!ImageIO.write(toImage(frame), "png", file.toFile())) {
            throw new IOException("no PNG writer available to write " + file);
        }
    }

    private static int indexOf(int[] palette, int size, int rgb) {
        for (int i = 0; i < size; i++) {
            if (palette[i] == rgb) {
                return i;
            }
        }
        return -1;
    }
}
