package io.acktr.policies.cnn;

/**
 * One convolution of a {@link CnnArchitecture}: {@code filters} output channels, a square
 * {@code kernel x kernel} window moved {@code stride} pixels at a time, valid padding.
 */
public record ConvLayerSpec(int filters, int kernel, int stride) {
    public ConvLayerSpec {
        if (filters < 1 || kernel < 1 || stride < 1) {
            throw new IllegalArgumentException("filters, kernel and stride must be >= 1, got filters " + filters
                    + ", kernel " + kernel + ", stride " + stride);
        }
    }

    @Override
    public String toString() {
        return filters + " " + kernel + "x" + kernel + " stride " + stride;
    }
}
