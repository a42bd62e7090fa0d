package io.mcpruntime.runtime.transport;

import java.util.Map;

/** Reads {@code notifications/cancelled}, which the SDK ignores, so the kernel can stop the named request. */
public final class CancelledRequest {
    public static final String METHOD = "notifications/cancelled";

    private CancelledRequest() {
    }

    /** The id of the request to cancel, in the same form the SDK parsed request ids, or null. */
    public static Object requestId(Object params) {
        return params instanceof Map<?, ?> map ? map.get("requestId") : null;
    }
}
