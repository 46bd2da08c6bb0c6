package io.policybot.discord.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The smallest RFC 6455 server a gateway test needs: the upgrade handshake, masked client frames (text, binary,
 * continuation, ping, close) and unmasked server frames. No extensions, loopback only, one virtual thread per
 * connection.
 */
final class WebSocketServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** What the server does with a connection's events. */
    interface Handler {
        void opened(Connection connection);

        void text(Connection connection, String text);

        /** The peer closed (or the socket broke): {@code code} is the close code, or 1006 for none. */
        void closed(Connection connection, int code);
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final Thread acceptor;

    WebSocketServer(Handler handler) throws IOException {
        this.handler = handler;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().name("fake-gateway-accept").start(this::acceptLoop);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                client.setTcpNoDelay(true);
                Thread.ofVirtual().name("fake-gateway-conn").start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        Connection connection;
        try {
            InputStream in = new BufferedInputStream(client.getInputStream());
            Map<String, String> headers = new LinkedHashMap<>();
            String requestLine = readLine(in);
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
                }
            }
            String key = headers.get("sec-websocket-key");
            OutputStream out = client.getOutputStream();
            if (key == null) {
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                client.close();
                return;
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String target = requestLine.split(" ").length > 1 ? requestLine.split(" ")[1] : "/";
            connection = new Connection(client, out, target);
            handler.opened(connection);
            readFrames(connection, in);
        } catch (IOException | NoSuchAlgorithmException e) {
            closeQuietly(client);
        }
    }

    private void readFrames(Connection connection, InputStream in) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int messageOpcode = 0;
        int closeCode = 1006;
        try {
            while (true) {
                int b0 = in.read();
                if (b0 < 0) {
                    break;
                }
                int b1 = readByte(in);
                boolean fin = (b0 & 0x80) != 0;
                int opcode = b0 & 0x0F;
                long length = b1 & 0x7F;
                if (length == 126) {
                    length = (readByte(in) << 8) | readByte(in);
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | readByte(in);
                    }
                }
                byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
                byte[] payload = in.readNBytes((int) length);
                if (payload.length != length) {
                    throw new EOFException();
                }
                if (mask != null) {
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                }
                switch (opcode) {
                    case 0x0, 0x1, 0x2 -> {
                        if (opcode != 0) {
                            messageOpcode = opcode;
                            message.reset();
                        }
                        message.write(payload);
                        if (fin && messageOpcode == 0x1) {
                            handler.text(connection, message.toString(StandardCharsets.UTF_8));
                        }
                    }
                    case 0x8 -> {
                        closeCode = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                        connection.close(closeCode, "");
                        closeQuietly(connection.socket);
                        handler.closed(connection, closeCode);
                        return;
                    }
                    case 0x9 -> connection.frame(0xA, payload);
                    default -> {
                        // pong and reserved opcodes: nothing to do
                    }
                }
            }
        } catch (IOException e) {
            // the socket broke or was closed by us
        }
        closeQuietly(connection.socket);
        handler.closed(connection, closeCode);
    }

    /** One client connection: sends text and binary messages, and closes with a code. */
    static final class Connection {
        final Socket socket;
        private final OutputStream out;
        /** The request target of the upgrade, with its query ({@code /?v=10&encoding=json}). */
        final String target;
        private boolean closeSent;

        Connection(Socket socket, OutputStream out, String target) {
            this.socket = socket;
            this.out = out;
            this.target = target;
        }

        void text(String text) {
            frame(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        void binary(byte[] data) {
            frame(0x2, data);
        }

        /** Sends a close frame with the code; the socket closes when the peer answers (or breaks). */
        synchronized void close(int code, String reason) {
            if (closeSent) {
                return;
            }
            closeSent = true;
            byte[] why = reason.getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[2 + why.length];
            payload[0] = (byte) (code >> 8);
            payload[1] = (byte) code;
            System.arraycopy(why, 0, payload, 2, why.length);
            writeFrame(0x8, payload);
        }

        synchronized void frame(int opcode, byte[] payload) {
            if (closeSent) {
                return;
            }
            writeFrame(opcode, payload);
        }

        private void writeFrame(int opcode, byte[] payload) {
            try {
                ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
                frame.write(0x80 | opcode);
                if (payload.length < 126) {
                    frame.write(payload.length);
                } else if (payload.length < 65536) {
                    frame.write(126);
                    frame.write(payload.length >> 8);
                    frame.write(payload.length);
                } else {
                    frame.write(127);
                    for (int i = 7; i >= 0; i--) {
                        frame.write((int) ((long) payload.length >> (8 * i)));
                    }
                }
                frame.write(payload);
                out.write(frame.toByteArray());
                out.flush();
            } catch (IOException e) {
                closeQuietly(socket);
            }
        }

        boolean isOpen() {
            return !socket.isClosed() && !closeSent;
        }
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b < 0 && line.size() == 0) {
            throw new EOFException();
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
        acceptor.interrupt();
    }

}
