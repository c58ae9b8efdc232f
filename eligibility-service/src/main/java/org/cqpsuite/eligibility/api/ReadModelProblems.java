package org.cqpsuite.eligibility.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.cqpsuite.eligibility.readmodel.ReadModelUnavailableException;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.problem.ProblemException;
import org.cqpsuite.problem.ProblemMappers;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The read model's database being down is a 503 the client may retry, not a 500. */
public class ReadModelProblems {

    private static final Logger LOG = Logger.getLogger(ReadModelProblems.class);

    @ServerExceptionMapper
    public Response unavailable(ReadModelUnavailableException e, UriInfo uri) {
        LOG.warnf("Read model unavailable: %s", e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        Problem problem = Problem.of(503, "read-model-unavailable", "Service unavailable",
                "The eligibility read model cannot be read right now; retry in a few seconds.");
        return new ProblemMappers().problem(new ProblemException(problem, Map.of("Retry-After", "5")), uri);
    }
}
