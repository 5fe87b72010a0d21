package io.team365.mail.internal.connect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Plain sockets that connect to one checked address whatever host name Jakarta Mail asks for (it resolves the name
 * again when it connects). Jakarta Mail then layers TLS (SSL or STARTTLS) on top with the original host name, so SNI
 * and the certificate's host name check still use the name the user typed (ADR 0032).
 */
final class PinnedSocketFactory extends SocketFactory {

    private final InetAddress address;

    PinnedSocketFactory(InetAddress address) {
        this.address = address;
    }

    @Override
    public Socket createSocket() {
        return new PinnedSocket(address);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = new PinnedSocket(address);
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket((String) null, port, localAddress, localPort);
    }

    private Socket connected(int port) throws IOException {
        Socket socket = new PinnedSocket(address);
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    /** Connects to the pinned address on the port asked for. */
    private static final class PinnedSocket extends Socket {

        private final InetAddress address;

        PinnedSocket(InetAddress address) {
            this.address = address;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress target)) {
                throw new IOException("unsupported address type");
            }
            super.connect(new InetSocketAddress(address, target.getPort()), timeout);
        }
    }
}
