package example;

import java.util.List;
import java.util.Map;

/**
 * A Lambda handler (example.OrdersHandler::handleRequest). Everything built in the constructor is
 * part of the SnapStart snapshot; nothing here is unique per environment (no random seeds, no
 * connections), so it is safe to restore many times.
 */
public final class OrdersHandler {
    private final String greeting;

    public OrdersHandler() {
        this.greeting = "orders";
    }

    public Map<String, Object> handleRequest(final Map<String, Object> event) {
        final Object items = event == null ? null : event.get("items");
        final int count = items instanceof List<?> list ? list.size() : 0;
        return Map.of("statusCode", 200, "body", greeting + ": " + count + " items");
    }
}
