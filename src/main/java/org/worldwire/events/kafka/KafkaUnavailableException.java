package org.worldwire.events.kafka;

/**
 * The Kafka cluster did not answer at start within the configured time; the message names the address tried, so an
 * operator sees at once which setting or which broker is wrong.
 */
public final class KafkaUnavailableException extends RuntimeException {
    KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
