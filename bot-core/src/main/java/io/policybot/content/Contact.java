package io.policybot.content;

/** A team people can turn to, from {@code settings.yaml}: role id, name, email and chat channel. */
public record Contact(String role, String name, String email, String channel) {

    /** "People & Culture (HR): hr@acme.example, #ask-hr" in the reply Markdown subset. */
    public String describe() {
        StringBuilder out = new StringBuilder("**").append(name).append("**");
        String sep = ": ";
        if (email != null && !email.isBlank()) {
            out.append(sep).append(email);
            sep = ", ";
        }
        if (channel != null && !channel.isBlank()) {
            out.append(sep).append(channel);
        }
        return out.toString();
    }
}
