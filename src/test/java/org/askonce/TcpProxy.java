package org.askonce;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback for fault tests: forwards bytes between its port and a real server until
 * the test cuts it. {@link #blackHole()} cuts like a firewall that drops packets: nothing is closed,
 * nothing is forwarded any more, new connections are taken and left silent, and the connections it
 * cut stay silent for good, even after {@link #restore()} (a NAT that forgot them).
 * {@link #reset()} cuts like a server that went away: every connection is reset and new ones are
 * refused until {@link #restore()}.
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode { FORWARD, BLACK_HOLE, REFUSE }

    private final InetSocketAddress target;
    private final int port;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.FORWARD;
    private volatile ServerSocket server;
    private volatile boolean closed;

    private TcpProxy(String host, int port) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.server = listen(0);
        this.port = server.getLocalPort();
        startAccepting(server);
    }

    /** A proxy to {@code host:port}, forwarding. */
    public static TcpProxy to(String host, int port) {
        try {
            return new TcpProxy(host, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Stops forwarding without closing anything; what was connected stays connected and silent forever. */
    public synchronized void blackHole() {
        mode = Mode.BLACK_HOLE;
        links.forEach(Link::silence);
    }

    /** Resets every connection (RST) and refuses new ones. */
    public synchronized void reset() {
        mode = Mode.REFUSE;
        closeQuietly(server);
        links.forEach(Link::reset);
        links.clear();
    }

    /** Forwards new connections again; connections cut by {@link #blackHole()} stay silent. */
    public synchronized void restore() {
        if (mode == Mode.REFUSE) {
            try {
                server = listen(port);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + port + " again", e);
            }
            startAccepting(server);
        }
        mode = Mode.FORWARD;
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(server);
        links.forEach(Link::reset);
        links.clear();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return s;
    }

    private void startAccepting(ServerSocket socket) {
        Thread t = new Thread(() -> accept(socket), "tcp-proxy-accept-" + port);
        t.setDaemon(true);
        t.start();
    }

    private void accept(ServerSocket socket) {
        while (!closed && !socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return; // closed: reset() or close()
            }
            Link link = new Link(client);
            links.add(link);
            if (mode == Mode.FORWARD) {
                try {
                    link.connect(target);
                } catch (IOException e) {
                    link.reset();
                    links.remove(link);
                    continue;
                }
            } else {
                link.silence(); // taken and left silent, like a SYN answered by nobody's application
            }
            link.start();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** One client connection and its upstream connection. */
    private final class Link {

        private final Socket client;
        private volatile Socket upstream;
        private volatile boolean silent;

        Link(Socket client) {
            this.client = client;
        }

        void connect(InetSocketAddress to) throws IOException {
            Socket s = new Socket();
            s.connect(to, 2000);
            upstream = s;
        }

        void start() {
            pump(client, upstream, "up");
            if (upstream != null) {
                pump(upstream, client, "down");
            }
        }

        void silence() {
            silent = true;
        }

        /** Closes the client's side with a reset (SO_LINGER 0) and the upstream side. */
        void reset() {
            try {
                client.setSoLinger(true, 0);
            } catch (SocketException ignored) {
                // already closed
            }
            closeQuietly(client);
            closeQuietly(upstream);
        }

        /**
         * One side closed. Forwarding: both are closed. Silent: the client sees nothing; once the
         * client itself gave up, the upstream connection is closed so the real server is not left
         * with it.
         */
        private void ended(Socket from) {
            if (!silent || from == client) {
                closeQuietly(client);
                closeQuietly(upstream);
                links.remove(this);
            }
        }

        private void pump(Socket from, Socket to, String direction) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream()) {
                    OutputStream out = to == null ? null : to.getOutputStream();
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        if (!silent && out != null) {
                            out.write(buffer, 0, n);
                            out.flush();
                        } // silent: swallowed, and nothing is ever closed from here
                    }
                    ended(from);
                } catch (IOException e) {
                    ended(from);
                }
            }, "tcp-proxy-" + port + "-" + direction);
            t.setDaemon(true);
            t.start();
        }
    }
}
