package org.askonce.appointments;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A booking as hall staff see it: the phone as stored (in clear until the retention masks it), its
 * state, who last marked it (arrived, no-show, undone, or closed the slot) and when, and the reason
 * when the hall cancelled it.
 */
public record HallBooking(Appointment appointment, String phone, BookingState state, String markedBy, Instant markedAt,
        String hallReason, Instant bookedAt) {

    public String code() {
        return appointment.code();
    }

    public LocalDate date() {
        return appointment.date();
    }

    public String start() {
        return appointment.start();
    }

    public String item() {
        return appointment.item();
    }
}
