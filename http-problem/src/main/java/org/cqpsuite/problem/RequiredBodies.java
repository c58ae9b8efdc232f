package org.cqpsuite.problem;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * An operation that reads a body needs one: an empty body or the JSON {@code null} is a 400 naming {@code body},
 * not a null handed to the resource (which would fail later, as a 500).
 */
@Provider
public class RequiredBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON body is required");
        }
        return body;
    }
}
