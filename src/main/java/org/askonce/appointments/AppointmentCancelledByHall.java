package org.askonce.appointments;

/**
 * The hall closed the slot of a booking and cancelled it: the citizen's channel ({@code web},
 * {@code wechat}) is to tell them {@code text} (the reason and how to book again). Published once
 * per booking, after the closing committed. Web citizens read it on their next visit
 * ({@link Appointments#webReminders}).
 */
public record AppointmentCancelledByHall(String channel, String userId, Appointment appointment, String reason, String text) {
}
