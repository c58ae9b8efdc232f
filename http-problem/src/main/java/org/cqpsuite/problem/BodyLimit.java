package org.cqpsuite.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A body declared longer than {@code quarkus.http.limits.max-body-size} is a 413 problem, as every other error;
 * Quarkus itself answers such a request with an empty 413 before any resource sees it. This route runs just before
 * Quarkus' check (order -2), answers without reading the body and closes the connection, as Quarkus does.
 */
@ApplicationScoped
public class BodyLimit {

    /** Quarkus' default limit, when the service sets none. */
    private static final ObjectMapper JSON = new ObjectMapper();
    static final MemorySize DEFAULT = new MemorySize(java.math.BigInteger.valueOf(10_240L * 1024));

    void install(@Observes Router router) {
        long limit = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .orElse(DEFAULT).asLongValue();
        router.route().order(-3).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1; // Quarkus and Vert.x deal with it
            }
            if (declared <= limit) {
                context.next();
                return;
            }
            String body;
            try {
                body = JSON.writeValueAsString(Problem.of(413, "payload-too-large", "Payload Too Large",
                        "The request body of " + declared + " bytes is over the limit of " + limit + " bytes.")
                        .withInstance(context.normalizedPath()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(v -> context.request().connection().close())
                    .end(body);
        });
    }
}
