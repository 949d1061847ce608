package dev.mlpkit.apps.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.mlpkit.features.ImageDecodeException;

/**
 * A galaxy model, a circle-line model or both on HTTP. The galaxy page is at {@code /} with {@code POST
 * /api/classify}; the drawing page at {@code /draw} (and at {@code /} when no galaxy model is served) with {@code POST
 * /api/draw}; each takes the image as the body or as a {@code multipart/form-data} file. {@code GET /api/model}
 * describes the galaxy model ({@code ?app=circle-line}: the circle-line one) and {@code GET /health} answers ok.
 * Uploads above the limit get 413, other content types 415, damaged images 400, a model that is not served 404, a
 * request that finds every classifier busy for {@value #BUSY_SECONDS} s 503, each with a JSON {@code error} sentence;
 * nothing is written to disk. A client has {@value #REQUEST_SECONDS} s to send its whole request, or the connection is
 * closed (the JDK server can answer nothing then), and the threads that read requests outnumber the classifiers, so
 * slow clients hold up neither the page, {@code /health} nor the others' images.
 */
final class ModelServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Seconds a client has to send a whole request (line, headers and body); the JDK server then cuts it off. */
    static final int REQUEST_SECONDS = 10;
    /** Seconds to take a whole response. */
    private static final int RESPONSE_SECONDS = 30;
    /** Connections open at once; the JDK server closes any more as soon as it accepts them. */
    private static final int MAX_CONNECTIONS = 256;
    /** How long a request waits for a classifier to be free before it is answered 503. */
    private static final long BUSY_SECONDS = 10;

    static {
        // The JDK server reads these once, when its first server is made, and has no other way to set them; a value
        // given on the command line (-D) wins.
        setIfAbsent("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        setIfAbsent("sun.net.httpserver.maxRspTime", RESPONSE_SECONDS);
        setIfAbsent("jdk.httpserver.maxConnections", MAX_CONNECTIONS);
    }

    private static void setIfAbsent(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, String.valueOf(value));
        }
    }

    /** An uploaded image and its file name. */
    private record Upload(byte[] image, String name) {
    }

    private final ImageService galaxy;
    private final DrawingService drawing;
    private final long maxUploadBytes;
    private final HttpServer server;
    /** The threads that read requests and write answers: more than the classifiers, so slow clients wait apart. */
    private final ExecutorService workers;
    /** One permit per request classified at once (the CPU work). */
    private final Semaphore classifiers;
    private final byte[] galaxyPage;
    private final byte[] drawingPage;
    private final byte[] style;

    /** Serves {@code galaxy} or {@code drawing} or both (the other may be null). */
    ModelServer(ImageService galaxy, DrawingService drawing, String host, int port, long maxUploadBytes, int threads)
            throws IOException {
        if (galaxy == null && drawing == null) {
            throw new IllegalArgumentException("a server needs a galaxy model, a circle-line model or both");
        }
        this.galaxy = galaxy;
        this.drawing = drawing;
        this.maxUploadBytes = maxUploadBytes;
        this.galaxyPage = page("page.html", drawing == null ? "" : "<nav><a href=\"/draw\">Draw a circle or a line</a></nav>");
        this.drawingPage = page("draw.html", galaxy == null ? "" : "<nav><a href=\"/\">Is it a galaxy?</a></nav>");
        this.style = page("style.css", "");
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        this.workers = Executors.newFixedThreadPool(4 * threads + 16);
        this.classifiers = new Semaphore(threads);
        server.setExecutor(workers);
        server.createContext("/", this::page);
        server.createContext("/api/classify", this::classify);
        server.createContext("/api/draw", this::draw);
        server.createContext("/api/model", this::model);
        server.createContext("/health", exchange -> json(exchange, 200, Map.of("status", "ok")));
    }

    /** A page from the resources, with {@code navigation} (links to the other page) in place of its {@code <!--NAV-->}. */
    private static byte[] page(String resource, String navigation) throws IOException {
        try (InputStream in = ModelServer.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("<!--NAV-->", navigation)
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    void start() {
        server.start();
    }

    /** The port it listens on (the one the system chose, when asked for port 0). */
    int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting, lets requests under way finish (up to a second), and stops the workers. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] page;
        String type = "text/html; charset=utf-8";
        if (path.equals("/style.css")) {
            page = style;
            type = "text/css; charset=utf-8";
        } else if (path.equals("/") || path.equals("/index.html")) {
            page = galaxy != null ? galaxyPage : drawingPage;
        } else if (path.equals("/draw") && drawing != null) {
            page = drawingPage;
        } else if (path.equals("/draw")) {
            error(exchange, 404, "no circle-line model is served here; start mlp serve with --model cl.mlp");
            return;
        } else {
            error(exchange, 404, "there is nothing at " + path + "; the page is at /");
            return;
        }
        send(exchange, 200, type, page);
    }

    /**
     * Answers {@code status} with {@code body}; to a HEAD request, the headers alone (with no length, as the JDK server
     * wants for HEAD, which warns otherwise).
     */
    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equalsIgnoreCase("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void model(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        boolean wantsDrawing = "app=circle-line".equals(query) || galaxy == null;
        if (wantsDrawing && drawing == null) {
            error(exchange, 404, "no circle-line model is served here");
            return;
        }
        json(exchange, 200, wantsDrawing ? drawing.describe() : galaxy.describe());
    }

    /** What a served model answers of an uploaded image, as JSON-ready values. */
    @FunctionalInterface
    private interface Answer {
        Map<String, Object> of(byte[] image, String name) throws ImageDecodeException;
    }

    private void classify(HttpExchange exchange) throws IOException {
        answer(exchange, galaxy == null ? null : (image, name) -> {
            ImageService.Verdict verdict = galaxy.classify(image, name);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("label", verdict.label());
            answer.put("probability", verdict.probability());
            answer.put("top", verdict.top());
            if (verdict.note() != null) {
                answer.put("note", verdict.note());
            }
            answer.put("model", galaxy.name());
            if (verdict.seenPng().length > 0) {
                answer.put("seen", dataUrl(verdict.seenPng()));
            }
            return answer;
        }, "no image classifier is served here; start mlp serve with --model galaxy.mlp");
    }

    private void draw(HttpExchange exchange) throws IOException {
        answer(exchange, drawing == null ? null : (image, name) -> {
            DrawingService.Verdict verdict = drawing.classify(image, name);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("label", verdict.label());
            answer.put("scores", verdict.scores());
            if (verdict.note() != null) {
                answer.put("note", verdict.note());
            }
            answer.put("model", drawing.name());
            answer.put("seen", dataUrl(verdict.seenPng()));
            return answer;
        }, "no circle-line model is served here; start mlp serve with --model cl.mlp");
    }

    /** Reads the upload and answers what {@code answer} says of it; 404 with {@code missing} when no model serves it. */
    private void answer(HttpExchange exchange, Answer answer, String missing) throws IOException {
        if (answer == null) {
            error(exchange, 404, missing);
            return;
        }
        try {
            Upload upload = upload(exchange);
            if (upload == null) {
                return;
            }
            if (!classifiers.tryAcquire(BUSY_SECONDS, TimeUnit.SECONDS)) {
                error(exchange, 503, "the server is busy classifying other images; try again in a moment");
                return;
            }
            Map<String, Object> result;
            try {
                result = answer.of(upload.image(), upload.name());
            } finally {
                classifiers.release();
            }
            json(exchange, 200, result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(exchange, 503, "the server is stopping");
        } catch (ImageDecodeException e) {
            error(exchange, 400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Classifying an upload failed: {}", e.toString());
            error(exchange, 500, "the server failed to classify the image");
        }
    }

    private static String dataUrl(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    /** The uploaded image, or null once an error has been answered (wrong method, type or size, no file). */
    private Upload upload(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            error(exchange, 405, "send the image with POST");
            return null;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        type = type == null ? "" : type.trim();
        String media = type.toLowerCase(Locale.ROOT);    // the media type is case-insensitive, the boundary is not
        boolean multipart = media.startsWith("multipart/form-data");
        if (!multipart && !media.startsWith("image/") && !media.startsWith("application/octet-stream")) {
            error(exchange, 415, "send an image (image/jpeg, image/png, ... or multipart/form-data), not '"
                    + (type.isEmpty() ? "no content type" : type) + "'");
            return null;
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && parseLong(length) > maxUploadBytes) {
            error(exchange, 413, "the upload is " + length + " bytes, more than the limit of " + maxUploadBytes);
            return null;
        }
        byte[] body = exchange.getRequestBody().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxUploadBytes + 1));
        if (body.length > maxUploadBytes) {
            error(exchange, 413, "the upload is more than the limit of " + maxUploadBytes + " bytes");
            return null;
        }
        String name = "upload";
        if (multipart) {
            String boundary = Multipart.boundary(type);
            if (boundary == null) {
                error(exchange, 400, "a multipart/form-data upload needs a boundary of 1 to " + Multipart.MAX_BOUNDARY
                        + " characters");
                return null;
            }
            Multipart.Part part = Multipart.firstFile(body, boundary);
            if (part == null) {
                error(exchange, 400, "the form holds no file");
                return null;
            }
            name = part.fileName();
            body = part.content();
        }
        return new Upload(body, name);
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, Map.of("error", message));
    }

    private static void json(HttpExchange exchange, int status, Object value) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(value));
    }
}
