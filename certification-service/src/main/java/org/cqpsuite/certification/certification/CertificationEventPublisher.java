package org.cqpsuite.certification.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cqpsuite.certification.domain.FrameworkKind;
import org.cqpsuite.certification.framework.FrameworkVersionEntity;
import org.cqpsuite.events.certification.CertificationEventData;
import org.cqpsuite.events.certification.CertificationEventType;
import org.cqpsuite.events.certification.CertificationState;
import org.cqpsuite.events.certification.CpneState;
import org.cqpsuite.events.certification.FrameworkVersionRef;
import org.cqpsuite.outbox.NewEvent;
import org.cqpsuite.outbox.Outbox;

/**
 * Writes the event of a change to the outbox, in the change's transaction: the certification's full state after the
 * change and its next sequence number (see event-contract).
 */
@ApplicationScoped
public class CertificationEventPublisher {

    private final Outbox outbox;
    private final ObjectMapper json;

    CertificationEventPublisher(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * Call after the change is applied to {@code certification}, before the commit; a new certification is persisted
     * here, once its first sequence number is set (persisting it before would make the insert and then an update).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Certification certification, CertificationEventType type) {
        certification.eventSequence++;
        if (!certification.isPersistent()) {
            certification.persist();
        }
        // Flush now, so that the state carries the version the commit gives the row (one increment per change).
        Certification.getEntityManager().flush();
        CertificationEventData data = new CertificationEventData(certification.eventSequence,
                state(certification, FrameworkVersionEntity.latestOf(certification.id)));
        try {
            outbox.append(NewEvent.of(certification.id.toString(), type.ceType(), certification.eventSequence,
                    json.writeValueAsString(data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the event of certification " + certification.id, e);
        }
    }

    /**
     * The event of a change to a certification that is not flushed yet, for a creation written in one go (the
     * directory import): appends the event with the state given, without flushing nor reading the database. The
     * caller sets {@code certification.version} to the version the row will have when this change is flushed, as
     * {@link #changed} would have found it (one increment per change after the insert at 0), and passes the latest
     * version of each framework as the change leaves them; the event is then the same as {@link #changed} makes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changedInMemory(Certification certification, CertificationEventType type,
            Map<FrameworkKind, FrameworkVersionEntity> latest) {
        certification.eventSequence++;
        CertificationEventData data = new CertificationEventData(certification.eventSequence,
                state(certification, latest));
        try {
            outbox.append(NewEvent.of(certification.id.toString(), type.ceType(), certification.eventSequence,
                    json.writeValueAsString(data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the event of certification " + certification.id, e);
        }
    }

    private static CertificationState state(Certification c, Map<FrameworkKind, FrameworkVersionEntity> latest) {
        return new CertificationState(c.id, c.kind.name(), c.title, c.status.name(), c.source.name(),
                c.cpnes.stream().map(cpne -> new CpneState(cpne.name, cpne.idcc)).toList(),
                CertificationMapper.carryingBranches(c), List.copyOf(c.nsfCodes), List.copyOf(c.romeCodes),
                c.createdOn, c.updatedAt, c.version,
                new org.cqpsuite.events.certification.FrameworkVersions(ref(latest.get(FrameworkKind.ACTIVITIES)),
                        ref(latest.get(FrameworkKind.SKILLS)), ref(latest.get(FrameworkKind.EVALUATION))));
    }

    private static FrameworkVersionRef ref(FrameworkVersionEntity version) {
        if (version == null) {
            return null;
        }
        List<String> blockCodes = new ArrayList<>();
        if (version.key.kind == FrameworkKind.SKILLS) {
            for (JsonNode block : version.content.path("blocks")) {
                blockCodes.add(block.path("code").asText());
            }
        }
        return new FrameworkVersionRef(version.key.number, version.effectiveDate, version.author, blockCodes);
    }

    /**
     * Takes at once the outbox's locks of the keys of these certifications' events (see {@link Outbox#lockKeys}), for a
     * transaction about to publish events of several of them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void willChange(Collection<UUID> certificationIds) {
        outbox.lockKeys(certificationIds.stream().map(UUID::toString).toList());
    }
}
