package org.askonce.appointments;

/** A booking that cannot be made as things stand (the slot is full or closed, already booked, too many open bookings); the message is for the citizen. */
public class AppointmentRefusedException extends RuntimeException {

    public AppointmentRefusedException(String message) {
        super(message);
    }
}
