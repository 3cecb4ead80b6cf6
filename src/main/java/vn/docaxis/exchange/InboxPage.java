package vn.docaxis.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One page of an inbox; {@code nextCursor} continues after the last item, absent at the end. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboxPage(List<InboxItem> items, String nextCursor) {
}
