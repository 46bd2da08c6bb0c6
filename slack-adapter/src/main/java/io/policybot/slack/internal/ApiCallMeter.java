package io.policybot.slack.internal;

import com.slack.api.util.http.listener.HttpResponseListener;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts every HTTP response the Slack client gets, by Web API method and outcome: "ok", Slack's error code
 * ({@code channel_not_found}...), or the HTTP status when there is no Slack answer ({@code http_429}).
 * Calls to a response_url or a file upload URL count as "response_url" and "upload".
 */
public final class ApiCallMeter extends HttpResponseListener {
    private static final Pattern OK = Pattern.compile("^\\s*\\{\\s*\"ok\"\\s*:\\s*true");
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([a-z0-9_.]{1,60})\"");
    private final SlackMetrics metrics;

    public ApiCallMeter(SlackMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void accept(State state) {
        try {
            String path = state.getResponse().request().url().encodedPath();
            int api = path.lastIndexOf("/api/");
            String method = api >= 0 ? path.substring(api + 5)
                    : path.contains("/upload") || path.contains("/files") ? "upload" : "response_url";
            if (!method.matches("[A-Za-z0-9_.]{1,60}")) {
                method = "other";
            }
            metrics.apiCall(method, outcome(state.getResponse().code(), state.getParsedResponseBody()));
        } catch (RuntimeException e) {
            // Metrics never break a call.
        }
    }

    static String outcome(int status, String body) {
        if (status != 200) {
            return status >= 500 ? "http_5xx" : "http_" + status;
        }
        if (body == null || !body.startsWith("{")) {
            return "ok"; // response_url and uploads answer plain "ok"
        }
        if (OK.matcher(body).find()) {
            return "ok";
        }
        Matcher m = ERROR.matcher(body);
        return m.find() ? m.group(1) : "error";
    }
}
