package vn.docaxis.web;

import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.ValueResolver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Lets templates write {@code {t.search_title}} for {@code t.get("search_title")}. */
@EngineConfiguration
public class TextsResolver implements ValueResolver {

    @Override
    public int getPriority() {
        return io.quarkus.qute.WithPriority.DEFAULT_PRIORITY + 10;
    }

    @Override
    public boolean appliesTo(EvalContext context) {
        return context.getBase() instanceof Texts && context.getParams().isEmpty();
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        return CompletableFuture.completedFuture(((Texts) context.getBase()).get(context.getName()));
    }
}
