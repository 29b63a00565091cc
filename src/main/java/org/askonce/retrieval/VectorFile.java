package org.askonce.retrieval;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Vectors shipped with a knowledge base ({@code knowledge-base/vectors/<model>.vec}), written by
 * {@code java -jar askonce.jar embed}: a first start into an empty database uses them instead of
 * embedding every wording. A read-only cache of one model. Format: the line
 * {@code askonce-vectors 1 <model> <dimension> <count>}, then per vector the 32 bytes of the text's
 * SHA-256 and the stored form ({@link Vectors#encode}), sorted by digest.
 */
public final class VectorFile implements VectorCache {

    private static final String MAGIC = "askonce-vectors 1";
    private final String model;
    private final Map<String, byte[]> vectors;

    private VectorFile(String model, Map<String, byte[]> vectors) {
        this.model = model;
        this.vectors = vectors;
    }

    /** The file of a model in a folder. */
    public static Path of(Path folder, String model) {
        return folder.resolve(model + ".vec");
    }

    /** The model's vectors shipped in the folder; none when there is no file for it. */
    public static VectorFile read(Path folder, String model) {
        Path file = of(folder, model);
        if (!Files.isRegularFile(file)) {
            return new VectorFile(model, Map.of());
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String[] header = readLine(in).split(" ");
            if (header.length != 5 || !(header[0] + " " + header[1]).equals(MAGIC) || !header[2].equals(model)) {
                throw new IllegalArgumentException(file + " is not a vector file of " + model + " (header: " + String.join(" ", header) + ")");
            }
            int dimension = Integer.parseInt(header[3]);
            int count = Integer.parseInt(header[4]);
            Map<String, byte[]> vectors = new HashMap<>(count * 2);
            byte[] digest = new byte[32];
            for (int i = 0; i < count; i++) {
                in.readFully(digest);
                byte[] v = new byte[4 + dimension];
                in.readFully(v);
                vectors.put(HexFormat.of().formatHex(digest), v);
            }
            return new VectorFile(model, vectors);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** Writes the vectors (digest → stored form) of a model to its file in the folder. */
    public static Path write(Path folder, String model, int dimension, Map<String, byte[]> vectors) {
        Path file = of(folder, model);
        try {
            Files.createDirectories(folder);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                out.write((MAGIC + " " + model + " " + dimension + " " + vectors.size() + "\n").getBytes(StandardCharsets.US_ASCII));
                for (Map.Entry<String, byte[]> e : new TreeMap<>(vectors).entrySet()) {
                    out.write(HexFormat.of().parseHex(e.getKey()));
                    out.write(e.getValue());
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || sb.length() > 200) {
                throw new IOException("no header line");
            }
            sb.append((char) b);
        }
        return sb.toString();
    }

    public int size() {
        return vectors.size();
    }

    @Override
    public Map<String, byte[]> find(String model, Collection<String> digests) {
        if (!model.equals(this.model)) {
            return Map.of();
        }
        Map<String, byte[]> found = new HashMap<>();
        for (String d : digests) {
            byte[] v = vectors.get(d);
            if (v != null) {
                found.put(d, v);
            }
        }
        return found;
    }

    @Override
    public void store(String model, Map<String, byte[]> vectors) {
        // read-only: shipped with the knowledge base
    }
}
