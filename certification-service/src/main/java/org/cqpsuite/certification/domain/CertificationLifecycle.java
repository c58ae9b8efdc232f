package org.cqpsuite.certification.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The status of a certification as a state machine; refusals are {@link LifecycleException}s (409).
 *
 * <pre>
 *   DRAFT ──publish──▶ PUBLISHED ──retire──▶ RETIRED
 *     └───────────────retire────────────────▲
 * </pre>
 *
 * <table>
 * <caption>What each status allows</caption>
 * <tr><th>action</th><th>DRAFT</th><th>PUBLISHED</th><th>RETIRED</th></tr>
 * <tr><td>publish</td><td>yes, with the three frameworks (see {@link #publish})</td><td>no: {@code already-published}</td>
 * <td>no: {@code retired}</td></tr>
 * <tr><td>retire</td><td>yes: a draft abandoned</td><td>yes</td><td>no: {@code already-retired}</td></tr>
 * <tr><td>update the definition (title, CPNEs, NSF, ROME)</td><td>yes</td><td>yes: corrections; the input rules
 * still apply, so a CQPI keeps two branches</td><td>no: {@code retired}</td></tr>
 * <tr><td>change the kind</td><td>yes</td><td>no: {@code kind-frozen}, a CQP and a CQPI are different certifications
 * under article L6113-4, and partners and registrations already refer to the published one</td>
 * <td>no: {@code retired}</td></tr>
 * <tr><td>add a framework version</td><td>yes</td><td>yes: that is what versions are for</td>
 * <td>no: {@code retired}</td></tr>
 * </table>
 *
 * <p>RETIRED is final: a retired certification stays readable (with all its framework versions) but changes no more; a
 * certification coming back is a new one. Reads are allowed in every status.
 */
public final class CertificationLifecycle {

    public static final String ALREADY_PUBLISHED = "already-published";
    public static final String ALREADY_RETIRED = "already-retired";
    public static final String RETIRED = "retired";
    public static final String FRAMEWORKS_MISSING = "frameworks-missing";
    public static final String KIND_FROZEN = "kind-frozen";

    private static final Set<LifecycleAction> PUBLISHED_ALLOWS = EnumSet.of(LifecycleAction.RETIRE,
            LifecycleAction.UPDATE_DEFINITION, LifecycleAction.ADD_FRAMEWORK_VERSION);

    private CertificationLifecycle() {
    }

    /** Whether the status allows the action (for publishing, the frameworks are checked too: see {@link #publish}). */
    public static boolean allows(CertificationStatus status, LifecycleAction action) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(action, "action");
        return switch (status) {
            case DRAFT -> true;
            case PUBLISHED -> PUBLISHED_ALLOWS.contains(action);
            case RETIRED -> false;
        };
    }

    /** Throws unless the status allows the action, with the reason code of the refusal. */
    public static void check(CertificationStatus status, LifecycleAction action) {
        if (allows(status, action)) {
            return;
        }
        if (status == CertificationStatus.PUBLISHED && action == LifecycleAction.PUBLISH) {
            throw new LifecycleException(status, action, ALREADY_PUBLISHED,
                    "The certification is already published (status PUBLISHED): it is published once.");
        }
        if (status == CertificationStatus.PUBLISHED && action == LifecycleAction.CHANGE_KIND) {
            throw new LifecycleException(status, action, KIND_FROZEN, "The kind of a published certification cannot "
                    + "change (status PUBLISHED): a CQP and a CQPI are different certifications (article L6113-4). "
                    + "Create a new certification of the other kind instead, and retire this one if it is replaced.");
        }
        if (status == CertificationStatus.RETIRED && action == LifecycleAction.RETIRE) {
            throw new LifecycleException(status, action, ALREADY_RETIRED,
                    "The certification is already retired (status RETIRED).");
        }
        throw new LifecycleException(status, action, RETIRED, "The certification is retired (status RETIRED): it can "
                + "no longer be " + action.participle() + "; its definition and framework versions stay readable.");
    }

    /**
     * DRAFT → PUBLISHED. A CQP or CQPI written through the API is published only with its three frameworks (article
     * L6113-1: activity, skills and evaluation frameworks), refused with {@code frameworks-missing} otherwise. Two
     * exceptions: records whose source is {@link Source#DIRECTORY_IMPORT}, which carry what the official directory
     * gives, and {@link CertificationKind#OTHER} records, whose frameworks belong to their certifier.
     *
     * @param present the framework kinds that have at least one version
     * @return {@link CertificationStatus#PUBLISHED}
     */
    public static CertificationStatus publish(CertificationStatus current, Set<FrameworkKind> present,
            CertificationKind kind, Source source) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        check(current, LifecycleAction.PUBLISH);
        Set<FrameworkKind> missing = missingFrameworks(present, kind, source);
        if (!missing.isEmpty()) {
            throw new LifecycleException(current, LifecycleAction.PUBLISH, FRAMEWORKS_MISSING, "A " + kind
                    + " cannot be published without its three frameworks (article L6113-1); missing: "
                    + missing.stream().map(framework -> framework.pathSegment() + " (" + framework.legalName() + ")")
                            .collect(Collectors.joining(", "))
                    + ". Add a version of each, then publish.");
        }
        return CertificationStatus.PUBLISHED;
    }

    /** The frameworks still needed before {@link #publish}, in the order activities, skills, evaluation. */
    public static Set<FrameworkKind> missingFrameworks(Set<FrameworkKind> present, CertificationKind kind,
            Source source) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        if (source == Source.DIRECTORY_IMPORT || !kind.requiresFrameworks()) {
            return EnumSet.noneOf(FrameworkKind.class);
        }
        EnumSet<FrameworkKind> missing = EnumSet.allOf(FrameworkKind.class);
        if (present != null) {
            missing.removeAll(present);
        }
        return missing;
    }

    /** DRAFT or PUBLISHED → RETIRED. */
    public static CertificationStatus retire(CertificationStatus current) {
        check(current, LifecycleAction.RETIRE);
        return CertificationStatus.RETIRED;
    }

    /**
     * Throws unless the definition may be replaced: never when RETIRED, and, when PUBLISHED, only with the same kind.
     *
     * @param requestedKind the kind in the update; {@code null} (left to validation) counts as unchanged
     */
    public static void checkUpdate(CertificationStatus current, CertificationKind currentKind,
            CertificationKind requestedKind) {
        check(current, LifecycleAction.UPDATE_DEFINITION);
        if (requestedKind != null && requestedKind != currentKind) {
            check(current, LifecycleAction.CHANGE_KIND);
        }
    }

    /** Throws unless a new framework version may be added: never when RETIRED. */
    public static void checkFrameworkVersion(CertificationStatus current) {
        check(current, LifecycleAction.ADD_FRAMEWORK_VERSION);
    }
}
