package io.policybot.announcements;

import io.policybot.chat.Block;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fake platform that survives its process: every call is appended to a file ("attempt KEY USER"), and every
 * message a person actually receives too ("deliver KEY USER"). Like a platform with an idempotency key (Discord's
 * enforced nonce), a key already delivered is answered "sent" without a second message.
 */
final class FileGateway implements ChatGateway {
    private final String platform;
    private final Path file;
    private final Set<String> delivered = new HashSet<>();

    FileGateway(String platform, Path file) {
        this.platform = platform;
        this.file = file;
        for (String line : lines(file)) {
            if (line.startsWith("deliver ")) {
                delivered.add(line.split(" ")[1]);
            }
        }
    }

    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback) {
        throw new UnsupportedOperationException("the outbox always sends with its key");
    }

    @Override
    public synchronized DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback, String key) {
        append("attempt " + key + " " + userId);
        if (delivered.add(key)) {
            append("deliver " + key + " " + userId);
        }
        return new DeliveryResult.Sent(key);
    }

    @Override
    public DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback) {
        return sendDirect("#" + role, blocks, fallback, "channel");
    }

    @Override
    public DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback, String key) {
        return sendDirect("#" + role, blocks, fallback, key);
    }

    private void append(String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
