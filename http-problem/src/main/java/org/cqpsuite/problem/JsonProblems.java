package org.cqpsuite.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;

/**
 * A JSON body that cannot be read, as a 400 problem naming the field: the mappers use it for request bodies, and
 * services for JSON they convert themselves (e.g. a body read as a tree, then mapped by kind).
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static ProblemException of(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            JsonLocation at = parse.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            Problem problem = Problem.of(400, "malformed-json", "Malformed JSON",
                    "The request body is not well-formed JSON" + where + ": " + parse.getOriginalMessage());
            return new ProblemException(problem.withErrors(
                    List.of(new Problem.FieldError("body", "json-syntax", "must be well-formed JSON"))));
        }
        if (e instanceof StrictJson.Refused refused) {
            return ProblemException.invalid(JsonPaths.of(refused.getPath()), refused.rule(),
                    refused.getOriginalMessage());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return ProblemException.invalid(JsonPaths.of(unknown.getPath()), "unknown-field",
                    "is not a field of this request (known fields: " + unknown.getKnownPropertyIds() + ")");
        }
        if (e instanceof InvalidFormatException format) {
            String expected = format.getTargetType() == null ? "another type" : JsonPaths.describe(format.getTargetType());
            return ProblemException.invalid(JsonPaths.of(format.getPath()), "type",
                    "must be " + expected + ", not " + JsonPaths.quote(format.getValue()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String expected = mismatch.getTargetType() == null ? "another type"
                    : JsonPaths.describe(mismatch.getTargetType());
            return ProblemException.invalid(JsonPaths.of(mismatch.getPath()), "type", "must be " + expected);
        }
        if (e instanceof JsonMappingException mapping) {
            return ProblemException.invalid(JsonPaths.of(mapping.getPath()), "value", mapping.getOriginalMessage());
        }
        return ProblemException.invalid("body", "json", e.getOriginalMessage());
    }
}
