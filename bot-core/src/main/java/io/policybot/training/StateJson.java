package io.policybot.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policybot.PolicyBotException;

/** Session states as small JSON documents. Thread-safe. */
final class StateJson {
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false); // older rows read by newer code

    String write(Object state) {
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new PolicyBotException("cannot write a training state: " + e.getMessage(), e);
        }
    }

    <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new PolicyBotException("unreadable training state " + json + ": " + e.getMessage(), e);
        }
    }
}
