package org.cqpsuite.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** Bean Validation violations as field errors: the field as the client names it, the rule as a stable code. */
final class Violations {

    private Violations() {
    }

    static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        return new Problem.FieldError(field(violation.getPropertyPath()), rule(violation), violation.getMessage());
    }

    /**
     * {@code create.body.cpnes[1].idcc} becomes {@code cpnes[1].idcc}; {@code list.size} (a query parameter) becomes
     * {@code size}.
     */
    static String field(Path path) {
        StringBuilder afterParameter = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                afterParameter.setLength(0);
                continue;
            }
            if (node.isInIterable() && !afterParameter.isEmpty()) {
                afterParameter.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!afterParameter.isEmpty()) {
                    afterParameter.append('.');
                }
                afterParameter.append(node.getName());
            }
        }
        if (!afterParameter.isEmpty()) {
            return afterParameter.toString();
        }
        return parameter != null ? parameter : path.toString();
    }

    /** The constraint's annotation name in kebab case: NotBlank → not-blank, Pattern → pattern. */
    static String rule(ConstraintViolation<?> violation) {
        String name = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
