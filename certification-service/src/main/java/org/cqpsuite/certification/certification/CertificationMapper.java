package org.cqpsuite.certification.certification;

import java.util.List;
import java.util.Map;
import org.cqpsuite.certification.domain.CertificationDraft;
import org.cqpsuite.certification.domain.CertificationRules;
import org.cqpsuite.certification.domain.Cpne;
import org.cqpsuite.certification.domain.FrameworkKind;
import org.cqpsuite.certification.framework.FrameworkVersionEntity;

/** Between the API's records, the domain's and the entity. */
public final class CertificationMapper {

    private CertificationMapper() {
    }

    static CertificationDraft toDraft(CertificationRequest request) {
        List<Cpne> cpnes = request.cpnes() == null ? null
                : request.cpnes().stream().map(c -> c == null ? null : new Cpne(c.name(), c.idcc())).toList();
        return new CertificationDraft(request.kind(), request.title(), cpnes, request.nsfCodes(), request.romeCodes());
    }

    /** Copies a validated, normalised draft into the entity. */
    public static void apply(CertificationDraft draft, Certification certification) {
        certification.kind = draft.kind();
        certification.title = draft.title();
        certification.cpnes.clear();
        draft.cpnes().forEach(cpne -> certification.cpnes.add(new CpneEntry(cpne.name(), cpne.idcc())));
        certification.nsfCodes = List.copyOf(draft.nsfCodes());
        certification.romeCodes = List.copyOf(draft.romeCodes());
    }

    public static List<String> carryingBranches(Certification certification) {
        return CertificationRules.carryingBranches(
                certification.cpnes.stream().map(c -> new Cpne(c.name, c.idcc)).toList());
    }

    static CertificationView toView(Certification c, Map<FrameworkKind, FrameworkVersionEntity> latest) {
        return new CertificationView(c.id, c.kind, c.title, c.status, c.source, c.directoryCode,
                c.externalReference,
                c.cpnes.stream().map(cpne -> new CertificationRequest.CpneRequest(cpne.name, cpne.idcc)).toList(),
                carryingBranches(c), List.copyOf(c.nsfCodes), List.copyOf(c.romeCodes), c.createdOn, c.updatedAt,
                c.version, new CertificationView.Frameworks(summary(latest.get(FrameworkKind.ACTIVITIES)),
                        summary(latest.get(FrameworkKind.SKILLS)), summary(latest.get(FrameworkKind.EVALUATION))));
    }

    private static CertificationView.VersionSummary summary(FrameworkVersionEntity version) {
        return version == null ? null
                : new CertificationView.VersionSummary(version.key.number, version.effectiveDate, version.author);
    }
}
