package vn.docaxis.vdxp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.docaxis.support.Exchange.party;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.docaxis.support.Exchange.Party;
import vn.docaxis.support.VdxpClient;

/** With a replay window configured, a request whose timestamp is too old is refused. */
@QuarkusTest
@TestProfile(VdxpTimestampWindowTest.TenMinutes.class)
class VdxpTimestampWindowTest {

    public static class TenMinutes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("docaxis.vdxp.timestamp-window", "PT10M");
        }
    }

    @TestHTTPResource("/vdxp")
    URL endpoint;

    @Test
    void aFreshRequestPassesAnOldOneIsRefused() throws Exception {
        Party caller = party();
        VdxpClient client = new VdxpClient(endpoint.toString(), caller.system(), caller.secret());
        assertEquals("OK", client.post("getAgenciesList", Map.of()).get("status").asText());
        JsonNode old = client.post("getAgenciesList", Map.of("timestamp", "01012020T000000+0001"));
        assertEquals("FAIL", old.get("status").asText(), old.toString());
        assertEquals("1005", old.get("ErrorCode").asText(), old.toString());
    }
}
