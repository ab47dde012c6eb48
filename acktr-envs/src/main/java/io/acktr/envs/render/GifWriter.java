package io.acktr.envs.render;

import io.acktr.api.env.RgbFrame;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Writes frames, one at a time, as an animated GIF that loops forever, with the JDK's
 * {@code javax.imageio} GIF writer. Frames are streamed to the file, so a long episode does not
 * have to be held in memory. Frames with at most 256 colours (all rendered environments) are
 * stored exactly; others are quantized by the JDK.
 *
 * <pre>{@code
 * try (GifWriter gif = GifWriter.create(Path.of("episode.gif"), 50)) {
 *     gif.append(env.render());
 * }
 * }</pre>
 */
public final class GifWriter implements AutoCloseable {
    private static final String METADATA_FORMAT = "javax_imageio_gif_image_1.0";

    private final Path file;
    private final ImageOutputStream output;
    private final ImageWriter writer;
    private final int delayHundredths;
    private int frameCount;
    private boolean closed;

    private GifWriter(Path file, ImageOutputStream output, ImageWriter writer, int delayHundredths) {
        this.file = file;
        this.output = output;
        this.writer = writer;
        this.delayHundredths = delayHundredths;
    }

    /**
     * Opens {@code file} (replacing it) for frames shown at {@code framesPerSecond}; GIF delays
     * are whole hundredths of a second, so the rate is rounded to the nearest such delay.
     */
    public static GifWriter create(Path file, int framesPerSecond) throws IOException {
        requireNonNull(file, "file is null");
        if (framesPerSecond < 1 || framesPerSecond > 100) {
            throw new IllegalArgumentException("framesPerSecond must be in [1, 100], got " + framesPerSecond);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("no GIF writer available to write " + file);
        }
        ImageWriter writer = writers.next();
        Files.deleteIfExists(file);
        ImageOutputStream output = ImageIO.createImageOutputStream(file.toFile());
        if (output == null) {
            writer.dispose();
            throw new IOException("cannot open " + file + " for writing");
        }
        try {
            writer.setOutput(output);
            writer.prepareWriteSequence(null);
        } catch (IOException | RuntimeException e) {
            writer.dispose();
            output.close();
            throw e;
        }
        return new GifWriter(file, output, writer, Math.max(1, Math.round(100f / framesPerSecond)));
    }

    /** Writes {@code frames} to {@code file} as one animation. */
    public static void write(Path file, List<RgbFrame> frames, int framesPerSecond) throws IOException {
        requireNonNull(frames, "frames is null");
        try (GifWriter gif = create(file, framesPerSecond)) {
            for (RgbFrame frame : frames) {
                gif.append(frame);
            }
        }
    }

    /** Adds one frame to the animation. */
    public void append(RgbFrame frame) throws IOException {
        requireNonNull(frame, "frame is null");
        if (closed) {
            throw new IllegalStateException("GIF " + file + " is already closed");
        }
        BufferedImage image = FrameImages.toIndexedImageIfFewColours(frame);
        ImageWriteParam param = writer.getDefaultWriteParam();
        // Not ImageTypeSpecifier.createFromRenderedImage: for an indexed image it returns the standard
        // TYPE_BYTE_INDEXED palette instead of the image's own, and the colours come out wrong.
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        metadata.mergeTree(METADATA_FORMAT, frameMetadata(frameCount == 0));
        writer.writeToSequence(new IIOImage(image, null, metadata), param);
        frameCount++;
    }

    /** Frames written so far. */
    public int frameCount() {
        return frameCount;
    }

    public Path file() {
        return file;
    }

    /** Finishes the file; a GIF without frames is left empty of images but well formed. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.endWriteSequence();
        } finally {
            writer.dispose();
            output.close();
        }
    }

    private IIOMetadataNode frameMetadata(boolean first) {
        IIOMetadataNode root = new IIOMetadataNode(METADATA_FORMAT);
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayHundredths));
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        if (first) {
            // The NETSCAPE2.0 extension: sub-block 1, loop count 0 (forever), little-endian.
            IIOMetadataNode extensions = new IIOMetadataNode("ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            extensions.appendChild(loop);
            root.appendChild(extensions);
        }
        return root;
    }
}
