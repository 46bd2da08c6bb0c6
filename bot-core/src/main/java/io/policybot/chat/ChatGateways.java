package io.policybot.chat;

import java.util.Map;
import java.util.Optional;

/**
 * The running platforms' gateways by platform name, for the posts the engine sends itself and must know the fate
 * of before it answers (Ask HR: the person is told whether their question reached HR).
 */
@FunctionalInterface
public interface ChatGateways {

    /** The gateway of {@code platform} ("slack", "discord", "console"), or empty when it has none. */
    Optional<ChatGateway> forPlatform(String platform);

    static ChatGateways of(Map<String, ? extends ChatGateway> gateways) {
        Map<String, ChatGateway> copy = Map.copyOf(gateways);
        return platform -> Optional.ofNullable(copy.get(platform));
    }

    /** No platform can post: Ask HR says so instead of pretending. */
    static ChatGateways none() {
        return platform -> Optional.empty();
    }
}
