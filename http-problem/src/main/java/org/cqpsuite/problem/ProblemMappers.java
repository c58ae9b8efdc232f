package org.cqpsuite.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into an RFC 9457 {@code application/problem+json} answer: input errors name the field and the
 * rule; unexpected failures answer 500 with an error id that is logged, never with a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = build(e.problem(), uri);
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(Violations::fieldError)
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::rule))
                .toList();
        return build(ProblemException.invalid(errors).problem(), uri).build();
    }

    /** Malformed JSON, wrong types, unknown fields: 400 naming the field. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return problem(JsonProblems.of(e), uri);
    }

    /** Declared for its own type too, so that it wins over Quarkus REST's built-in mapper of this type. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problem(JsonProblems.of(e), uri);
    }

    /** As {@link #mismatchedInput}: malformed JSON. */
    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return problem(JsonProblems.of(e), uri);
    }

    /**
     * No token, or a token that is invalid, expired or signed by another key: 401. (Needs
     * {@code quarkus.http.auth.proactive=false}, so that authentication fails inside the REST layer.)
     */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return build(Problem.of(401, "unauthorized", "Unauthorized", "This operation needs a valid bearer token "
                + "(Authorization: Bearer <JWT>); none was sent, or it is invalid or expired."), uri)
                .header("WWW-Authenticate", "Bearer").build();
    }

    /** A valid token whose roles do not allow the operation: 403. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return build(Problem.of(403, "forbidden", "Forbidden", "Your token's roles do not allow this operation."),
                uri).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // A parameter converter's ProblemException arrives wrapped in the 404 that Jakarta REST prescribes.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            // A body Quarkus REST could not read arrives as a 400 wrapping Jackson's exception.
            if (cause instanceof JsonProcessingException json) {
                return problem(JsonProblems.of(json), uri);
            }
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Problem problem = Problem.of(status, slug(status), Response.Status.fromStatusCode(status) == null
                ? "Error " + status : Response.Status.fromStatusCode(status).getReasonPhrase(), detail(e, status));
        Response.ResponseBuilder response = build(problem, uri);
        for (String header : List.of("Allow", "Retry-After", "ETag", "WWW-Authenticate")) {
            String value = original.getHeaderString(header);
            if (value != null) {
                response.header(header, value);
            }
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (Conflicts.isConflict(e)) {
            return build(Problem.of(409, "concurrent-change", "Conflict", "Another change of the same resource "
                    + "was saved at the same moment, or the record already exists: read it again, then retry."), uri)
                    .build();
        }
        if (DatabaseOutages.isOutage(e)) {
            LOG.warnf("Database unavailable on %s: %s", uri == null ? "?" : uri.getPath(), e.getMessage());
            return build(Problem.of(503, "database-unavailable", "Service unavailable", "The service's database "
                    + "cannot be reached: nothing was changed; retry after the number of seconds in Retry-After."),
                    uri).header("Retry-After", "5").build();
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", id, uri == null ? "?" : uri.getPath());
        return build(Problem.of(500, "internal-error", "Internal error",
                "An unexpected error occurred; quote error id " + id + " to the operators."), uri).build();
    }

    private static Response.ResponseBuilder build(Problem problem, UriInfo uri) {
        Problem located = uri == null ? problem : problem.withInstance("/" + stripLeadingSlash(uri.getPath()));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(located);
    }

    private static String stripLeadingSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 428 -> "precondition-required";
            default -> "http-" + status;
        };
    }

    private static String detail(WebApplicationException e, int status) {
        return switch (status) {
            case 401 -> "Authentication required: send a bearer token (Authorization: Bearer <JWT>).";
            case 403 -> "Your token does not allow this operation.";
            case 404 -> "No resource at this address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource cannot answer in the media type you accept; it answers application/json.";
            case 415 -> "Send the body as application/json.";
            default -> e.getMessage() == null ? "HTTP " + status : e.getMessage();
        };
    }
}
