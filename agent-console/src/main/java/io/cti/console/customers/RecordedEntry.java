package io.cti.console.customers;

import io.cti.core.customers.CustomerCard;

/**
 * The answer to a history write: the id of the new row and the customer's card as it is now, since the write
 * may have raised or cleared alerts and changed figures the agent is looking at. Immutable.
 */
record RecordedEntry(long id, CustomerCard card) {
}
