package io.policybot.slack.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Slack's Socket Mode server on loopback, as far as the client can tell: a minimal RFC 6455 WebSocket server
 * (handshake, text frames, ping/pong, close) that says hello, pushes envelopes, records what the client sends
 * back, and can drop a connection without a close frame, as a network failure would.
 * The JDK has no WebSocket server, and this keeps the test free of a server container dependency.
 */
public final class FakeSocketModeServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    public FakeSocketModeServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().name("fake-socket-mode-accept").start(this::acceptLoop);
    }

    public String url() {
        return "ws://127.0.0.1:" + server.getLocalPort() + "/link/?ticket=test";
    }

    /** The next connection the client opens. */
    public Connection awaitConnection(Duration timeout) throws InterruptedException {
        Connection c = connections.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (c == null) {
            throw new AssertionError("no Socket Mode connection within " + timeout);
        }
        return c;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Connection c = new Connection(socket);
                if (c.handshake()) {
                    c.sendText("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
                            + "\"connection_info\":{\"app_id\":\"A123\"}}");
                    Thread.ofVirtual().name("fake-socket-mode-read").start(c::readLoop);
                    connections.add(c);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }

    /** One client connection. */
    public static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        boolean handshake() throws IOException {
            String key = null;
            StringBuilder line = new StringBuilder();
            int previous = -1;
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n' && previous == '\r') {
                    String header = line.substring(0, line.length() - 1);
                    if (header.isEmpty()) {
                        break;
                    }
                    int colon = header.indexOf(':');
                    if (colon > 0 && header.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
                        key = header.substring(colon + 1).trim();
                    }
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
                previous = b;
            }
            if (key == null) {
                socket.close();
                return false;
            }
            String accept = Base64.getEncoder().encodeToString(sha1(key + GUID));
            String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n";
            synchronized (this) {
                out.write(response.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            return true;
        }

        void readLoop() {
            try {
                DataInputStream data = new DataInputStream(in);
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                while (true) {
                    int b0 = data.readUnsignedByte();
                    int b1 = data.readUnsignedByte();
                    boolean fin = (b0 & 0x80) != 0;
                    int opcode = b0 & 0x0F;
                    long length = b1 & 0x7F;
                    if (length == 126) {
                        length = data.readUnsignedShort();
                    } else if (length == 127) {
                        length = data.readLong();
                    }
                    byte[] mask = new byte[4];
                    if ((b1 & 0x80) != 0) {
                        data.readFully(mask);
                    }
                    byte[] payload = new byte[(int) length];
                    data.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                    switch (opcode) {
                        case 0x0, 0x1 -> {
                            message.write(payload);
                            if (fin) {
                                received.add(message.toString(StandardCharsets.UTF_8));
                                message.reset();
                            }
                        }
                        case 0x8 -> {
                            frame(0x8, payload);
                            socket.close();
                            return;
                        }
                        case 0x9 -> frame(0xA, payload);
                        default -> {
                            // pong or binary: nothing to do
                        }
                    }
                }
            } catch (IOException e) {
                // connection gone
            }
        }

        public void sendText(String text) throws IOException {
            frame(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        private synchronized void frame(int opcode, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x80 | opcode);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else if (payload.length <= 0xFFFF) {
                frame.write(126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xFF);
            } else {
                frame.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) payload.length >>> shift) & 0xFF);
                }
            }
            frame.write(payload);
            out.write(frame.toByteArray());
            out.flush();
        }

        /** The next text message from the client containing {@code fragment}. */
        public String awaitMessage(String fragment, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                String m = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError("no client message containing " + fragment + " within " + timeout);
                }
                if (m.contains(fragment)) {
                    return m;
                }
            }
        }

        /** Drops the TCP connection without a close frame. */
        public void drop() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }
    }

    private static byte[] sha1(String s) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
