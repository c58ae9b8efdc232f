package org.cqpsuite.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Request bodies are read as they are written, never guessed: a JSON value of the wrong type is a 400 naming the
 * field instead of being coerced ({@code "title": 123} is not the title "123", {@code "level": "5"} not the level 5,
 * {@code "date": 19000} not an epoch day), content after the JSON value is refused ({@code {...}{}}), a string may
 * not hold the NUL character (PostgreSQL cannot store it) nor more than {@value #MAX_STRING_LENGTH} characters
 * (the longest text of France compétences' exports has about 14 000; the services' own rules are often stricter),
 * and a date is a calendar date {@code YYYY-MM-DD} of years
 * 0001 to 9999 ({@link Dates}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The most characters of any string of a request body. */
    public static final int MAX_STRING_LENGTH = 50_000;

    @Override
    public int priority() {
        return MINIMUM_PRIORITY; // after Quarkus' own customizers, so that its JavaTimeModule does not replace ours
    }

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** The same rules on any mapper (services' own mappers, tests). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        SimpleModule module = new SimpleModule("cqp-strict-json");
        module.addDeserializer(String.class, new NoNulStrings());
        module.addDeserializer(LocalDate.class, new StrictDates());
        mapper.registerModule(module);
        return mapper;
    }

    /** A value refused by one of these rules, with the rule's code; Jackson adds the path to the field. */
    public static final class Refused extends JsonMappingException {

        private final String rule;

        Refused(JsonParser p, String rule, String message) {
            super(p, message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    /** Strings as Jackson reads them (no coercion: see above), without the NUL character, not too long. */
    static final class NoNulStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new Refused(p, "nul-character", "must not contain the NUL character (\\u0000)");
            }
            if (value != null && value.length() > MAX_STRING_LENGTH) {
                throw new Refused(p, "max-length", "must be at most " + MAX_STRING_LENGTH + " characters (found "
                        + value.length() + ")");
            }
            return value;
        }
    }

    /** A date is a JSON string {@code YYYY-MM-DD} of years 0001 to 9999: no epoch day, array or date-time. */
    static final class StrictDates extends StdScalarDeserializer<LocalDate> {

        StrictDates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            LocalDate date = Dates.parse(text);
            if (date == null) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, Dates.EXPECTED);
            }
            return date;
        }
    }
}
