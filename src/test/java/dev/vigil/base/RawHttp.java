package dev.vigil.base;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection: the only way to put invalid bytes, control
 * characters, duplicate or lying Content-Length headers on the wire, which {@code java.net.http} refuses.
 */
final class RawHttp {

    private static final byte[] CRLF = {'\r', '\n'};
    /**
     * Every answer in the fuzz comes in milliseconds once the server has seen the end of the request (the
     * half-close below); waiting longer would only hide a server that hangs on bad input.
     */
    private static final int READ_TIMEOUT_MS = 5_000;
    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** One request as it goes on the wire. Header values are sent byte for byte (ISO-8859-1). */
    record Request(String method, String target, List<String[]> headers, byte[] body, Framing framing) {

        Request {
            headers = List.copyOf(headers);
        }
    }

    /** How the body is framed. */
    enum Framing {
        /** Content-Length is set from the body (unless a header in the request sets one itself). */
        LENGTH,
        /** Transfer-Encoding: chunked, the way a streaming client sends a body of unknown length. */
        CHUNKED,
        /** Only the head is sent; the headers declare a length the client never delivers. */
        HEAD_ONLY
    }

    /** Status, headers (lower-case names, last value wins) and the decoded body. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Response send(Request request) {
        Thread writing = null;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(head(request));
            out.flush();
            // The server may answer (413, 400) before it has read the body; write it alongside reading.
            writing = Thread.ofVirtual().start(() -> {
                if (request.framing() != Framing.HEAD_ONLY && request.body() != null) {
                    writeBody(out, request);
                }
                endOfRequest(socket);
            });
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.target(), e);
        } finally {
            // The socket is closed by now, so a writer still blocked on a body nobody reads has failed and ends.
            if (writing != null) {
                awaitWriter(writing);
            }
        }
    }

    private static void awaitWriter(Thread writing) {
        try {
            writing.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] head(Request request) {
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target())
                .append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        boolean ownLength = false;
        for (String[] header : request.headers()) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
            ownLength |= header[0].equalsIgnoreCase("Content-Length") || header[0].equalsIgnoreCase("Transfer-Encoding");
        }
        if (!ownLength && request.body() != null) {
            head.append(request.framing() == Framing.CHUNKED ? "Transfer-Encoding: chunked"
                    : "Content-Length: " + request.body().length).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void writeBody(OutputStream out, Request request) {
        try {
            byte[] body = request.body();
            if (request.framing() == Framing.CHUNKED) {
                int chunk = 64 * 1024;
                for (int at = 0; at < body.length; at += chunk) {
                    int n = Math.min(chunk, body.length - at);
                    out.write(Integer.toHexString(n).getBytes(StandardCharsets.US_ASCII));
                    out.write(CRLF);
                    out.write(body, at, n);
                    out.write(CRLF);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(body);
            }
            out.flush();
        } catch (IOException e) {
            // The server answered and closed before taking the whole body: its answer is what counts.
        }
    }

    /**
     * Half-closes the connection: a body shorter than its declared Content-Length (or none at all) then
     * ends in EOF at the server, which must answer it, instead of both sides waiting for each other.
     */
    private static void endOfRequest(Socket socket) {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            // Already closed by the server after its answer.
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            // A reset after the server has closed on an unread body; whatever arrived before it is the answer.
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new IllegalStateException("Not an HTTP answer: " + text.substring(0, Math.min(200, text.length())));
        }
        List<String> lines = new ArrayList<>(text.substring(0, end).lines().toList());
        int status = Integer.parseInt(lines.removeFirst().substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(answer, end + 4, answer.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, at);
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, n);
            at = lineEnd + 2 + n + 2;
        }
        return body.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }
}
