package org.cqpsuite.certification.domain;

/** What a client asks to do with a certification; {@link CertificationLifecycle} says in which status it may. */
public enum LifecycleAction {

    /** DRAFT → PUBLISHED. */
    PUBLISH("published"),

    /** DRAFT or PUBLISHED → RETIRED. */
    RETIRE("retired"),

    /** Change the title, CPNEs, NSF or ROME codes (the kind unchanged). */
    UPDATE_DEFINITION("updated"),

    /** Change the kind (CQP, CQPI, OTHER). */
    CHANGE_KIND("given another kind"),

    /** Add a version of one of the three frameworks. */
    ADD_FRAMEWORK_VERSION("given new framework versions");

    private final String participle;

    LifecycleAction(String participle) {
        this.participle = participle;
    }

    /** For messages: "it can no longer be {@code participle}". */
    String participle() {
        return participle;
    }
}
