package org.cqpsuite.eligibility;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.cqpsuite.testinfra.OperabilityContract;
import org.cqpsuite.testinfra.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "eligibility"))
class EligibilityOperabilityTest extends OperabilityContract {

    @Override
    protected String serviceName() {
        return "eligibility-service";
    }

    @Override
    protected String topic() {
        return "cqp.registration.events";
    }
}
