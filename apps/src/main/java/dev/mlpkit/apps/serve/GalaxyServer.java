package dev.mlpkit.apps.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.mlpkit.features.ImageDecodeException;

/**
 * The galaxy classifier on HTTP: the page at {@code /}, {@code POST /api/classify} (the image as the body, or as a
 * {@code multipart/form-data} file), {@code GET /api/model} and {@code GET /health}. Uploads above the limit get 413,
 * other content types 415, damaged images 400, each with a JSON {@code error} sentence; nothing is written to disk.
 */
final class GalaxyServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GalaxyServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GalaxyService service;
    private final long maxUploadBytes;
    private final HttpServer server;
    private final ExecutorService workers;
    private final byte[] page;

    GalaxyServer(GalaxyService service, String host, int port, long maxUploadBytes, int threads) throws IOException {
        this.service = service;
        this.maxUploadBytes = maxUploadBytes;
        try (InputStream in = GalaxyServer.class.getResourceAsStream("page.html")) {
            this.page = in.readAllBytes();
        }
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        this.workers = Executors.newFixedThreadPool(threads);
        server.setExecutor(workers);
        server.createContext("/", this::page);
        server.createContext("/api/classify", this::classify);
        server.createContext("/api/model", exchange -> json(exchange, 200, service.describe()));
        server.createContext("/health", exchange -> json(exchange, 200, Map.of("status", "ok")));
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
        if (!path.equals("/") && !path.equals("/index.html")) {
            error(exchange, 404, "there is nothing at " + path + "; the page is at /");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
        }
    }

    private void classify(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                error(exchange, 405, "send the image with POST");
                return;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            type = type == null ? "" : type.trim().toLowerCase();
            boolean multipart = type.startsWith("multipart/form-data");
            if (!multipart && !type.startsWith("image/") && !type.startsWith("application/octet-stream")) {
                error(exchange, 415, "send an image (image/jpeg, image/png, ... or multipart/form-data), not '"
                        + (type.isEmpty() ? "no content type" : type) + "'");
                return;
            }
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (length != null && parseLong(length) > maxUploadBytes) {
                error(exchange, 413, "the upload is " + length + " bytes, more than the limit of " + maxUploadBytes);
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxUploadBytes + 1));
            if (body.length > maxUploadBytes) {
                error(exchange, 413, "the upload is more than the limit of " + maxUploadBytes + " bytes");
                return;
            }
            String name = "upload";
            if (multipart) {
                String boundary = Multipart.boundary(type);
                Multipart.Part part = boundary == null ? null : Multipart.firstFile(body, boundary);
                if (part == null) {
                    error(exchange, 400, "the form holds no file");
                    return;
                }
                name = part.fileName();
                body = part.content();
            }
            GalaxyService.Verdict verdict = service.classify(body, name);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("label", verdict.label());
            answer.put("probability", verdict.probability());
            if (verdict.note() != null) {
                answer.put("note", verdict.note());
            }
            answer.put("model", service.name());
            if (verdict.seenPng().length > 0) {
                answer.put("seen", "data:image/png;base64," + Base64.getEncoder().encodeToString(verdict.seenPng()));
            }
            json(exchange, 200, answer);
        } catch (ImageDecodeException e) {
            error(exchange, 400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Classifying an upload failed: {}", e.toString());
            error(exchange, 500, "the server failed to classify the image");
        }
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
        byte[] body = JSON.writeValueAsBytes(value);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
