package io.policybot.content;

/** One thing wrong with the content, where a person editing the files can find it. */
public record ContentProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
