package io.acktr.envs.render;

import io.acktr.api.env.RgbFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GifWriterTest {
    @Test
    void writesEveryFrameExactlyAndLoopsForever(@TempDir Path directory) throws IOException {
        List<RgbFrame> frames = List.of(stripes(0xFF0000), stripes(0x00FF00), stripes(0x0000FF));
        Path file = directory.resolve("three.gif");

        GifWriter.write(file, frames, 50);

        List<BufferedImage> images = readAll(file);
        assertThat(images).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertSamePixels(images.get(i), frames.get(i));
        }
        IIOMetadataNode first = imageMetadata(file, 0);
        Node loop = find(first, "ApplicationExtension");
        assertThat(loop.getAttributes().getNamedItem("applicationID").getNodeValue()).isEqualTo("NETSCAPE");
        assertThat(loop.getAttributes().getNamedItem("authenticationCode").getNodeValue()).isEqualTo("2.0");
        assertThat((byte[]) ((IIOMetadataNode) loop).getUserObject()).containsExactly(1, 0, 0);
        for (int i = 0; i < 3; i++) {
            Node control = find(imageMetadata(file, i), "GraphicControlExtension");
            assertThat(control.getAttributes().getNamedItem("delayTime").getNodeValue()).isEqualTo("2"); // 1/50 s
        }
    }

    @Test
    void streamsFramesOneAtATimeAndCountsThem(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("streamed.gif");
        try (GifWriter gif = GifWriter.create(file, 15)) {
            for (int i = 0; i < 7; i++) {
                gif.append(stripes(0x010101 * (i * 30)));
            }
            assertThat(gif.frameCount()).isEqualTo(7);
            assertThat(gif.file()).isEqualTo(file);
        }

        assertThat(readAll(file)).hasSize(7);
        Node control = find(imageMetadata(file, 6), "GraphicControlExtension");
        assertThat(control.getAttributes().getNamedItem("delayTime").getNodeValue()).isEqualTo("7"); // 1/15 s, rounded
    }

    @Test
    void framesWithMoreThan256ColoursAreQuantizedButKeepTheirSize(@TempDir Path directory) throws IOException {
        RgbFrame gradient = RgbFrame.blank(64, 32);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                gradient.set(x, y, x * 4, y * 8, 128);
            }
        }
        Path file = directory.resolve("gradient.gif");

        GifWriter.write(file, List.of(gradient, stripes(0xFF00FF)), 30);

        List<BufferedImage> images = readAll(file);
        assertThat(images).hasSize(2);
        assertThat(images.get(0).getWidth()).isEqualTo(64);
        assertThat(images.get(0).getHeight()).isEqualTo(32);
    }

    @Test
    void rewritingAFileReplacesIt(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("again.gif");
        GifWriter.write(file, List.of(stripes(1), stripes(2), stripes(3), stripes(4)), 10);

        GifWriter.write(file, List.of(stripes(5)), 10);

        assertThat(readAll(file)).hasSize(1);
    }

    @Test
    void appendingAfterCloseIsAnErrorAndCloseIsIdempotent(@TempDir Path directory) throws IOException {
        GifWriter gif = GifWriter.create(directory.resolve("closed.gif"), 10);
        gif.append(stripes(0));
        gif.close();
        gif.close();

        assertThatThrownBy(() -> gif.append(stripes(0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed.gif");
    }

    @Test
    void rejectsFrameRatesAGifCannotShow(@TempDir Path directory) {
        assertThatThrownBy(() -> GifWriter.create(directory.resolve("x.gif"), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("framesPerSecond");
        assertThatThrownBy(() -> GifWriter.create(directory.resolve("x.gif"), 101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A 24 x 16 frame: white with a vertical stripe of {@code rgb} and a black corner pixel. */
    static RgbFrame stripes(int rgb) {
        Canvas canvas = new Canvas(24, 16, Canvas.WHITE);
        canvas.fillRotatedRectangle(8, 12, 0, 16, 0, 0, 0, rgb);
        canvas.point(0, 0, Canvas.BLACK);
        return canvas.frame();
    }

    static List<BufferedImage> readAll(Path file) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            try {
                reader.setInput(input);
                int count = reader.getNumImages(true);
                List<BufferedImage> images = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    images.add(reader.read(i));
                }
                return images;
            } finally {
                reader.dispose();
            }
        }
    }

    static void assertSamePixels(BufferedImage image, RgbFrame frame) {
        assertThat(image.getWidth()).isEqualTo(frame.width());
        assertThat(image.getHeight()).isEqualTo(frame.height());
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                assertThat(image.getRGB(x, y) & 0xFFFFFF).as("pixel %d, %d", x, y).isEqualTo(frame.rgb(x, y));
            }
        }
    }

    private static IIOMetadataNode imageMetadata(Path file, int index) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            try {
                reader.setInput(input);
                return (IIOMetadataNode) reader.getImageMetadata(index).getAsTree("javax_imageio_gif_image_1.0");
            } finally {
                reader.dispose();
            }
        }
    }

    private static Node find(Node node, String name) {
        if (node.getNodeName().equals(name)) {
            return node;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            Node found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
