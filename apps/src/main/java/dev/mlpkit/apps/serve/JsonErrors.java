package dev.mlpkit.apps.serve;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The server's own error answers (a request that is not valid HTTP, headers too large, a handler that failed) in the
 * API's form: a JSON {@code error} sentence of ours, never the parser's wording or an exception's name.
 */
final class JsonErrors extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TYPE = "application/json; charset=utf-8";

    /** The sentence for an error the server answers by itself. */
    static String sentence(int status) {
        return switch (status) {
            case 400 -> "the request is not valid HTTP/1.1";
            case 404 -> "there is nothing here; the page is at /";
            case 408 -> "the request took too long to arrive; send it again";
            case 413 -> "the request is too large";
            case 414 -> "the address is too long";
            case 415 -> "this content type is not accepted";
            case 431 -> "the request's headers are too large";
            case 426, 501, 505 -> "only HTTP/1.0 and HTTP/1.1 requests are answered here";
            case 503 -> "the server is busy or stopping; try again in a moment";
            default -> status >= 500 ? "the server failed to answer the request" : "the request cannot be answered";
        };
    }

    static byte[] body(String message) {
        try {
            return JSON.writeValueAsBytes(Map.of("error", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of one string is always JSON", e);
        }
    }

    /**
     * Whether {@code failure} says the request never finished arriving: a timeout, or the end of input Jetty's parser
     * reports when the idle timeout or {@link RequestDeadline} cuts a request off in its headers.
     */
    private static boolean unfinished(Object failure) {
        for (Throwable t = failure instanceof Throwable f ? f : null; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof EofException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object status = request.getAttribute(ERROR_STATUS);
        int code = status instanceof Integer s ? s : response.getStatus();
        if (code >= 500 && unfinished(request.getAttribute(ERROR_EXCEPTION))) {
            code = 408;
        }
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPE);
        response.write(true, ByteBuffer.wrap(body(sentence(code))), callback);
        return true;
    }
}
