package org.askonce.appointments;

import java.time.Instant;
import java.time.LocalDate;

/** A slot of a hall's item that the hall closed: no booking is taken until it is reopened. */
public record ClosedSlot(String hall, String item, LocalDate date, String start, String reason, String closedBy, Instant closedAt) {
}
