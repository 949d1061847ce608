package dev.mlpkit.apps.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlpkit.apps.Printable;
import dev.mlpkit.features.ImageDecodeException;

/**
 * A galaxy model, a circle-line model or both on HTTP, served by Jetty's core server. The galaxy page is at {@code /}
 * with {@code POST /api/classify}; the drawing page at {@code /draw} (and at {@code /} when no galaxy model is served)
 * with {@code POST /api/draw}; each takes the image as the body or as a {@code multipart/form-data} file. {@code GET
 * /api/model} describes the galaxy model ({@code ?app=circle-line}: the circle-line one) and {@code GET /health}
 * answers ok. Uploads above the limit get 413, other content types 415, damaged images 400, a model that is not served
 * 404, a request that finds every classifier busy for {@value #BUSY_SECONDS} s 503, a body that takes longer than
 * {@value #REQUEST_SECONDS} s 408, each with a JSON {@code error} sentence; so do requests Jetty refuses by itself
 * ({@link JsonErrors}). A client has {@value #REQUEST_SECONDS} s to begin a request ({@link RequestDeadline}) and as
 * long again for its body; waiting clients hold no thread, and classifying is limited apart from reading, so slow
 * clients hold up neither the page, {@code /health} nor the others' images. Nothing is written to disk.
 */
