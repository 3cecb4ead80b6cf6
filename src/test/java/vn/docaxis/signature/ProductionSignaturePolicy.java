package vn.docaxis.signature;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The signature policy exactly as in production (the shared test profile relaxes the agency signature). */
public class ProductionSignaturePolicy implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("docaxis.signature.policy.require-agency-signature", "true");
    }
}
