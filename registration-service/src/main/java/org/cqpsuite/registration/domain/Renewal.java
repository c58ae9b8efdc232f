package org.cqpsuite.registration.domain;

import java.util.Objects;

/**
 * The result of {@link RegistrationLifecycle#renew}: two new states, to store in one transaction.
 *
 * @param replaced the renewed registration, now REPLACED, naming its successor's code
 * @param successor the new registration, REGISTERED, naming its predecessor's code
 */
public record Renewal(Registration replaced, Registration successor) {

    public Renewal {
        Objects.requireNonNull(replaced, "replaced");
        Objects.requireNonNull(successor, "successor");
    }
}
