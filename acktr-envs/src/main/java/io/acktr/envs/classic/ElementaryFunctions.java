package io.acktr.envs.classic;

/**
 * The sine, cosine and squares the dynamics of an environment use: Java's ({@link #JAVA}) unless a
 * test gives others. Gymnasium's environments call the C library through NumPy and Python: its
 * {@code sin} and {@code cos} differ from Java's {@link Math#sin} and {@link Math#cos} in the last bit
 * for about 1 argument in 500 (glibc's are not correctly rounded either), and NumPy computes a
 * scalar's {@code x**2} with the C library's {@code pow} (float64) or {@code powf} (float32), which
 * differ from {@code x * x} for about 1 argument in 1000. The conformance suite of
 * acktr-envs-gymnasium passes the C library's functions, evaluated by the Gymnasium worker, to show
 * that everything else agrees with Gymnasium bit for bit.
 */
interface ElementaryFunctions {
    double sin(double x);

    double cos(double x);

    /** {@code x**2} of a float64, as NumPy computes it. */
    double square(double x);

    /** {@code x**2} of a float32, as NumPy computes it. */
    float square(float x);

    ElementaryFunctions JAVA = new ElementaryFunctions() {
        @Override
        public double sin(double x) {
            return Math.sin(x);
        }

        @Override
        public double cos(double x) {
            return Math.cos(x);
        }

        @Override
        public double square(double x) {
            return x * x;
        }

        @Override
        public float square(float x) {
            return x * x;
        }
    };
}
