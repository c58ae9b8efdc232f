package org.cqpsuite.registration.feed;

import com.fasterxml.jackson.annotation.JsonRawValue;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cqpsuite.events.AsyncApiDocument;
import org.cqpsuite.outbox.OutboxFeed;
import org.cqpsuite.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * For partners without Kafka: the same events as cqp.registration.events, in the order they were published, with a
 * cursor to resume from; and the AsyncAPI document describing both topics.
 */
@Path("/")
@Tag(name = "Events", description = "The registration events as an HTTP feed, and the AsyncAPI document")
public class EventFeedResource {

    /** One event of the feed: its cursor, its CloudEvents attributes and its data (the JSON of the topic's value). */
    public record FeedEvent(long cursor, UUID id, String type, String source, String subject, Long sequence,
            Instant time, String key, @JsonRawValue String data) {
    }

    /** A page of the feed, and the cursor to ask for the next one. */
    public record FeedPage(List<FeedEvent> events, long nextCursor) {
    }

    @Inject
    OutboxFeed feed;

    @GET
    @Path("/events")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read the registration events",
            description = "The events of cqp.registration.events in publication order, after the cursor `after` "
                    + "(0 for the beginning). Resume with `nextCursor`: no event is ever skipped or reordered, even "
                    + "with concurrent writers. At least once, like the topic: apply an event only if its sequence is "
                    + "greater than the last one applied for its certification.")
    @APIResponse(responseCode = "200", description = "A page of events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one event", value = """
                    {"events": [{"cursor": 42, "id": "7d0c2f3e-2b8c-4a6f-9f3e-8a9b0c1d2e3f",
                      "type": "org.cqpsuite.registration.transmitted", "source": "/cqp-suite/registration-service",
                      "subject": "5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10", "sequence": 1,
                      "time": "2019-03-01T09:00:00Z", "key": "5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10",
                      "data": {"sequence": 1, "state": {"certificationId": "5b1e4c1e-8f0a-4a57-9a55-6c1d3f2d9b10",
                        "transmissions": [{"transmittedOn": "2019-03-01", "reference": "FC-2019-0001",
                          "recordedAt": "2019-03-01T09:00:00Z", "inferred": false}], "registrations": []}}}],
                     "nextCursor": 42}""")))
    @APIResponse(responseCode = "400", description = "A negative cursor or a limit outside 1-1000")
    public FeedPage events(
            @Parameter(description = "Resume after this cursor; 0 for the beginning") @QueryParam("after")
            @DefaultValue("0") @Min(0) Long after,
            @Parameter(description = "At most this many events, 1 to 1000") @QueryParam("limit")
            @DefaultValue("100") @Min(1) @Max(1000) Integer limit) {
        OutboxFeed.Page page = feed.read(after, limit);
        return new FeedPage(page.events().stream().map(e -> new FeedEvent(e.cursor(), e.id(), e.type(), e.source(),
                e.subject(), e.sequence(), e.time(), e.key(), e.data())).toList(), page.nextCursor());
    }

    @GET
    @Path("/asyncapi.yaml")
    @PermitAll
    @Produces(AsyncApiDocument.MEDIA_TYPE)
    @Operation(summary = "The AsyncAPI document of the suite's topics",
            description = "AsyncAPI 3.0: cqp.certification.events and cqp.registration.events, their CloudEvents "
                    + "headers, Kafka bindings and payloads. Its schemas are served beside it, under /schemas/.")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(
            mediaType = AsyncApiDocument.MEDIA_TYPE, examples = @ExampleObject(name = "start",
                    value = "asyncapi: 3.0.0\ninfo:\n  title: cqp-suite events")))
    public String asyncApi() {
        return AsyncApiDocument.yaml();
    }

    @GET
    @Path("/schemas/{file}")
    @PermitAll
    @Produces("application/schema+json")
    @Operation(summary = "A JSON Schema of the event contract",
            description = "The payload schemas the AsyncAPI document refers to, e.g. registration-event-data.schema.json.")
    @APIResponse(responseCode = "200", description = "The schema", content = @Content(
            mediaType = "application/schema+json", examples = @ExampleObject(name = "start",
                    value = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"}")))
    @APIResponse(responseCode = "404", description = "No such schema")
    public Response schema(@PathParam("file") @Pattern(regexp = "[a-z-]+\\.schema\\.json",
            message = "must be a schema file name, e.g. registration-event-data.schema.json") String file) {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream(AsyncApiDocument.DIRECTORY + "schemas/" + file)) {
            if (in == null) {
                throw ProblemException.notFound("No schema " + file + ".");
            }
            return Response.ok(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
