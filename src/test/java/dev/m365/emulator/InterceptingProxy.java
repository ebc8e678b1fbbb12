package dev.m365.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLSocket;

/**
 * A TLS-inspecting HTTPS proxy, as corporate networks run them: it accepts {@code CONNECT host:443}, terminates TLS
 * with a certificate from its own CA, and hands the decrypted HTTP to the emulator, which answers by {@code Host}.
 * This lets m365 call the real Microsoft URLs (login.microsoftonline.com, graph.microsoft.com, ...) in tests.
 */
final class InterceptingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final TestAuthority authority;
    private final int emulatorPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "intercepting-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<String> tunnels = new CopyOnWriteArrayList<>();

    InterceptingProxy(TestAuthority authority, int emulatorPort) throws IOException {
        this.authority = authority;
        this.emulatorPort = emulatorPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The host:port of every CONNECT received. */
    List<String> tunnels() {
        return List.copyOf(tunnels);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.submit(() -> tunnel(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try (client) {
            String head = readHead(client.getInputStream());
            String[] requestLine = head.split("\r\n", 2)[0].split(" ");
            OutputStream toClient = client.getOutputStream();
            if (requestLine.length < 2 || !requestLine[0].equals("CONNECT")) {
                toClient.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            tunnels.add(requestLine[1]);
            toClient.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            toClient.flush();
            try (SSLSocket tls = (SSLSocket) authority.serverContext().getSocketFactory()
                    .createSocket(client, null, client.getPort(), false);
                    Socket emulator = new Socket(InetAddress.getLoopbackAddress(), emulatorPort)) {
                tls.setUseClientMode(false);
                tls.startHandshake();
                var upstream = threads.submit(() -> pipe(tls.getInputStream(), emulator.getOutputStream()));
                pipe(emulator.getInputStream(), tls.getOutputStream());
                upstream.cancel(true);
            }
        } catch (IOException e) {
            // the client or the emulator closed the connection
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static Void pipe(InputStream in, OutputStream out) {
        byte[] buffer = new byte[16384];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // already closed
        }
        return null;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
