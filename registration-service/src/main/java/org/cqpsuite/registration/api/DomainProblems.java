package org.cqpsuite.registration.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.problem.ProblemException;
import org.cqpsuite.problem.ProblemMappers;
import org.cqpsuite.registration.domain.TransitionException;
import org.cqpsuite.registration.domain.Violation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The domain's refusals as problems: rule violations 400 naming each field, illegal transitions 409. */
public class DomainProblems {

    public static ProblemException invalid(List<Violation> violations) {
        return ProblemException.invalid(violations.stream()
                .map(v -> new Problem.FieldError(v.field(), v.rule(), v.message())).toList());
    }

    /** 409 naming the registration's current status. */
    @ServerExceptionMapper
    public Response transition(TransitionException e, UriInfo uri) {
        Problem problem = Problem.of(409, e.reason(), "Conflict", e.getMessage());
        return new ProblemMappers().problem(new ProblemException(problem), uri);
    }
}
