package io.policybot.app;

import io.policybot.chat.ChatGateway;
import io.policybot.chat.ChatGateways;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateways of the bots that have started, by platform: what the engine posts through for itself (Ask HR).
 * The engine is built before the bots (they need it); each bot's gateway is added once it runs.
 */
final class ConnectedGateways implements ChatGateways {
    private final Map<String, ChatGateway> running = new ConcurrentHashMap<>();

    void connect(ChatGateway gateway) {
        running.put(gateway.platform(), gateway);
    }

    Map<String, ChatGateway> all() {
        return Map.copyOf(running);
    }

    @Override
    public Optional<ChatGateway> forPlatform(String platform) {
        return Optional.ofNullable(running.get(platform));
    }
}
