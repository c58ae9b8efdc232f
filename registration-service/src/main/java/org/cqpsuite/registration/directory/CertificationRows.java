package org.cqpsuite.registration.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cqpsuite.registration.domain.CertificationKind;
import org.cqpsuite.registration.domain.Directory;
import org.cqpsuite.registration.domain.RegistrationStatus;
import org.cqpsuite.registration.registration.RegisteredCertification;
import org.cqpsuite.registration.registration.RegistrationEntity;
import org.cqpsuite.registration.transmission.Transmission;

/**
 * The rows of the certifications one transaction of the directory import writes: their {@code registered_certification}
 * rows locked, then their transmissions and registrations read, once for all the transaction's items. The items change
 * these rows in place and add theirs here, so that they are what the database holds at commit: each item is planned
 * against them and each event's state is taken from them, without reading again (an item used to cost a dozen
 * statements, most of them reads of what the transaction itself had just written).
 */
final class CertificationRows {

    private final Map<UUID, RegisteredCertification> certifications;
    private final Map<UUID, List<Transmission>> transmissions = new HashMap<>();
    private final Map<UUID, List<RegistrationEntity>> registrations = new HashMap<>();
    /** The items' codes held live (not REPLACED) by certifications outside these rows, as "directory code". */
    private final Set<String> heldElsewhere = new HashSet<>();

    private CertificationRows(Map<UUID, RegisteredCertification> certifications) {
        this.certifications = certifications;
    }

    /**
     * Locks (creating the missing ones) and reads the rows of these certifications, and which other certifications hold
     * these codes: five statements whatever their number.
     */
    static CertificationRows lockAndLoad(Collection<UUID> certificationIds, Collection<String> codes, Instant now) {
        CertificationRows rows = new CertificationRows(RegisteredCertification.lockOrCreateAll(certificationIds, now));
        List<UUID> ids = List.copyOf(rows.certifications.keySet());
        for (UUID id : ids) {
            rows.transmissions.put(id, new ArrayList<>());
            rows.registrations.put(id, new ArrayList<>());
        }
        Transmission.<Transmission>list("certificationId in ?1 order by id", ids)
                .forEach(t -> rows.transmissions.get(t.certificationId).add(t));
        RegistrationEntity.<RegistrationEntity>list("certificationId in ?1 order by position", ids)
                .forEach(r -> rows.registrations.get(r.certificationId).add(r));
        if (!codes.isEmpty()) {
            RegistrationEntity.getEntityManager().createQuery("""
                    select r.directory, r.code from RegistrationEntity r
                    where r.code in ?1 and r.status <> ?2 and r.certificationId not in ?3""", Object[].class)
                    .setParameter(1, List.copyOf(new HashSet<>(codes)))
                    .setParameter(2, RegistrationStatus.REPLACED)
                    .setParameter(3, ids)
                    .getResultList()
                    .forEach(held -> rows.heldElsewhere.add(key((Directory) held[0], (String) held[1])));
        }
        return rows;
    }

    RegisteredCertification certification(UUID certificationId) {
        return certifications.get(certificationId);
    }

    /** Its transmissions, in the order of their ids. */
    List<Transmission> transmissions(UUID certificationId) {
        return transmissions.get(certificationId);
    }

    /** Its registrations, in the order of their positions. */
    List<RegistrationEntity> registrations(UUID certificationId) {
        return registrations.get(certificationId);
    }

    RegistrationEntity registration(UUID certificationId, UUID registrationId) {
        return registrations.get(certificationId).stream().filter(r -> r.id.equals(registrationId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Registration " + registrationId + " is not one of "
                        + "certification " + certificationId));
    }

    /** What is recorded for the certification, as the import compares it. */
    DirectoryImportService.Recorded recorded(UUID certificationId) {
        RegisteredCertification certification = certifications.get(certificationId);
        return new DirectoryImportService.Recorded(
                certification.kind == null ? null : CertificationKind.of(certification.kind),
                !transmissions.get(certificationId).isEmpty(),
                registrations.get(certificationId).stream().map(DirectoryImportService.Entry::of).toList());
    }

    /** Persisted by the caller: a new transmission (its id is the highest). */
    void added(Transmission transmission) {
        transmissions.get(transmission.certificationId).add(transmission);
    }

    /** Persisted by the caller: a new registration (it takes the next position at the flush). */
    void added(RegistrationEntity registration) {
        registrations.get(registration.certificationId).add(registration);
    }

    /** Whether a certification other than this one holds the code live in its directory, as of this transaction. */
    boolean heldByAnother(Directory directory, String code, UUID certificationId) {
        if (heldElsewhere.contains(key(directory, code))) {
            return true;
        }
        for (Map.Entry<UUID, List<RegistrationEntity>> certification : registrations.entrySet()) {
            if (!certification.getKey().equals(certificationId) && certification.getValue().stream()
                    .anyMatch(r -> r.directory == directory && code.equals(r.code)
                            && r.status != RegistrationStatus.REPLACED)) {
                return true;
            }
        }
        return false;
    }

    private static String key(Directory directory, String code) {
        return directory + " " + code;
    }
}
