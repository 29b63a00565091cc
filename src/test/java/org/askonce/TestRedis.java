package org.askonce;

/**
 * The Redis a test uses: database {@code askonce.test.fork} (1, 2, … — one per test JVM, see the
 * surefire configuration) of the server it names, so that test JVMs running side by side never see
 * each other's keys.
 */
public final class TestRedis {

    private TestRedis() {
    }

    /** {@code redis://host:port/<this JVM's database>}. */
    public static String url(String host, int port) {
        return "redis://" + host + ":" + port + "/" + database();
    }

    public static int database() {
        return Integer.getInteger("askonce.test.fork", 0) % 16;
    }
}
