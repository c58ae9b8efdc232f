package org.cqpsuite.certification.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.cqpsuite.certification.domain.LifecycleException;
import org.cqpsuite.certification.domain.Violation;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.problem.ProblemException;
import org.cqpsuite.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The domain's refusals as problems: rule violations are 400 naming each field, lifecycle refusals 409. */
public class DomainProblems {

    /** 400 with one error per violation. */
    public static ProblemException invalid(List<Violation> violations) {
        return ProblemException.invalid(violations.stream()
                .map(v -> new Problem.FieldError(v.field(), v.rule(), v.message())).toList());
    }

    /** 409 naming the current status, e.g. {@code urn:cqp-suite:problem:already-published}. */
    @ServerExceptionMapper
    public Response lifecycle(LifecycleException e, UriInfo uri) {
        String detail = e.getMessage().contains("status " + e.currentStatus()) ? e.getMessage()
                : e.getMessage() + " (status " + e.currentStatus() + ")";
        Problem problem = Problem.of(409, e.reason(), "Conflict", detail);
        return new ProblemMappers().problem(new ProblemException(problem), uri);
    }
}
