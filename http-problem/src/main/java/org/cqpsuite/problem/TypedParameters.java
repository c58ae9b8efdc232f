package org.cqpsuite.problem;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;

/**
 * Converts typed query, path and header parameters ({@code Integer}, {@code Long}, {@code Boolean},
 * {@code LocalDate}, {@code UUID}, enums; declare them boxed) so that a value of the wrong type names the parameter
 * ({@code size: must be an integer}). Jakarta REST requires a failed query or path conversion to become a bare 404;
 * {@link ProblemMappers} unwraps the {@link ProblemException} thrown here and answers 400 instead.
 */
@Provider
public class TypedParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, "an integer", Integer::valueOf);
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(name, "an integer", Long::valueOf);
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) converter(name, "true or false", TypedParameters::strictBoolean);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, Dates.EXPECTED, TypedParameters::date);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, "a UUID", UUID::fromString);
        }
        if (rawType.isEnum()) {
            return enumConverter(name, rawType);
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(String name, String expected, Function<String, V> parse) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw ProblemException.invalid(name, "type", "must be " + expected + ", not \""
                            + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\"");
                }
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value.toString();
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> ParamConverter<T> enumConverter(String name, Class<T> type) {
        String values = java.util.Arrays.toString(type.getEnumConstants());
        return (ParamConverter<T>) converter(name, "one of " + values, value -> Enum.valueOf((Class) type, value));
    }

    private static LocalDate date(String value) {
        LocalDate date = Dates.parse(value);
        if (date == null) {
            throw new IllegalArgumentException(value);
        }
        return date;
    }

    private static Boolean strictBoolean(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }
}