final class ModelServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Seconds a client has to begin a request (line and headers), and again to send its body. */
    static final int REQUEST_SECONDS = 10;
    /** Connections open at once; more wait in the system's backlog. */
    private static final int MAX_CONNECTIONS = 256;
    /** How long a request waits for a classifier to be free before it is answered 503. */
    private static final long BUSY_SECONDS = 10;

    /** An uploaded image and its file name. */
    private record Upload(byte[] image, String name) {
    }

    /** An answer already sent instead of an upload (wrong method, type or size, no file, too slow). */
    private static final class Answered extends Exception {
        private static final long serialVersionUID = 1L;

        Answered() {
            super(null, null, false, false);
        }
    }

    private final ImageService galaxy;
    private final DrawingService drawing;
    private final long maxUploadBytes;
    private final Server server;
    private final ServerConnector connector;
    /** One permit per request classified at once (the CPU work). */
    private final Semaphore classifiers;
    private final byte[] galaxyPage;
    private final byte[] drawingPage;
    private final byte[] style;
    private final byte[] post;

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
        this.post = page("post.js", "");
        this.classifiers = new Semaphore(threads);

        QueuedThreadPool pool = new QueuedThreadPool(4 * threads + 16, 2);
        pool.setName("mlp-serve");
        this.server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        // The deadlines answer a slow request at 10 s; the idle timeout, twice that, only closes idle connections, so
        // it never races a deadline to a request's answer.
        connector.setIdleTimeout(TimeUnit.SECONDS.toMillis(2 * REQUEST_SECONDS));
        connector.addBean(new RequestDeadline(connector.getScheduler(), REQUEST_SECONDS));
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        server.setErrorHandler(new JsonErrors());
        server.setStopTimeout(1000);
        // One access-log line per request (hidden by -q): who, what, the status and how long it took.
        server.setRequestLog((request, response) -> LOG.info("{} {} {} {} {} ms", Request.getRemoteAddr(request),
                Printable.of(request.getMethod()), Printable.of(request.getHttpURI().getPath()), response.getStatus(),
                System.currentTimeMillis() - Request.getTimeStamp(request)));
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                route(request, response, callback);
                return true;
            }
        });
    }

    /** A page from the resources, with {@code navigation} (links to the other page) in place of its {@code <!--NAV-->}. */
    private static byte[] page(String resource, String navigation) throws IOException {
        try (InputStream in = ModelServer.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("<!--NAV-->", navigation)
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Starts listening; an address that cannot be taken is an IOException that says which and why, in words. */
    void start() throws IOException {
        try {
            server.start();
        } catch (Exception e) {
            close();
            String where = "cannot listen on " + connector.getHost() + ":" + connector.getPort();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof BindException && String.valueOf(cause.getMessage()).contains("in use")) {
                throw new IOException(where + ": another program uses that port; choose another with --port (0 takes"
                        + " any free one)", e);
            }
            if (cause instanceof BindException || cause instanceof UnresolvedAddressException) {
                throw new IOException(where + ": that is not an address of this machine; try --host 127.0.0.1 (this"
                        + " machine only) or --host 0.0.0.0 (every network)", e);
            }
            throw new IOException(where + ": " + cause.getMessage(), e);
        }
    }

    /** The port it listens on (the one the system chose, when asked for port 0). */
    int port() {
        return connector.getLocalPort();
    }

    /** Stops accepting, lets requests under way finish (up to a second), and stops the threads. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("Stopping the server: {}", e.toString());
        }
    }

    /** One request: the page, the style, the API or a 404; every path ends in exactly one answer. */
    private void route(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        try {
            switch (path) {
                case "/api/classify" -> classify(request, response, callback);
                case "/api/draw" -> draw(request, response, callback);
                case "/api/model" -> model(request, response, callback);
                case "/health" -> json(response, callback, 200, Map.of("status", "ok"));
                case "/style.css" -> send(response, callback, 200, "text/css; charset=utf-8", style);
                case "/post.js" -> send(response, callback, 200, "text/javascript; charset=utf-8", post);
                case "/", "/index.html" -> send(response, callback, 200, "text/html; charset=utf-8",
                        galaxy != null ? galaxyPage : drawingPage);
                case "/draw" -> {
                    if (drawing == null) {
                        error(response, callback, 404, "no circle-line model is served here; start mlp serve with"
                                + " --model cl.mlp");
                    } else {
                        send(response, callback, 200, "text/html; charset=utf-8", drawingPage);
                    }
                }
                default -> error(response, callback, 404, "there is nothing at " + path + "; the page is at /");
            }
        } catch (IOException e) {
            callback.failed(e);
        }
    }

    /** Answers {@code status} with {@code body} (Jetty leaves the body out for HEAD). */
    private static void send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private void model(Request request, Response response, Callback callback) throws IOException {
        boolean wantsDrawing = "app=circle-line".equals(request.getHttpURI().getQuery()) || galaxy == null;
        if (wantsDrawing && drawing == null) {
            error(response, callback, 404, "no circle-line model is served here");
            return;
        }
        json(response, callback, 200, wantsDrawing ? drawing.describe() : galaxy.describe());
    }

    /** What a served model answers of an uploaded image, as JSON-ready values. */
    @FunctionalInterface
    private interface Answer {
        Map<String, Object> of(byte[] image, String name) throws ImageDecodeException;
    }

    private void classify(Request request, Response response, Callback callback) throws IOException {
        answer(request, response, callback, galaxy == null ? null : (image, name) -> {
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

    private void draw(Request request, Response response, Callback callback) throws IOException {
        answer(request, response, callback, drawing == null ? null : (image, name) -> {
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
    private void answer(Request request, Response response, Callback callback, Answer answer, String missing)
            throws IOException {
        if (answer == null) {
            error(response, callback, 404, missing);
            return;
        }
        try {
            Upload upload = upload(request, response, callback);
            if (!classifiers.tryAcquire(BUSY_SECONDS, TimeUnit.SECONDS)) {
                error(response, callback, 503, "the server is busy classifying other images; try again in a moment");
                return;
            }
            Map<String, Object> result;
            try {
                result = answer.of(upload.image(), upload.name());
            } finally {
                classifiers.release();
            }
            json(response, callback, 200, result);
        } catch (Answered e) {
            // upload() has answered already.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(response, callback, 503, "the server is stopping");
        } catch (ImageDecodeException e) {
            error(response, callback, 400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Classifying an upload failed: {}", e.toString());
            error(response, callback, 500, "the server failed to classify the image");
        }
    }

    private static String dataUrl(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    /** The uploaded image; {@link Answered} once an error has been answered instead. */
    private Upload upload(Request request, Response response, Callback callback)
            throws IOException, InterruptedException, Answered {
        if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            throw answered(response, callback, 405, "send the image with POST");
        }
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        type = type == null ? "" : type.trim();
        String media = type.toLowerCase(Locale.ROOT);    // the media type is case-insensitive, the boundary is not
        boolean multipart = media.startsWith("multipart/form-data");
        if (!multipart && !media.startsWith("image/") && !media.startsWith("application/octet-stream")) {
            throw answered(response, callback, 415, "send an image (image/jpeg, image/png, ... or multipart/form-data),"
                    + " not '" + (type.isEmpty() ? "no content type" : type) + "'");
        }
        long length = request.getLength();
        if (length > maxUploadBytes) {
            throw answered(response, callback, 413, "the upload is " + length + " bytes, more than the limit of "
                    + maxUploadBytes);
        }
        byte[] body = body(request, response, callback);
        String name = "upload";
        if (multipart) {
            String boundary = Multipart.boundary(type);
            if (boundary == null) {
                throw answered(response, callback, 400, "a multipart/form-data upload needs a boundary of 1 to "
                        + Multipart.MAX_BOUNDARY + " characters");
            }
            Multipart.Part part = Multipart.firstFile(body, boundary);
            if (part == null) {
                throw answered(response, callback, 400, "the form holds no file");
            }
            name = part.fileName();
            body = part.content();
        }
        return new Upload(body, name);
    }

    /**
     * The whole body, read without holding a thread while the client sends it; 413 past the limit (a chunked upload
     * has no length to check first), 408 when it takes longer than {@value #REQUEST_SECONDS} s.
     */
    private byte[] body(Request request, Response response, Callback callback)
            throws IOException, InterruptedException, Answered {
        CompletableFuture<byte[]> read = new CompletableFuture<>();
        Content.Source.asByteArrayAsync(request, (int) Math.min(Integer.MAX_VALUE - 8, maxUploadBytes),
                Promise.Invocable.toPromise(read));
        try {
            return read.get(REQUEST_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            throw answered(response, callback, 408, "the upload took longer than " + REQUEST_SECONDS
                    + " seconds to arrive; send it again");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();       // the client went away: nobody to answer
            }
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            throw answered(response, callback, 413, "the upload is more than the limit of " + maxUploadBytes
                    + " bytes");
        }
    }

    private static Answered answered(Response response, Callback callback, int status, String message)
            throws IOException {
        error(response, callback, status, message);
        return new Answered();
    }

    private static void error(Response response, Callback callback, int status, String message) throws IOException {
        json(response, callback, status, Map.of("error", message));
    }

    private static void json(Response response, Callback callback, int status, Object value) throws IOException {
        send(response, callback, status, JsonErrors.TYPE, JSON.writeValueAsBytes(value));
    }
}
