package org.cqpsuite.certification.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.cqpsuite.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code POST /directory-imports/certifications}: one result per item, in the items' order. */
@Schema(name = "DirectoryImportResponse")
public record DirectoryImportResponse(@Schema(description = "One per item, in the same order") List<Result> results) {

    /** What the import did with one item. */
    @Schema(name = "DirectoryImportOutcome")
    public enum Outcome {
        /** A new certification: created and published (source DIRECTORY_IMPORT). */
        CREATED,
        /** Its definition or a framework differed from what was stored: changed, with the events of the changes. */
        UPDATED,
        /** Nothing differed: nothing written, no event. */
        UNCHANGED,
        /** Invalid or refused: nothing written for this item; {@code errors} says why. */
        REJECTED
    }

    /**
     * @param directoryCode the item's code, upper-cased (as sent when it is not a valid code, null when absent, in
     *        particular for an item keyed by {@code externalReference})
     * @param externalReference the item's reference, stripped (as sent when it is not a valid reference, null when
     *        absent, in particular for an item keyed by {@code directoryCode})
     * @param id the certification's id; null when REJECTED
     * @param errors only when REJECTED: each field (relative to the body, e.g. {@code items[3].title}) and rule
     */
    @Schema(name = "DirectoryImportResult")
    public record Result(
            @Schema(description = "The item's directory code, upper-cased; null for an item keyed by "
                    + "externalReference", example = "RNCP34486", nullable = true) String directoryCode,
            @Schema(description = "The item's external reference; null for an item keyed by directoryCode",
                    example = ExternalReferences.EXAMPLE, nullable = true) String externalReference,
            @Schema(description = "The certification's id; null when REJECTED", nullable = true) UUID id,
            Outcome outcome,
            @Schema(description = "Only when REJECTED: each field and rule (rule internal: a server fault, whose "
                    + "message quotes a logged error id)")
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Problem.FieldError> errors) {

        static Result done(ImportKey key, UUID id, Outcome outcome) {
            return new Result(key.directoryCode(), key.externalReference(), id, outcome, List.of());
        }

        static Result rejected(ImportKey key, List<Problem.FieldError> errors) {
            return rejected(key.directoryCode(), key.externalReference(), errors);
        }

        static Result rejected(String directoryCode, String externalReference, List<Problem.FieldError> errors) {
            return new Result(directoryCode, externalReference, null, Outcome.REJECTED, List.copyOf(errors));
        }
    }
}
