package io.policybot.store;

import io.policybot.PolicyBotException;

/** The database failed (I/O, a broken file, a constraint the code did not expect). */
public class StoreException extends PolicyBotException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
