package vn.docaxis.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs a {@link Bounded} method inside the work gate. Its priority puts it outside
 * {@code @Transactional} (PLATFORM_BEFORE + 200), so a request waiting for a place holds no
 * transaction and no database connection.
 */
@Bounded
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class BoundedInterceptor {

    @Inject
    WorkGate gate;

    @AroundInvoke
    Object bounded(InvocationContext call) throws Exception {
        return gate.call(call::proceed);
    }
}
