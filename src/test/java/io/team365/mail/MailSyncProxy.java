package io.team365.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of a test mail server, so a test can take the "server" away (connections refused, open
 * ones cut) and bring it back on the same port, or cut the connection after so many bytes, mid-sync. It also
 * records the lines the client sends (the IMAP commands), so a test can see how many round trips a sync takes.
 */
final class MailSyncProxy implements AutoCloseable {

    private final int port;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** Bytes from the server still allowed before the relay cuts every connection and goes down; < 0: no limit. */
    private final AtomicLong budget = new AtomicLong(-1);

    /** Every line clients sent through the relay, in order. */
    private final List<String> sent = new CopyOnWriteArrayList<>();

    private volatile ServerSocket listener;

    MailSyncProxy(int port, int target) {
        this.port = port;
        this.target = target;
    }

    int port() {
        return port;
    }

    synchronized void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        // the port may take a moment to be free again after stop() cut live connections
        for (int attempt = 0; ; attempt++) {
            try {
                socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                break;
            } catch (java.net.BindException busy) {
                if (attempt >= 50) {
                    throw busy;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
        listener = socket;
        Thread.ofVirtual().start(() -> accept(socket));
    }

    /** The server goes away: new connections are refused and open ones are cut. */
    synchronized void stop() {
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        listener = null;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** After this many more bytes from the server, the relay goes down as {@link #stop()} does. */
    void cutAfter(long bytes) {
        budget.set(bytes);
    }

    /** The lines clients sent (IMAP commands) since the last {@link #clearSent()}. */
    List<String> sent() {
        return List.copyOf(sent);
    }

    void clearSent() {
        sent.clear();
    }

    @Override
    public void close() {
        budget.set(-1);
        stop();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pump(client, server, false));
                Thread.ofVirtual().start(() -> pump(server, client, true));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean counted) {
        byte[] buffer = new byte[8192];
        StringBuilder line = new StringBuilder();
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (counted && budget.get() >= 0 && budget.addAndGet(-n) < 0) {
                    budget.set(-1);
                    stop();
                    return;
                }
                if (!counted) {
                    record(buffer, n, line);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void record(byte[] buffer, int n, StringBuilder line) {
        for (int i = 0; i < n; i++) {
            char c = (char) (buffer[i] & 0xff);
            if (c == '\n') {
                sent.add(line.toString().strip());
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
