package org.cqpsuite.events.registration;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A test builder of {@link RegistrationEntry}s: a copy of an entry with some components changed. */
final class Entries {

    UUID id;
    String directory;
    String code;
    String status;
    String registrationType;
    LocalDate requestedOn;
    LocalDate decidedOn;
    LocalDate effectiveFrom;
    LocalDate endsOn;
    LocalDate awardDeadline;
    Integer level;
    List<BlockState> blocks = List.of();
    LocalDate withdrawnOn;
    String withdrawalReason;
    UUID predecessorId;
    UUID successorId;
    String predecessorCode;
    String successorCode;
    String legalBasis;

    /** A request, not decided yet. */
    static Entries requested(UUID id, String directory, LocalDate requestedOn) {
        Entries entries = new Entries();
        entries.id = id;
        entries.directory = directory;
        entries.status = RegistrationEntry.STATUS_REQUESTED;
        entries.requestedOn = requestedOn;
        return entries;
    }

    static Entries of(RegistrationEntry entry) {
        Entries entries = new Entries();
        entries.id = entry.id();
        entries.directory = entry.directory();
        entries.code = entry.code();
        entries.status = entry.status();
        entries.registrationType = entry.registrationType();
        entries.requestedOn = entry.requestedOn();
        entries.decidedOn = entry.decidedOn();
        entries.effectiveFrom = entry.effectiveFrom();
        entries.endsOn = entry.endsOn();
        entries.awardDeadline = entry.awardDeadline();
        entries.level = entry.level();
        entries.blocks = entry.blocks();
        entries.withdrawnOn = entry.withdrawnOn();
        entries.withdrawalReason = entry.withdrawalReason();
        entries.predecessorId = entry.predecessorId();
        entries.successorId = entry.successorId();
        entries.predecessorCode = entry.predecessorCode();
        entries.successorCode = entry.successorCode();
        entries.legalBasis = entry.legalBasis();
        return entries;
    }

    /** Granted: REQUESTED → REGISTERED. */
    Entries registered(String code, String type, LocalDate decidedOn, LocalDate effectiveFrom, LocalDate endsOn,
            Integer level, List<BlockState> blocks) {
        this.status = RegistrationEntry.STATUS_REGISTERED;
        this.code = code;
        this.registrationType = type;
        this.decidedOn = decidedOn;
        this.effectiveFrom = effectiveFrom;
        this.endsOn = endsOn;
        this.level = level;
        this.blocks = blocks;
        return this;
    }

    Entries status(String status) {
        this.status = status;
        return this;
    }

    Entries awardDeadline(LocalDate awardDeadline) {
        this.awardDeadline = awardDeadline;
        return this;
    }

    Entries requestedOn(LocalDate requestedOn) {
        this.requestedOn = requestedOn;
        return this;
    }

    Entries refused(LocalDate decidedOn) {
        this.status = RegistrationEntry.STATUS_REFUSED;
        this.registrationType = RegistrationEntry.TYPE_ON_REQUEST;
        this.decidedOn = decidedOn;
        return this;
    }

    Entries withdrawn(LocalDate withdrawnOn, String reason) {
        this.status = RegistrationEntry.STATUS_WITHDRAWN;
        this.withdrawnOn = withdrawnOn;
        this.withdrawalReason = reason;
        return this;
    }

    /** Known from an official order: {@code legalBasis} set (and {@code code} as given, possibly null). */
    Entries legalBasis(String legalBasis) {
        this.legalBasis = legalBasis;
        return this;
    }

    Entries predecessor(UUID id, String code) {
        this.predecessorId = id;
        this.predecessorCode = code;
        return this;
    }

    Entries successor(UUID id, String code) {
        this.successorId = id;
        this.successorCode = code;
        return this;
    }

    RegistrationEntry build() {
        return new RegistrationEntry(id, directory, code, status, registrationType, requestedOn, decidedOn,
                effectiveFrom, endsOn, awardDeadline, level, blocks, withdrawnOn, withdrawalReason, predecessorId,
                successorId, predecessorCode, successorCode, legalBasis);
    }
}
