package dk.platform.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the first port the stack cannot use, before anything is started. */
final class PortCheck {

    private PortCheck() {
    }

    /** The one-line reason the stack cannot start, or empty when every port is free. */
    static Optional<String> firstProblem(List<StackConfig.Port> ports) {
        Map<Integer, StackConfig.Port> seen = new HashMap<>();
        for (StackConfig.Port port : ports) {
            StackConfig.Port other = seen.putIfAbsent(port.number(), port);
            if (other != null) {
                return Optional.of("port " + port.number() + " is set for both " + other.name() + " and "
                        + port.name() + "; set " + port.envVar() + " to another port");
            }
        }
        for (StackConfig.Port port : ports) {
            if (!isFree(port.number())) {
                return Optional.of("port " + port.number() + " (" + port.name() + ") is already in use; set "
                        + port.envVar() + " to another port");
            }
        }
        return Optional.empty();
    }

    /** Free when nothing answers on it and it can be bound on all interfaces. */
    static boolean isFree(int port) {
        if (accepts("127.0.0.1", port, 200)) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as servers do: a port in TIME_WAIT is free
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean accepts(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port no one listens on right now, for tests. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
