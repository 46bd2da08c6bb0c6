package io.policybot.slack.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** What Slack sends in HTTP mode: payloads of the real shape, signed as Slack signs them. */
public final class SignedRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SlackSignature.Generator signer;
    private final URI endpoint;

    public SignedRequests(String signingSecret, int port) {
        this.signer = new SlackSignature.Generator(signingSecret);
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
    }

    public HttpResponse<String> send(String body, String contentType, Map<String, String> headers) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return sendSigned(body, contentType, timestamp, signer.generate(timestamp, body), headers);
    }

    public HttpResponse<String> sendSigned(String body, String contentType, String timestamp, String signature,
                                           Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String sign(String timestamp, String body) {
        return signer.generate(timestamp, body);
    }

    // ---- payloads ----

    public HttpResponse<String> command(String userId, String channelId, String channelName, String text,
                                        String triggerId, String responseUrl) {
        return send(slashCommand(userId, channelId, channelName, text, triggerId, responseUrl),
                "application/x-www-form-urlencoded", Map.of());
    }

    public HttpResponse<String> event(String eventId, ObjectNode event, Map<String, String> headers) {
        return send(eventCallback(eventId, event), "application/json", headers);
    }

    public HttpResponse<String> blockActions(ObjectNode payload) {
        return send(interactive(payload), "application/x-www-form-urlencoded", Map.of());
    }

    public static String slashCommand(String userId, String channelId, String channelName, String text,
                                      String triggerId, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", "T123");
        form.put("team_domain", "policybot-test");
        form.put("channel_id", channelId);
        form.put("channel_name", channelName);
        form.put("user_id", userId);
        form.put("user_name", "alice");
        form.put("command", "/policy");
        form.put("text", text);
        form.put("api_app_id", "A123");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggerId);
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    public static String eventCallback(String eventId, ObjectNode event) {
        ObjectNode root = JSON.createObjectNode()
                .put("token", "legacy-verification-token").put("team_id", "T123").put("api_app_id", "A123")
                .put("type", "event_callback").put("event_id", eventId).put("event_time", 1700000000)
                .put("event_context", "4-context");
        root.set("event", event);
        root.putArray("authorizations").addObject().putNull("enterprise_id").put("team_id", "T123")
                .put("user_id", FakeSlackApi.BOT_USER_ID).put("is_bot", true).put("is_enterprise_install", false);
        return root.toString();
    }

    public static String interactive(ObjectNode payload) {
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    public static ObjectNode dmMessage(String userId, String channelId, String text, String ts) {
        return JSON.createObjectNode().put("type", "message").put("channel", channelId).put("user", userId)
                .put("text", text).put("ts", ts).put("event_ts", ts).put("channel_type", "im")
                .put("client_msg_id", "m-" + ts).put("team", "T123");
    }

    public static ObjectNode mention(String userId, String channelId, String text, String ts) {
        return JSON.createObjectNode().put("type", "app_mention").put("channel", channelId).put("user", userId)
                .put("text", text).put("ts", ts).put("event_ts", ts).put("client_msg_id", "m-" + ts)
                .put("team", "T123");
    }

    public static ObjectNode homeOpened(String userId) {
        return JSON.createObjectNode().put("type", "app_home_opened").put("user", userId)
                .put("channel", FakeSlackApi.dmChannelOf(userId)).put("tab", "home").put("event_ts", "1700000000.1");
    }

    /** A block_actions payload for a press of {@code slackActionId} on a message in {@code channelId}. */
    public static ObjectNode buttonPress(String userId, String channelId, String messageTs, boolean ephemeral,
                                         String slackActionId, String value, String triggerId, String responseUrl) {
        ObjectNode p = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A123")
                .put("token", "legacy-verification-token").put("trigger_id", triggerId)
                .put("response_url", responseUrl).put("is_enterprise_install", false);
        p.putObject("user").put("id", userId).put("username", "alice").put("name", "alice").put("team_id", "T123");
        p.putObject("team").put("id", "T123").put("domain", "policybot-test");
        p.putObject("container").put("type", "message").put("message_ts", messageTs).put("channel_id", channelId)
                .put("is_ephemeral", ephemeral);
        p.putObject("channel").put("id", channelId).put("name", "general");
        if (!ephemeral) {
            p.putObject("message").put("type", "message").put("ts", messageTs).put("bot_id", "BBOT").put("text", "...");
        }
        p.putArray("actions").addObject().put("type", "button").put("action_id", slackActionId)
                .put("block_id", "actions-1").put("value", value).put("action_ts", "1700000001.000100")
                .putObject("text").put("type", "plain_text").put("text", "Answer").put("emoji", true);
        return p;
    }
}
