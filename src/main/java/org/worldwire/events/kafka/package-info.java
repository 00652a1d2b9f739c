/**
 * Apache Kafka adapters for a Worldwire spread over processes: {@link org.worldwire.events.kafka.KafkaEventBus}
 * carries stored articles and updated stories to every process, {@link org.worldwire.events.kafka.KafkaWorkQueue}
 * shares discovered entries among the workers. Only {@code app} names them.
 */
@NullMarked
package org.worldwire.events.kafka;

import org.jspecify.annotations.NullMarked;
