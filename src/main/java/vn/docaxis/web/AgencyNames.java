package vn.docaxis.web;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import vn.docaxis.agency.AgencyService;

/** Agency names for pages, looked up once per code and request: {@code {names.of(code)}}. */
@RequestScoped
@TemplateData
public class AgencyNames {

    @Inject
    AgencyService agencies;

    private final Map<String, String> cache = new HashMap<>();

    /** The agency's name, or its code when it is not registered. */
    public String of(String code) {
        if (code == null) {
            return "";
        }
        return cache.computeIfAbsent(code, c -> agencies.find(c).map(a -> a.name()).orElse(c));
    }
}
