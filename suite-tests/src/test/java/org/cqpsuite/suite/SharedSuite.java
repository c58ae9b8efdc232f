package org.cqpsuite.suite;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One suite ({@code ./suite up} on free ports, home {@code suite-tests/target/shared-home}) for every test class of the
 * run that asks for it, instead of one per class: each start costs 20 to 30 s of CI. A class gets it as a parameter of
 * its {@code @BeforeAll} method:
 *
 * <pre>
 * &#64;ExtendWith(SharedSuite.class)
 * class SomeIT {
 *     &#64;BeforeAll
 *     static void up(LocalSuite suite) { ... }
 * }
 * </pre>
 *
 * <p>The suite is started on first use and stopped ({@code ./suite down}) when the whole run ends. A class that uses
 * it must not rely on it being empty (it sees the other classes' data: use fresh certifications, compare offsets and
 * counts before and after) and must leave it as it found it, even when it fails: every service up, PostgreSQL and the
 * broker running. Tests that need a suite of their own (start and stop it, a first import) keep creating a
 * {@link LocalSuite} themselves.
 */
public final class SharedSuite implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSuite.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalSuite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root context's store lives for the whole run and closes its AutoCloseable values at its end.
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, key -> Running.start(),
                Running.class).suite();
    }

    /** The started suite, or why it could not start (so that every class fails with the cause, not a retry). */
    private record Running(LocalSuite suite, RuntimeException failure) implements AutoCloseable {

        static Running start() {
            LocalSuite suite = null;
            try {
                suite = new LocalSuite("shared-home");
                LocalSuite.Result up = suite.suite("up");
                if (up.exitCode() != 0) {
                    suite.suite("down");
                    return new Running(null, new IllegalStateException("./suite up failed:\n" + up.output()));
                }
                return new Running(suite, null);
            } catch (Exception e) {
                return new Running(null, new IllegalStateException("./suite up failed", e));
            }
        }

        @Override
        public LocalSuite suite() {
            if (failure != null) {
                throw failure;
            }
            return suite;
        }

        @Override
        public void close() throws Exception {
            if (suite != null) {
                LocalSuite.Result down = suite.suite("down");
                if (down.exitCode() != 0) {
                    System.err.println("./suite down of the shared suite failed:\n" + down.output());
                }
            }
        }
    }
}
