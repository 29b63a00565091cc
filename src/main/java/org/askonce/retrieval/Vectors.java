package org.askonce.retrieval;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How vectors are compared, named and stored. Stored vectors are 8-bit (one scale per vector,
 * 4 + dimension bytes: 516 for bge-small-zh), a quarter of the floats' size with cosines within
 * about 0.002 of the originals; every vector, fresh or cached, goes through the same encoding, so
 * a question scores the same whether its wordings' vectors were just computed or read back.
 */
public final class Vectors {

    private Vectors() {
    }

    /** The cache key of a text: SHA-256 of its UTF-8 bytes, hex. */
    public static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        if (norm == 0) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /** Cosine of two unit vectors. */
    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The stored form: a float scale, then one signed byte per component. */
    public static byte[] encode(float[] v) {
        float max = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        float scale = max == 0 ? 1 : max / 127f;
        ByteBuffer buffer = ByteBuffer.allocate(4 + v.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putFloat(scale);
        for (float x : v) {
            buffer.put((byte) Math.round(x / scale));
        }
        return buffer.array();
    }

    /** The vector of a stored form, unit length again. */
    public static float[] decode(byte[] stored) {
        ByteBuffer buffer = ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN);
        float scale = buffer.getFloat();
        float[] v = new float[stored.length - 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = buffer.get() * scale;
        }
        return normalised(v);
    }

    /** What a fresh vector becomes once stored and read back. */
    static float[] canonical(float[] v) {
        return decode(encode(v));
    }
}
