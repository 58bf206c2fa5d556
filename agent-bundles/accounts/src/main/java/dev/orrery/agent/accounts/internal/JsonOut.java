package dev.orrery.agent.accounts.internal;

import dev.orrery.api.JsonText;
import java.util.List;
import java.util.Map;

/** The small JSON objects the handler answers with (flat: strings, numbers, string lists). */
final class JsonOut {
    private JsonOut() {
    }

    static String object(Map<String, Object> fields) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(JsonText.quote(f.getKey())).append(':').append(value(f.getValue()));
        }
        return b.append('}').toString();
    }

    private static String value(Object v) {
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : list) {
                b.append(b.length() > 1 ? "," : "").append(value(o));
            }
            return b.append(']').toString();
        }
        return JsonText.quote(String.valueOf(v));
    }

}
