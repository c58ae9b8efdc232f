package org.cqpsuite.registration;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.cqpsuite.testinfra.OperabilityContract;
import org.cqpsuite.testinfra.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "registration"))
class RegistrationOperabilityTest extends OperabilityContract {

    @Override
    protected String serviceName() {
        return "registration-service";
    }

    @Override
    protected String topic() {
        return "cqp.registration.events";
    }
}
